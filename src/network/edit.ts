/**
 * edit: one field (or several) of an application, an organisation, a member or a person, the
 * value it replaces kept in the history. Values are checked and normalised as the import does
 * (a country by name or code, with its region; a language; an email address); edits of the text
 * the tagger reads drop the automatic categories so that `tag auto` tags the application again.
 */
import { withWriteTransaction, type DB } from '../db/connection.js';
import { Change, deleteHistoryEntry } from '../db/history.js';
import { applicationContactFields } from '../db/applications.js';
import { nonOfficerTagRowids } from '../db/tags.js';
import { applicationIdentity, ensurePerson, getOrganization, mergedOrganizationTargets, otherApplicationsInCountry, webDomain, type ApplicationIdentity } from '../db/organizations.js';
import { OperationError, UsageError } from '../errors.js';
import { resolveCountry } from '../geo/countries.js';
import { parseScore, splitList } from '../import/normalise.js';
import { canonicalTerm } from '../import/vocabulary.js';
import { normaliseName } from '../text.js';
import { memberRecord } from '../db/members.js';
import { DRY_RUN, unknownMember } from './members.js';
import { consentOf, statusOf } from './parse.js';
import { countryValue, emailValue, languageValue, timeZoneValue } from './values.js';
import { subjectExists, subjectLabel, subjectTable, type Subject, type SubjectKind } from './subjects.js';
import { didYouMean } from '../suggest.js';
import { MEMBER_STATUSES } from '../model.js';

/** One assignment of `--set FIELD=VALUE`. */
export interface FieldSet {
  field: string;
  value: string;
}

/** "email=ana@example.org" -> { field, value }; a usage error without "=". */
export function parseAssignment(text: string): FieldSet {
  const i = text.indexOf('=');
  if (i <= 0) throw new UsageError(`--set takes FIELD=VALUE, got "${text}"`, { hint: 'e.g. --set country=Peru --set "organization=Fundación Andes"' });
  return { field: text.slice(0, i).trim(), value: text.slice(i + 1).trim() };
}

/** A column an officer may edit: its name in the table, and how a typed value becomes a stored one. */
interface EditableField {
  name: string;
  column: string;
  /** null: clear the field. */
  parse: (value: string) => unknown;
  /** Also sets other columns (a country's region), from the value and, when the officer typed it, the text typed. */
  also?: (value: unknown, typed?: string) => Record<string, unknown>;
  /** The tagger reads it: automatic categories are dropped when it changes. */
  retag?: boolean;
  /** Whether the field may be left empty. */
  required?: boolean;
}

const text = (v: string) => v.replace(/\s+/g, ' ').trim() || null;
const paragraphs = (v: string) => v.trim() || null;
const country = (v: string) => countryValue(v, 'country');
const regionOf = (code: unknown) => ({ region: code ? resolveCountry(String(code))?.region ?? null : null });
/**
 * A country typed by the officer is also the country "as written": `show` said `PE (written
 * "Paraguay")` after `edit ID --set country=Perú`, the import's text standing beside the
 * officer's correction. (An organisation following its application's country keeps its own.)
 */
const regionAndWritten = (code: unknown, typed?: string) => ({ ...regionOf(code), ...(typed === undefined ? {} : { country_raw: typed.replace(/\s+/g, ' ').trim() || null }) });
const language = (v: string) => languageValue(v, 'language');
const email = (v: string) => emailValue(v, 'email');
function score(v: string): number | null {
  const s = parseScore(v);
  if (s === 'invalid') throw new UsageError(`"${v}" is not a score`, { hint: 'a number such as 8.5 or 8,5' });
  return s;
}
const list = (kind: 'beneficiaries' | null) => (v: string) => JSON.stringify(splitList(v).map((x) => (kind ? canonicalTerm(kind, x) : x)));
const type = (v: string) => (v.trim() ? canonicalTerm('organizationTypes', v) : null);
function consent(v: string): string {
  const c = consentOf(v);
  if (!c) throw new UsageError(`"${v}" is not yes, no or unknown`, { hint: 'a consent is yes, no or unknown, e.g. --set consentMap=no' });
  return c;
}
function status(v: string): string {
  const s = statusOf(v);
  if (!s) throw new UsageError(`"${v}" is not a status${didYouMean(v, MEMBER_STATUSES)}`, { hint: `statuses: ${MEMBER_STATUSES.join(', ')}` });
  return s;
}
/** A place's zone, as events take it (abbreviations such as CET are refused, and say why). */
const timeZone = (v: string) => timeZoneValue(v, 'timeZone');

