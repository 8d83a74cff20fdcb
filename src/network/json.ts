/** The JSON shapes of the network's commands (docs/json.md): members --json, member add --json. */
import type { Member } from '../db/members.js';
import { memberLabel, organizationLabel } from '../ids.js';

/** One member as `members --json` prints it: CONTRACT.md's fields first, then the rest. */
export interface MemberJson {
  id: number;
  kind: Member['kind'];
  organization: string | null;
  name: string | null;
  email: string | null;
  country: string | null;
  region: string | null;
  workingLanguage: string | null;
  roles: string[];
  status: string;
  calls: string[];
  kumuId: string;
  organizationId: number | null;
  personId: number | null;
  organizationType: string | null;
  phone: string | null;
  cohorts: string[];
  consentMap: string;
  consentContact: string;
  workingLanguageFrom: Member['workingLanguageFrom'];
  timeZone: string | null;
  applications: number[];
  categories: string[];
  beneficiaries: string[];
  notes: string | null;
  source: Member['source'];
}

export function memberJson(m: Member): MemberJson {
  return {
    id: m.id, kind: m.kind, organization: m.organization, name: m.name, email: m.email, country: m.country, region: m.region,
    workingLanguage: m.workingLanguage, roles: m.roles, status: m.status, calls: m.calls,
    kumuId: m.kumuId, organizationId: m.organizationId, personId: m.personId, organizationType: m.organizationType, phone: m.phone,
    cohorts: m.cohorts.map((c) => c.cohort), consentMap: m.consentMap, consentContact: m.consentContact, workingLanguageFrom: m.workingLanguageFrom,
    timeZone: m.timeZone, applications: m.applicationIds, categories: m.categories, beneficiaries: m.beneficiaries, notes: m.notes, source: m.source,
  };
}

/**
 * The columns of members --csv, in the order an officer reads them: who (the member as
 * `member-N`, its organisation as `org-N`, the IDs commands take), how to reach them, where
 * they are, what they are in the Network and what they agreed to; then the rest of the JSON.
 */
export const MEMBER_CSV_COLUMNS = [
  'id', 'kind', 'organization', 'organizationId', 'name', 'email', 'phone', 'country', 'region', 'workingLanguage',
  'roles', 'cohorts', 'status', 'consentMap', 'consentContact', 'calls', 'kumuId', 'organizationType',
  'applications', 'categories', 'beneficiaries', 'notes',
] as const;

/** One member as a row of members --csv: IDs as commands take them, lists joined with "|". */
export function memberCsvRow(m: MemberJson): (string | null)[] {
  const ids: Partial<Record<(typeof MEMBER_CSV_COLUMNS)[number], string | null>> = {
    id: memberLabel(m.id),
    organizationId: m.organizationId !== null ? organizationLabel(m.organizationId) : null,
  };
  return MEMBER_CSV_COLUMNS.map((column) => {
    if (column in ids) return ids[column]!;
    const value = m[column];
    return Array.isArray(value) ? value.join('|') : value === null ? null : String(value);
  });
}
