/** The JSON shapes of the network's commands (docs/json.md): members --json, member add --json. */
import type { Member } from '../db/members.js';

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

/** The columns of members --csv (the JSON's, lists joined with "|"). */
export const MEMBER_CSV_COLUMNS: (keyof MemberJson)[] = [
  'id', 'kind', 'organization', 'name', 'email', 'country', 'region', 'workingLanguage', 'roles', 'status', 'calls', 'kumuId',
  'organizationType', 'phone', 'cohorts', 'consentMap', 'consentContact', 'applications', 'categories', 'beneficiaries', 'notes',
];