const FIELDS: Record<SubjectKind, EditableField[]> = {
  application: [
    { name: 'organization', column: 'organization', parse: text, required: true },
    { name: 'organizationType', column: 'organization_type', parse: type },
    { name: 'contactName', column: 'contact_name', parse: text },
    { name: 'email', column: 'email', parse: email },
    { name: 'phone', column: 'phone', parse: text },
    { name: 'website', column: 'website', parse: text },
    { name: 'country', column: 'country', parse: country, also: regionAndWritten },
    { name: 'language', column: 'language', parse: language, retag: true },
    { name: 'workingLanguage', column: 'working_language', parse: language },
    { name: 'title', column: 'title', parse: text, retag: true },
    { name: 'description', column: 'description', parse: paragraphs, retag: true },
    { name: 'beneficiaries', column: 'beneficiaries_json', parse: list('beneficiaries'), retag: true },
    { name: 'score', column: 'score', parse: score },
    { name: 'externalId', column: 'external_id', parse: text },
    { name: 'submittedAt', column: 'submitted_at', parse: text },
  ],
  organization: [
    { name: 'name', column: 'name', parse: text, also: (v) => ({ name_key: normaliseName(String(v)) || String(v).toLowerCase() }), required: true },
    { name: 'organizationType', column: 'organization_type', parse: type },
    { name: 'country', column: 'country', parse: country, also: regionAndWritten },
    { name: 'website', column: 'website', parse: text, also: (v) => ({ web_domain: webDomain(v as string | null) }) },
    { name: 'beneficiaries', column: 'beneficiaries_json', parse: list('beneficiaries') },
    { name: 'notes', column: 'notes', parse: paragraphs },
  ],
  member: [
    { name: 'status', column: 'status', parse: status, required: true },
    { name: 'workingLanguage', column: 'working_language', parse: language },
    { name: 'consentMap', column: 'consent_map', parse: consent, required: true },
    { name: 'consentContact', column: 'consent_contact', parse: consent, required: true },
    { name: 'notes', column: 'notes', parse: paragraphs },
    { name: 'country', column: 'country', parse: country, also: regionOf },
  ],
  person: [
    { name: 'name', column: 'name', parse: text },
    { name: 'givenName', column: 'given_name', parse: text },
    { name: 'familyName', column: 'family_name', parse: text },
    { name: 'email', column: 'email', parse: email },
    { name: 'phone', column: 'phone', parse: text },
    { name: 'workingLanguage', column: 'working_language', parse: language },
    { name: 'timeZone', column: 'time_zone', parse: timeZone },
  ],
};

/** Other spellings of field names officers type (folded: no case, no "-" or "_"). */
const ALIASES: Record<string, string> = {
  type: 'organizationType', orgtype: 'organizationType', organisationtype: 'organizationType', organisation: 'organization', org: 'organization',
  contact: 'contactName', contactperson: 'contactName', name: 'contactName', mail: 'email', emailaddress: 'email', tel: 'phone', telephone: 'phone',
  url: 'website', web: 'website', lang: 'language', working: 'workingLanguage', workinglang: 'workingLanguage', langue: 'workingLanguage',
  summary: 'description', consentmap: 'consentMap', map: 'consentMap', consentcontact: 'consentContact', contactconsent: 'consentContact',
  given: 'givenName', firstname: 'givenName', first: 'givenName', family: 'familyName', lastname: 'familyName', last: 'familyName',
  tz: 'timeZone', timezone: 'timeZone', id: 'externalId', applicationid: 'externalId', submitted: 'submittedAt', target: 'beneficiaries',
};

const fold = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');

/** The editable fields of a kind of record, by their names in JSON. */
export function editableFields(kind: SubjectKind): string[] {
  return FIELDS[kind].map((f) => f.name);
}

function findField(kind: SubjectKind, name: string): EditableField {
  const fields = FIELDS[kind];
  const folded = fold(name);
  const direct = fields.find((f) => fold(f.name) === folded || fold(f.column) === folded);
  const alias = Object.hasOwn(ALIASES, folded) ? ALIASES[folded] : undefined;
  const found = direct ?? fields.find((f) => f.name === alias) ?? (kind === 'organization' && alias === 'contactName' ? fields.find((f) => f.name === 'name') : undefined)
    ?? (kind === 'person' && alias === 'contactName' ? fields.find((f) => f.name === 'name') : undefined);
  if (!found) throw new UsageError(`${({ organization: 'an organisation', application: 'an application', member: 'a member', person: 'a person' } as Record<string, string>)[kind] ?? `a ${kind}`} has no field "${name}" that can be edited${didYouMean(name, editableFields(kind))}`, { hint: `fields: ${editableFields(kind).join(', ')}` });
  return found;
}

export interface EditResult {
  /** What was edited: the organisation kept by a merge when the one named was merged into it. */
  subject: string;
  /** The organisation named, when it was merged into `subject` ("org-449"). */
  mergedFrom?: string;
  /** Fields whose value changed; values are not repeated here (they may be personal data): show ID gives them. */
  changed: string[];
  unchanged: string[];
  historyId: number | null;
  dryRun: boolean;
  /** Automatic categories dropped because the text changed: run skillsnet tag auto. */
  retag: boolean;
  /**
   * After an application's country changed (to `applicationCountry`), its organisation's ("org-17"):
   * `followed` when the organisation's country came from this application and moved with it (same
   * change), else the country the organisation still has and the other applications that still say it.
   */
  organizationCountry?: { organization: string; country: string | null; followed: boolean; applications: number[]; applicationCountry: string | null };
}

