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
  /** ISO 639-1 code of the language the application is written in (what tagging reads) */
  language: string | null;
  /** ISO 639-1 code of the applicant's preferred working language (breakout groups, invitations, mail merges) */
  workingLanguage: string | null;
  title: string | null;
  description: string | null;
  beneficiaries: string[];
  /** Revised-taxonomy codes currently on the application (auto or officer, not removed). */
  categories: string[];
  /** Applicant's own category choice, as written in the file. */
  selfCategories: string[];
  score: number | null;
  submittedAt: string | null;
  /** The organisation it belongs to (organizations table; Kumu ID "org-<id>"), the same across calls. */
  organizationId: number | null;
  /** When an officer withdrew it (skillsnet withdraw): kept, but out of selection and exports. */
  withdrawnAt: string | null;
  /** The application it was merged into (skillsnet merge), if any: out of lists, selection and exports. */
  mergedInto: number | null;
}

/** The fields an import produces for one application (before it has an id). */
export type ApplicationFields = Omit<Application, 'id' | 'call' | 'categories' | 'organizationId' | 'withdrawnAt' | 'mergedInto'>;

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
  /** the organisation's member has this role (core-group, member, stakeholder, partner, ilo) */
  role?: MemberRole;
  /** the organisation's member has this status (invited, active, declined, withdrawn, alumni) */
  status?: MemberStatus;
  /** organisation type (case and accents do not matter) */
  type?: string;
  /** a beneficiary / target group the application names (case and accents do not matter) */
  beneficiary?: string;
  /** also withdrawn applications, and those merged into another (list --all shows them; selection and exports never do) */
  includeWithdrawn?: boolean;
  /** the organisation's member was invited to an event and attended none (follow-up mails; cancelled events do not count) */
  neverAttended?: boolean;
  /** the organisation's member was invited to (or at) an event and attended fewer than this many */
  attendedLessThan?: number;
}

/**
 * The filters of select and every export: the shared ones, and a minimum on the selection
 * score (selection/candidates.ts), which the database alone cannot apply.
 */
export interface EligibilityFilters extends ApplicationFilters {
  minScore?: number;
  /**
   * Calls whose scores sit on different scales (0–10 beside 0–100) are put each on 0–10 instead
   * of being refused (--rescale-scores; selection/ranking.ts: scoresOnOneScale).
   */
  rescaleScores?: boolean;
}

// ------------------------------------------------------------------ the network (issue 13)

/** What a member is to the network (CONTRACT.md): `core-group` goes with a cohort ("2020"). */
export const MEMBER_ROLES = ['core-group', 'member', 'stakeholder', 'partner', 'ilo'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const MEMBER_STATUSES = ['invited', 'active', 'declined', 'withdrawn', 'alumni'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
/**
 * Statuses the follow-up filters (--never-attended, --attended-less-than) leave out unless
 * --status names them: a member who declined or withdrew stayed away for a reason, and a "we
 * missed you" mail to them would be wrong.
 */
export const NOT_FOLLOWED_UP: readonly MemberStatus[] = ['declined', 'withdrawn'];

/** Consent to appear on a shared map, and to be contacted: asked, or not (yet). */
export const CONSENT_VALUES = ['yes', 'no', 'unknown'] as const;
export type Consent = (typeof CONSENT_VALUES)[number];

/** An organisation (with its contact person), or a person in their own right (ILO staff, an expert). */
export type MemberKind = 'organization' | 'person';

export function isMemberRole(value: string): value is MemberRole {
  return (MEMBER_ROLES as readonly string[]).includes(value);
}

export function isMemberStatus(value: string): value is MemberStatus {
  return (MEMBER_STATUSES as readonly string[]).includes(value);
}

/** Whether a member of this status keeps a Core Group seat: invited or active (declined, withdrawn and alumni left it). */
export function seatKept(status: string | null | undefined): boolean {
  return status === 'invited' || status === 'active';
}

/** The filters of `members` (and, for what they share, of list and the exports). */
export interface MemberFilters {
  role?: MemberRole;
  /** core-group members of this cohort only */
  cohort?: string;
  status?: MemberStatus;
  call?: string;
  region?: Region;
  country?: string;
  category?: string;
  /** ISO 639-1: the member's working language */
  language?: string;
  roster?: string;
  search?: string;
  /** organisation type, as in list --json's organizationType (case and accents do not matter) */
  type?: string;
  /** a beneficiary / target group (case and accents do not matter) */
  beneficiary?: string;
  kind?: MemberKind;
  /** only these member IDs */
  ids?: number[];
  /** only members with no application in force (none, or all withdrawn) */
  withoutApplications?: boolean;
  /** invited to an event and attended none (cancelled events do not count) */
  neverAttended?: boolean;
  /** invited to (or at) an event and attended fewer than this many */
  attendedLessThan?: number;
}
