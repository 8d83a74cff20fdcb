/**
 * member import: a list of stakeholders (partners, constituents, ILO staff...) from any file the
 * application import reads — CSV in any encoding and delimiter, .xlsx, form exports — with the
 * same header recognition (organisation, name, email, country, type...), plus the member columns
 * data/network.json names (role, status, working language, consent to the map and to contact,
 * notes, cohort). Each row becomes a member (added, or a role added to one already there); rows
 * without an organisation or a person are rejected with their row number. One transaction: a
 * dry run or a failure leaves the database as it was.
 *
 * Rows are numbered as `import` numbers them (its rejects): data rows, 1 being the first row
 * under the header, blank rows not counted. A value that cannot be read (a language or a country
 * skillsnet does not know, a time zone, a role) does not reject the row: it is left out, and a
 * problem line names the column — never the value, which may be personal data.
 */
import { beginWrite, commit, rollback, WAITING_FOR_WRITER, type DB } from '../db/connection.js';
import { OperationError } from '../errors.js';
import { prepareFiles, type ImportHooks } from '../import/importer.js';
import { missingColumnsError } from '../import/mapping.js';
import { isTotalLine, NUMBER_ONLY, totalLineShape, networkVocabulary, type MemberColumn } from '../import/network-vocabulary.js';
import { RowNormaliser } from '../import/normalise.js';
import type { MemberRole } from '../model.js';
import { checkpoint, mapInSteps, warning } from '../reporting.js';
import { normaliseName } from '../text.js';
import { resolveCountry } from '../geo/countries.js';
import { resolveLanguage } from '../geo/languages.js';
import { timeZoneName } from '../events/timezones.js';
import { addMemberIn, type MemberInput } from './members.js';
import { consentOf, kindOf, roleOf, statusOf } from './parse.js';

export interface MemberImportOptions {
  /** Role of rows whose role column is empty, or of every row when the file has none (default stakeholder). */
  role?: MemberRole;
  dryRun?: boolean;
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  /** A mapping file as `import --map` takes it (JSON: field -> the file's header). */
  map?: string;
}

export interface MemberImportReport {
  file: string;
  dryRun: boolean;
  rows: number;
  /** New members. */
  added: number;
  /** Members already there (an applicant organisation, an earlier import) that the row updated or gave a role. */
  updated: number;
  /** Members already there that the row left as they were (the same file imported again). */
  unchanged: number;
  rejected: number;
  /** Rows whose organisation may be one already known: a new one was made, the officer confirms (organizations --unconfirmed). */
  doubtful: number;
  memberIds: number[];
  /** field -> the headers it was read from; member columns included. */
  columns: Record<string, string[]>;
  /** Headers no field or member column took (their cells were not read). */
  unmappedColumns: string[];
  /** Rejected rows and problems, by data row (1 = the first row under the header, blank rows not counted, as in `rejects`); no cell values. */
  problems: { row: number; problem: string }[];
}

/** Fields of the application import that a member has no place for. */
const NOT_KEPT = ['externalId', 'submittedAt', 'score', 'beneficiaries', 'selfCategories'] as const;
/** Fields a member keeps only on its organisation. */
const ORGANIZATION_ONLY = ['website', 'organizationType'] as const;