/** Writes one field (and what it sets besides, a country's region) in the change; returns whether the value changed. */
function applyField(change: Change, table: string, id: number, field: EditableField, value: unknown, typed?: string): boolean {
  const did = change.update(table, id, field.column, value);
  // (what follows a value changes with it: a country typed as it already is leaves its text as written alone)
  if (did) for (const [column, v] of Object.entries(field.also?.(value, typed) ?? {})) change.update(table, id, column, v);
  return did;
}

/** Applies `--set FIELD=VALUE`s to one record in one transaction (rolled back on a dry run). */
export function editRecord(db: DB, named: Subject, sets: FieldSet[], options: { dryRun?: boolean } = {}): EditResult {
  if (!sets.length) throw new UsageError('nothing to change', { hint: 'give --set FIELD=VALUE, e.g. --set country=Peru' });
  if (!subjectExists(db, named)) throw new OperationError(`no ${subjectLabel(named).replace(/-\d+$| \d+$/, '')} with ID ${named.id}`, { hint: 'find IDs with skillsnet list, skillsnet members or skillsnet organizations' });
  // A member merged into another is refused, naming it, as by `member set member-N`.
  if (named.kind === 'member' && memberRecord(db, named.id)?.merged_into) throw unknownMember(db, named.id);
  // An organisation merged into another is edited there, as `member set org-N` and `show org-N` follow the merge.
  // (followed to the end: A merged into B, B later into C, is C)
  const into = named.kind === 'organization' ? mergedOrganizationTargets(db).get(named.id) ?? null : null;
  const subject: Subject = into !== null ? { kind: 'organization', id: into } : named;
  const parsed = sets.map((s) => {
    const field = findField(subject.kind, s.field);
    const value = field.parse(s.value);
    if (field.required && (value === null || value === '')) throw new UsageError(`${field.name} cannot be left empty`, { hint: `give it a value: --set "${field.name}=…"` });
    return { field, value, typed: s.value };
  });
  const table = subjectTable(subject.kind);
  const before = subject.kind === 'application' ? applicationIdentity(db, subject.id) : undefined;
  const result: EditResult = { subject: subjectLabel(subject), changed: [], unchanged: [], historyId: null, dryRun: Boolean(options.dryRun), retag: false };
  if (into !== null) result.mergedFrom = subjectLabel(named);
  try {
    withWriteTransaction(db, () => {
      const change = new Change(db, 'edit', subjectLabel(subject), {});
      for (const { field, value, typed } of parsed) {
        const did = applyField(change, table, subject.id, field, value, typed);
        (did ? result.changed : result.unchanged).push(field.name);
        if (did && field.retag && subject.kind === 'application') {
          const auto = nonOfficerTagRowids(db, subject.id);
          for (const rowid of auto) change.remove('application_categories', rowid);
          if (auto.length) result.retag = true;
        }
      }
      if (subject.kind === 'application' && result.changed.some((f) => f === 'email' || f === 'contactName' || f === 'phone')) relinkPerson(db, change, subject.id);
      if (before && result.changed.includes('country')) result.organizationCountry = followCountry(db, change, before);
      change.note({ changed: result.changed });
      if (result.changed.length) result.historyId = change.id;
      else deleteHistoryEntry(db, change.id);
      if (options.dryRun) throw DRY_RUN;
    });
  } catch (e) {
    if (e !== DRY_RUN) throw e;
  }
  if (options.dryRun) result.historyId = null;
  return result;
}

/**
 * After an application's country changed: its organisation's country follows when it came from
 * this application — the organisation said what the application said, and none of its other
 * applications (merged and withdrawn ones aside) still says it, as with an organisation of one
 * application — written as `edit org-N --set country=` would, in the same change. Otherwise the
 * organisation keeps its country, and the result says which and what still says it.
 */
function followCountry(db: DB, change: Change, before: ApplicationIdentity): EditResult['organizationCountry'] {
  if (before.organizationId === null) return undefined;
  const organization = getOrganization(db, before.organizationId);
  const now = applicationIdentity(db, before.id)?.country ?? null;
  if (!organization || organization.country === now) return undefined;
  const label = `org-${organization.id}`;
  const others = otherApplicationsInCountry(db, organization.id, before.id, organization.country);
  if (organization.country === before.country && others.length === 0) {
    applyField(change, 'organizations', organization.id, findField('organization', 'country'), now);
    return { organization: label, country: now, followed: true, applications: [], applicationCountry: now };
  }
  return { organization: label, country: organization.country, followed: false, applications: others, applicationCountry: now };
}

/** After an edit of an application's contact: its person is the organisation's person with that email (or name), made when new. */
function relinkPerson(db: DB, change: Change, applicationId: number): void {
  const a = applicationContactFields(db, applicationId);
  if (a.organization_id === null) return;
  const personId = a.email || a.contact_name ? ensurePerson(db, a.organization_id, { name: a.contact_name, email: a.email, phone: a.phone }, applicationId) : null;
  change.update('applications', applicationId, 'person_id', personId);
}
