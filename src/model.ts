/** Shared vocabulary of the domain (see shared DOMAIN.md). */

export const REGIONS = [
  'Africa',
  'Americas',
  'Arab States',
  'Asia and the Pacific',
  'Europe and Central Asia',
] as const;
export type Region = (typeof REGIONS)[number];

/** The network's working languages; others are kept as found. */
export const NETWORK_LANGUAGES = ['en', 'fr', 'es'] as const;

/** An application as the rest of the tool (list --json, select, export) sees it. */
export interface Application {
  id: number;
  externalId: string | null;
  call: string;
  organization: string;
  organizationType: string | null;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  country: string | null;
  countryRaw: string | null;
  region: Region | null;
  language: string | null;
  title: string | null;
  description: string | null;
  beneficiaries: string[];
  /** Revised-taxonomy codes currently on the application (auto or officer, not removed). */
  categories: string[];
  /** Applicant's own category choice, as written in the file. */
  selfCategories: string[];
  score: number | null;
  submittedAt: string | null;
}

/** The fields an import produces for one application (before it has an id). */
export type ApplicationFields = Omit<Application, 'id' | 'call' | 'categories'>;

export function isRegion(value: string): value is Region {
  return (REGIONS as readonly string[]).includes(value);
}

/** The filters shared by list, select and every export (one parser: src/cli/filters.ts). */
export interface ApplicationFilters {
  region?: Region;
  /** ISO alpha-2 */
  country?: string;
  /** revised-taxonomy code */
  category?: string;
  /** ISO 639-1 */
  language?: string;
  call?: string;
  roster?: string;
  /** case-insensitive substring over organisation, title, description, contact, email */
  search?: string;
  /**
   * Every call together, said on purpose (--all-calls): select and the exports refuse to mix
   * the calls of a database that holds several unless told which (--call) or this.
   */
  allCalls?: boolean;
}

/**
 * The filters of select and every export: the shared ones, and a minimum on the selection
 * score (selection/candidates.ts), which the database alone cannot apply.
 */
export interface EligibilityFilters extends ApplicationFilters {
  minScore?: number;
}