export async function importMembers(db: DB, file: string, options: MemberImportOptions = {}, hooks: ImportHooks = {}): Promise<MemberImportReport> {
  // A stakeholder list may have no email column, or no organisation column (a list of people):
  // accept what the import recognised as long as it names someone.
  const accept: ImportHooks = {
    ...hooks,
    askMapping: async (q) => {
      const names = Boolean(q.mapping.contactName?.length || q.mapping.firstName?.length || q.mapping.lastName?.length);
      const blocking = q.missing.filter((f) => f !== 'email' && !(f === 'organization' && names));
      if (blocking.length) throw missingColumnsError(q.file, q.headers, blocking);
      return q.mapping;
    },
  };
  const prepared = await prepareFiles([file], { sheet: options.sheet, encoding: options.encoding, delimiter: options.delimiter, mapFile: options.map }, accept);
  const { source, layout } = prepared.files[0]!;
  const vocabulary = networkVocabulary();
  // A header spelled exactly as a member column ("Langue de travail", "Role") is that column, even
  // when the application import would have read it as one of its fields (the language of the text).
  const memberColumns = new Map<MemberColumn, number>();
  layout.headers.forEach((h, i) => {
    const column = vocabulary.columns.get(normaliseName(h));
    if (!column || memberColumns.has(column)) return;
    memberColumns.set(column, i);
    for (const field of Object.keys(layout.mapping) as (keyof typeof layout.mapping)[]) {
      const left = layout.mapping[field]!.filter((c) => c !== i);
      if (left.length) layout.mapping[field] = left;
      else delete layout.mapping[field];
    }
  });
  // What a member keeps nothing of (an application's ID, date, score, categories): listed with the
  // columns not read, not as read ("externalId ← Record ID" of a CRM export was then dropped).
  for (const field of NOT_KEPT) delete layout.mapping[field];
  // A list of people without an organisation column keeps no website or organisation type either
  // (they are the organisation's): "Domain Name" of a list of people was "website ← Domain Name" and dropped.
  if (!layout.mapping.organization?.length) for (const field of ORGANIZATION_ONLY) delete layout.mapping[field];
  // A list without a notes column keeps its description as the member's note (a CRM's
  // "Description" of the contact, "Met at the 2021 forum", was read and dropped); it still tells
  // the working language where nothing else does.
  const described = memberColumns.has('notes') ? undefined : layout.mapping.description?.[0];
  if (described !== undefined) memberColumns.set('notes', described);
  const columns: Record<string, string[]> = {};
  for (const [field, idx] of Object.entries(layout.mapping)) if (!(field === 'description' && described !== undefined)) columns[field] = (idx ?? []).map((i) => layout.headers[i]!);
  for (const [field, i] of memberColumns) columns[field] = [layout.headers[i]!];
  const taken = new Set<number>([...Object.values(layout.mapping).flatMap((idx) => idx ?? []), ...memberColumns.values()]);
  const unmappedColumns = layout.headers.filter((h, i) => !taken.has(i) && h.trim() !== '');
  /** "column Langue de travail" — the header as the file writes it, for problem lines. */
  const columnOf = (field: string, fallback: string) => `column ${columns[field]?.[0] ?? fallback}`;

  const rows: { number: number; cells: string[] }[] = [];
  let toSkip = layout.skip;
  let n = 0;
  await source.read((cells) => {
    if (toSkip > 0) {
      if (cells.every((c) => !c.trim())) return;
      toSkip--;
      return;
    }
    if (cells.every((c) => !c.trim())) return;
    rows.push({ number: ++n, cells });
  });

  const report: MemberImportReport = { file, dryRun: Boolean(options.dryRun), rows: rows.length, added: 0, updated: 0, unchanged: 0, rejected: 0, doubtful: 0, memberIds: [], columns, unmappedColumns, problems: [] };
  const normaliser = new RowNormaliser(layout.mapping);
  // A line of totals is told by its shape: the list's last lines (from trailingTotals on) may be
  // "Total;3" whatever column the count is in; elsewhere the count must be where a name goes.
  const totalShape = totalLineShape(layout.mapping);
  let trailingTotals = rows.length + 1;
  while (trailingTotals > 1 && isTotalLine(rows[trailingTotals - 2]!.cells, { ...totalShape, last: true })) trailingTotals--;
  const cell = (cells: string[], column: MemberColumn) => {
    const i = memberColumns.get(column);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  // One transaction, written in steps with the event loop free between them, so that Ctrl-C is
  // answered (the process ends and SQLite rolls the transaction back): 5,000 rows in one
  // synchronous block kept Ctrl-C waiting 8 s and then saved them all.
  await beginWrite(db, () => hooks.onStatus?.(WAITING_FOR_WRITER));
  let open = true;
  try {
    await mapInSteps(rows, ({ number, cells }) => {
      if (isTotalLine(cells, { ...totalShape, last: number >= trailingTotals })) {
        report.rejected++;
        report.problems.push({ row: number, problem: 'rejected: a line of totals (a label such as "Total" and numbers), not a member' });
        return;
      }
      const { application: a, reasons } = normaliser.normalise(cells, number);
      const input: MemberInput = {
        organization: nameOrNull(a.organization), name: nameOrNull(a.contactName), email: reasons.includes('invalid email') ? null : a.email, phone: a.phone,
        country: a.countryRaw, type: a.organizationType, website: a.website, language: cell(cells, 'workingLanguage') || a.language,
        notes: cell(cells, 'notes') || null, cohort: cell(cells, 'cohort') || null, timeZone: cell(cells, 'timeZone') || null,
      };
      const problem = (text: string) => report.problems.push({ row: number, problem: text });
      if (reasons.includes('invalid email')) problem(`${columnOf('email', 'Email')}: not an email address (left out)`);
      // What cannot be read is left out with a problem line; the row is kept.
      if (input.language && !resolveLanguage(input.language)) {
        problem(`${cell(cells, 'workingLanguage') ? columnOf('workingLanguage', 'Working language') : columnOf('language', 'Language')}: not a language skillsnet knows (stored without a working language)`);
        input.language = null;
      }
      if (input.country && !resolveCountry(input.country)) problem(`${columnOf('country', 'Country')}: not a country skillsnet knows (kept as written, without a region)`);
      if (input.timeZone && !timeZoneName(input.timeZone)) {
        problem(`${columnOf('timeZone', 'Time zone')}: not a time zone (an IANA name such as Europe/Paris; left out)`);
        input.timeZone = null;
      }
      const roleText = cell(cells, 'role');
      const role = roleText ? roleOf(roleText) : null;
      if (roleText && !role) problem(`${columnOf('role', 'Role')}: not a role (${options.role ?? 'stakeholder'} given instead)`);
      input.role = role ?? options.role ?? 'stakeholder';
      const statusText = cell(cells, 'status');
      if (statusText) {
        const status = statusOf(statusText);
        if (status) input.status = status;
        else problem(`${columnOf('status', 'Status')}: not a status (left as it was)`);
      }
      for (const [column, key] of [['consentMap', 'consentMap'], ['consentContact', 'consentContact']] as const) {
        const text = cell(cells, column);
        if (!text) continue;
        const consent = consentOf(text);
        if (consent) input[key] = consent;
        else problem(`${columnOf(column, column === 'consentMap' ? 'Consent to the map' : 'Consent to be contacted')}: not yes or no (left unknown)`);
      }
      const kindText = cell(cells, 'kind');
      if (kindText) input.kind = kindOf(kindText) ?? undefined;
      if (!input.organization && !input.name && !input.email) {
        report.rejected++;
        problem('rejected: no organisation, name or email');
        return;
      }
      try {
        const added = addMemberIn(db, input, 'import');
        if (added.created) report.added++;
        else if (added.rolesAdded.length || added.personChanged.length || added.memberChanged.length || added.personAdded) report.updated++;
        else report.unchanged++;
        if (added.doubtful.length) report.doubtful++;
        if (!report.memberIds.includes(added.id)) report.memberIds.push(added.id);
      } catch (e) {
        if (!(e instanceof Error) || !('exitCode' in e)) throw e;
        report.rejected++;
        // (the message of a check may quote what was typed: the value is not repeated here)
        problem(`rejected: ${(e as Error).message.replace(/ \(--[^)]*\)/g, '').replace(/"[^"]*"/g, 'the value')}`);
      }
    }, () => checkpoint(hooks.signal));
    open = false;
    if (options.dryRun) rollback(db);
    else commit(db);
  } finally {
    if (open) rollback(db);
  }
  if (!rows.length) throw new OperationError(`${file} has a header row but no data`, { hint: 'check that you picked the right file' });
  for (const line of normaliser.warnings.lines()) hooks.onWarning?.(warning('row', line));
  return report;
}

/** An organisation or a person's name: a cell with a letter in it ("3" or "12." is none). */
const nameOrNull = (text: string | null | undefined): string | null => (text && !NUMBER_ONLY.test(text.trim()) ? text : null);
