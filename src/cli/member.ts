import type { Command } from 'commander';
import { invocation, printJson, withCreatedDatabase, withDatabase, type CliContext } from './context.js';
import { canPrompt, info, personalOutput, warn, type IO } from './io.js';
import { OperationError, UsageError } from '../errors.js';
import type { Consent, MemberRole, MemberStatus } from '../model.js';
import { callbacksFor } from '../ui/callbacks.js';
import { interruptSignal } from './signals.js';
import type { MemberChanges, MemberInput, SeatToReplace } from '../network/members.js';
import { memberLabel } from '../ids.js';
import { countryName } from '../geo/countries.js';
import type { OrganizationCandidate } from '../import/organizations.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// ------------------------------------------------------------------ member add

export interface MemberAddOptions {
  dbPath: string;
  input: MemberInput;
  dryRun?: boolean;
  json?: boolean;
}

export async function runMemberAdd(opts: MemberAddOptions, io: IO): Promise<{ id: number; created: boolean; organizationId: number | null; personId: number | null; kumuId: string | null; dryRun: boolean; doubtful: number[] }> {
  const { addMember } = await import('../network/members.js');
  const added = await withCreatedDatabase(opts.dbPath, { io, dryRun: opts.dryRun }, (db) => addMember(db, opts.input, { dryRun: opts.dryRun }));
  const kumuId = added.kind === 'organization' && added.organizationId !== null ? `org-${added.organizationId}` : added.personId !== null ? `person-${added.personId}` : null;
  const result = {
    id: added.id, created: added.created, kind: added.kind, organizationId: added.organizationId, personId: added.personId, kumuId,
    rolesAdded: added.rolesAdded, changed: { person: added.personChanged, member: added.memberChanged, personAdded: added.personAdded }, matched: added.matched ? { organizationId: added.matched.organizationId, evidence: added.matched.evidence } : null,
    doubtful: added.doubtful.map((d) => d.organizationId), dryRun: Boolean(opts.dryRun),
  };
  if (opts.json) printJson(io, result);
  else {
    const changed = [
      ...(added.personAdded && added.personId !== null ? [`a person added (person-${added.personId})`] : []),
      ...added.personChanged.map((c) => `its contact person's ${c.replace(/_/g, ' ')}`),
      // (a person added is the member's new contact person: "person id" said it again, in the column's name)
      ...added.memberChanged.filter((c) => !(c === 'person_id' && added.personAdded)).map((c) => (c === 'person_id' ? 'its contact person' : c.replace(/_/g, ' '))),
    ];
    // (a dry run says what would happen, never "Added")
    const would = opts.dryRun ? 'would be ' : '';
    const what = added.created
      ? `${opts.dryRun ? 'Would add' : 'Added'} ${memberLabel(added.id)}`
      : `${memberLabel(added.id)} was there already${added.rolesAdded.length ? `; role ${added.rolesAdded.join(', ')} ${would}added` : ''}${changed.length ? `; ${opts.dryRun ? 'would change' : 'changed'}: ${changed.join(', ')}` : ''}`;
    io.stdout.write(`${opts.dryRun ? 'Dry run: ' : ''}${what}${kumuId ? ` (${kumuId} in the maps)` : ''}.\n`);
    if (added.matched) info(io, `The organisation is org-${added.matched.organizationId}, known already (${added.matched.evidence.join(', ')}).`);
    if (added.doubtful.length) {
      // (named, with its country: "Did you mean" is answered by what the officer sees, not by an ID)
      const named = (d: OrganizationCandidate) => `org-${d.organizationId} "${d.name}"${d.country ? `, ${countryName(d.country)}` : ''} (${d.evidence.join(', ')})`;
      info(io, `It may be ${added.doubtful.map(named).join(' or ')}: a new organisation was made. If they are one: skillsnet organization link org-${added.doubtful[0]!.organizationId} org-${added.organizationId}`);
    }
    if ((added.personChanged.length || added.memberChanged.length) && !opts.dryRun) info(io, 'The values it replaced are kept: skillsnet history.');
    if (opts.dryRun) info(io, 'Nothing was saved.');
  }
  return result;
}

// ------------------------------------------------------------------ member import

export interface MemberImportCliOptions {
  dbPath: string;
  file: string;
  role?: MemberRole;
  dryRun?: boolean;
  json?: boolean;
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  /** A mapping file, as import --map takes it. */
  map?: string;
}

export async function runMemberImport(opts: MemberImportCliOptions, io: IO): Promise<unknown> {
  const { importMembers } = await import('../network/member-import.js');
  let report: Awaited<ReturnType<typeof importMembers>>;
  try {
    report = await withCreatedDatabase(opts.dbPath, { io, dryRun: opts.dryRun }, (db) =>
      importMembers(db, opts.file, { role: opts.role, dryRun: opts.dryRun, sheet: opts.sheet, encoding: opts.encoding, delimiter: opts.delimiter, map: opts.map }, { ...callbacksFor(io), signal: interruptSignal() }));
  } catch (e) {
    // under --json, one document on stdout all the same (as import's: CONTRACT.md)
    throw opts.json ? await (await import('./import.js')).withJsonDocument(e, opts.file) : e;
  }
  if (opts.json) {
    printJson(io, report);
    return report;
  }
  io.stdout.write(`${opts.dryRun ? 'Dry run: ' : ''}${plural(report.rows, 'row')}: ${report.added} new member${report.added === 1 ? '' : 's'}, ${report.updated} already there (updated), ${report.unchanged} already there (unchanged), ${report.rejected} rejected.\n`);
  const cols = Object.entries(report.columns).map(([f, h]) => `${f} ← ${h.map((x) => `"${x}"`).join(', ')}`);
  info(io, `Columns: ${cols.join('; ')}`);
  if (report.unmappedColumns.length) info(io, `Not read: ${report.unmappedColumns.map((h) => `"${h}"`).join(', ')} (name them in a mapping file for --map if they matter)`);
  for (const p of report.problems.slice(0, 20)) warn(io, `data row ${p.row}: ${p.problem}`);
  if (report.problems.length > 20) warn(io, `... and ${report.problems.length - 20} more (--json lists them all)`);
  if (report.doubtful) info(io, `${plural(report.doubtful, 'organisation')} may be one already known: see skillsnet organizations --unconfirmed`);
  info(io, opts.dryRun ? 'Nothing was saved.' : 'See them with: skillsnet members');
  return report;
}

// ------------------------------------------------------------------ member set

export interface MemberSetOptions {
  dbPath: string;
  /** The member: its ID, or as typed (member-9, org-4). */
  id: number | string;
  changes: MemberChanges;
  dryRun?: boolean;
  json?: boolean;
}

export async function runMemberSet(opts: MemberSetOptions, io: IO): Promise<unknown> {
  const { replacementOffers, setMember } = await import('../network/members.js');
  const { memberJson } = await import('../network/json.js');
  const { resolveMemberRef, seatlessCoreGroupRosters } = await import('../db/members.js');
  const { result, seatsGone } = await withDatabase(opts.dbPath, { io, write: true, dryRun: opts.dryRun }, async (db) => {
    const done = setMember(db, resolveMemberRef(db, opts.id, { what: 'member set' }), opts.changes, { dryRun: opts.dryRun });
    // back (active, invited) after a seat given away: the role stayed, the roster did not keep a place
    const back = !opts.dryRun && done.changed.includes('status') && (done.member.status === 'active' || done.member.status === 'invited');
    const seatsGone = back ? seatlessCoreGroupRosters(db, done.member.id) : [];
    // a seat is offered only once it is known someone can take it (else: leave it open, or relax a quota)
    return { result: done.replace.length ? { ...done, replace: await replacementOffers(db, done.replace) } : done, seatsGone };
  });
  const id = result.member.id;
  // (a hang-up at the question that offers the seat said "work in progress was rolled back" of a change saved)
  if (!opts.dryRun && result.historyId) {
    const { setInterruptOutcome } = await import('./signals.js');
    setInterruptOutcome(() => `member-${id} was changed (${result.changed.join(', ')}; change ${result.historyId} in the history)`);
  }
  const out = { member: memberJson(result.member), changed: result.changed, historyId: result.historyId, replace: result.replace, dryRun: Boolean(opts.dryRun) };
  if (opts.json) {
    // (the member as members --json has it: its contact's name, address and phone)
    personalOutput(io);
    printJson(io, out);
  } else {
    // (named as well: member IDs are not application IDs, and a number typed from a roster is easily the wrong one)
    const who = result.member.organization ?? result.member.name;
    const label = `member-${id}${who ? ` (${who})` : ''}`;
    io.stdout.write(result.changed.length ? `${opts.dryRun ? 'Dry run: would change' : 'Changed'} ${label}: ${result.changed.join(', ')}.\n` : `${label}: nothing to change.\n`);
    if (!opts.dryRun && result.historyId) info(io, `Kept in the history (change ${result.historyId}).`);
  }
  for (const gone of seatsGone) info(io, seatGoneText(`member-${id}`, gone));
  // A Core Group member declined or left: offer the replacement (asked on a terminal, printed otherwise).
  const left = result.member.status === 'withdrawn' ? 'left' : 'declined';
  if (result.replace.length && !opts.dryRun) {
    for (const seat of result.replace) {
      if (!seat.feasible) {
        info(io, seatOfferText(`member-${id}`, left, seat));
        continue;
      }
      // --yes answers this question yes, on a terminal or not (it was taken to mean "do not
      // ask", and the seat stayed empty); --json leaves the replacement to the script (replace[]).
      if (!opts.json && (io.yes || canPrompt(io))) {
        const go = io.yes || (await (await io.prompts()).confirm(`member-${id} held a seat in roster ${seat.roster}. Offer it to the best alternate now?`, true));
        if (go) {
          const { runRosterReplace } = await import('./roster.js');
          await runRosterReplace({ dbPath: opts.dbPath, name: seat.roster, id: seat.applicationId }, io);
          continue;
        }
      }
      info(io, seatOfferText(`member-${id}`, left, seat));
    }
  }
  return out;
}

/**
 * A member back (active again) whose Core Group seat went to another while it had declined or
 * left: the role stayed without a place in the roster, and nothing said so (the cohort counted
 * one member more than its roster).
 */
export function seatGoneText(who: string, gone: { roster: string; otherCoreGroupRoles: number }): string {
  const remove = gone.otherCoreGroupRoles === 0 ? `take the role away with skillsnet member set ${who} --remove-role core-group, or ` : '';
  return `${who} is back, but its seat in roster ${gone.roster} went to another application (roster replace): it keeps the core-group role without a place in the roster; ${remove}see the roster with skillsnet roster show ${gone.roster}`;
}

/**
 * What a seat freed by a Core Group member who declined or left (`left`: "declined", "left",
 * "would leave"; for a withdrawn application that holds it, "is withdrawn but still holds") can become: the alternate that takes it and the command, or, when nobody can
 * without breaking a quota, the two ways out (member set and withdraw say it alike).
 */
export function seatOfferText(who: string, left: string, seat: SeatToReplace): string {
  if (!seat.feasible) {
    const blocking = seat.binding?.length ? ` without breaking ${seat.binding.map((b) => b.quota).join('; ')}` : '';
    return `${who} ${left} a seat in roster ${seat.roster}, and no alternate or eligible application can take it${blocking}. Leave the seat open: ${seat.choices![0]}` +
      (seat.choices!.length > 1 ? `; or relax ${seat.binding!.length === 1 ? 'that quota' : 'those quotas'} for this replacement: ${seat.choices![1]}` : '');
  }
  const incoming = seat.incoming ? `, #${seat.incoming.id} ${seat.incoming.organization},` : '';
  return `${who} ${left} a seat in roster ${seat.roster}. The best ${seat.incoming?.from === 'eligible' ? 'eligible application' : 'alternate'} that keeps every quota${incoming} can take it: ${seat.command}`;
}

// ------------------------------------------------------------------ member show

export async function runMemberShow(opts: { dbPath: string; id: number | string; json?: boolean }, io: IO): Promise<unknown> {
  const { getMember, resolveMemberRef } = await import('../db/members.js');
  const { memberJson } = await import('../network/json.js');
  const { listHistory } = await import('../db/history.js');
  const { organizationHistory } = await import('../network/organizations.js');
  const { eventTimeline } = await import('../events/timeline.js');
  let id = 0;
  const found = await withDatabase(opts.dbPath, { create: false, io }, (db) => {
    id = resolveMemberRef(db, opts.id, { what: 'member show' });
    const m = getMember(db, id);
    if (!m) return undefined;
    const history = listHistory(db, { table: 'members', rowId: m.id });
    // a person member has no organisation history: its events are its history
    const timeline = m.kind === 'organization' && m.organizationId !== null ? organizationHistory(db, m.organizationId).timeline : eventTimeline(db, m.id);
    return { member: memberJson(m), timeline, history };
  });
  if (!found) throw new OperationError(`no member-${id}`, { hint: 'find IDs with skillsnet members --search TEXT' });
  personalOutput(io);
  if (opts.json) {
    printJson(io, found);
    return found;
  }
  const m = found.member;
  const c = io.color;
  const line = (label: string, value: string | number | null | undefined) => { if (value !== null && value !== undefined && value !== '') io.stdout.write(`${c.dim(label.padEnd(15))} ${value}\n`); };
  io.stdout.write(c.bold(`member-${m.id} · ${m.kind === 'organization' ? m.organization : m.name ?? m.email ?? ''}`) + c.dim(`  (${m.kumuId})`) + '\n');
  line('Organisation', m.kind === 'person' ? m.organization : null);
  line('Type', m.organizationType);
  line('Contact', [m.name, m.email, m.phone].filter(Boolean).join(' · '));
  line('Country', [m.country, m.region].filter(Boolean).join(', '));
  line('Language', m.workingLanguage ? `${m.workingLanguage}${m.workingLanguageFrom === 'application text' ? ' (guessed from the language of the application)' : ''}` : null);
  line('Roles', [...m.roles.filter((r) => r !== 'core-group'), ...m.cohorts.map((x) => `core-group ${x}`)].join(', '));
  line('Status', m.status);
  line('Consent', `map ${m.consentMap}, contact ${m.consentContact}`);
  line('Calls', m.calls.join(', '));
  line('Notes', m.notes);
  if (found.timeline.length) {
    io.stdout.write('\n' + c.bold('History') + '\n');
    for (const t of found.timeline) io.stdout.write(`  ${(t.date ?? '').slice(0, 10).padEnd(10)}  ${t.detail}\n`);
  }
  return found;
}

// ------------------------------------------------------------------ wiring


interface MemberFlags {
  organization?: string; name?: string; email?: string; phone?: string; country?: string; language?: string; role?: string; cohort?: string;
  type?: string; status?: string; consentMap?: string; consentContact?: string; notes?: string; website?: string; timeZone?: string; person?: boolean;
}

async function memberInput(flags: MemberFlags): Promise<MemberInput> {
  const { parseRole, parseStatus, parseConsent } = await import('../network/parse.js');
  const input: MemberInput = {
    organization: flags.organization, name: flags.name, email: flags.email, phone: flags.phone, country: flags.country, language: flags.language,
    type: flags.type, notes: flags.notes, website: flags.website, cohort: flags.cohort, timeZone: flags.timeZone,
  };
  if (flags.role !== undefined) input.role = parseRole(flags.role);
  if (flags.status !== undefined) input.status = parseStatus(flags.status);
  if (flags.consentMap !== undefined) input.consentMap = parseConsent(flags.consentMap, '--consent-map');
  if (flags.consentContact !== undefined) input.consentContact = parseConsent(flags.consentContact, '--consent-contact');
  if (flags.person) input.kind = 'person';
  return input;
}

export function registerMember(program: Command, ctx: CliContext): void {
  const member = program
    .command('member')
    .description('add, import, change or show a member of the network (stakeholders, partners, ILO staff, applicants)')
    .addHelpText('after', `
Examples:
  skillsnet member add --organization "Ministerio de Trabajo" --country PE --role stakeholder --type Government
  skillsnet member import stakeholders.xlsx --role stakeholder
  skillsnet member set 12 --status active --consent-map yes
  skillsnet member show 12`);

  member
    .command('add')
    .description('add a member who never applied (a stakeholder, partner or ILO staff), or give a role to one already there')
    .option('--organization <name>', 'the organisation (required, except for a person in their own right: --person or --role ilo)')
    .option('--name <name>', 'the contact person\'s name (or the person\'s, for --person)')
    .option('--email <address>', 'their email address')
    .option('--phone <number>', 'their phone number')
    .option('--country <country>', 'ISO code or name (MX, Mexique)')
    .option('--language <code>', 'preferred working language (en, fr, es or a name)')
    .option('--role <role>', 'core-group, member, stakeholder, partner or ilo (default stakeholder)')
    .option('--cohort <name>', 'with --role core-group: the cohort (e.g. 2020)')
    .option('--type <type>', 'organisation type (e.g. Government, "TVET institution", NGO)')
    .option('--status <status>', 'invited, active, declined, withdrawn or alumni (default active)')
    .option('--consent-map <yes|no|unknown>', 'may appear on a shared map (Kumu, the HTML map)')
    .option('--consent-contact <yes|no|unknown>', 'may be contacted (contact exports)')
    .option('--website <url>', 'the organisation\'s website (also helps find it among known ones)')
    .option('--notes <text>', 'the officer\'s notes')
    .option('--time-zone <zone>', 'IANA time zone when it is not the country\'s (e.g. America/Mexico_City)')
    .option('--person', 'a person in their own right (ILO staff, an expert), not an organisation')
    .option('--dry-run', 'say what would be added, save nothing')
    .option('--json', 'print {"id": …, "created", "organizationId", "kumuId", …}')
    .addHelpText('after', `
The organisation is matched to those already known (same name and country, same website, same
contact email): a certain match is used, a doubtful one is reported and a new organisation made.

Examples:
  skillsnet member add --organization "Cámara de Comercio de Lima" --country PE --role stakeholder --type "Employers' organisation"
  skillsnet member add --organization ILO --name "Awa Diop" --email awa.diop@example.org --role ilo --language fr
  skillsnet member add --organization "Fundación Andes" --name "Luis Pardo" --email luis@example.org --role partner --json`)
    .action(async (flags: MemberFlags & { dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runMemberAdd({ dbPath, input: await memberInput(flags), dryRun: flags.dryRun, json: flags.json }, io);
    });

  member
    .command('import')
    .description('import a list of stakeholders from any spreadsheet `import` reads (CSV, TSV, .xlsx, form exports)')
    .argument('<file>', 'the list: organisation, name, email, country, type, role, status, working language, consent, notes... columns')
    .option('--role <role>', 'role of rows without a role column value (default stakeholder)')
    .option('--sheet <name|number>', 'the sheet of a workbook (name or number from 1)')
    .option('--encoding <enc>', 'text encoding of a CSV file (detected when absent)')
    .option('--delimiter <c>', 'CSV separator (detected when absent)')
    .option('--map <mapping.json>', 'JSON file naming the columns skillsnet does not recognise, as for import: {"organization": "Org", "email": "E-mail"}')
    .option('--dry-run', 'read and check everything, save nothing (works before the database exists)')
    .option('--json', 'print the report: rows, added, updated, unchanged, rejected, columns, unmappedColumns, problems')
    .addHelpText('after', `
Columns are recognised as in skillsnet import (organisation, contact name, first and last name,
email, phone, website, country, organisation type) plus role, status, working language, consent
to the map, consent to be contacted, notes and cohort (spellings in data/network.json). Contact
exports of HubSpot, Salesforce, Mailchimp and Eventbrite are read as they come. A row that
names an organisation already a member gives it the role; one that is new becomes a member.
Problems are listed by data row (1 = the first row under the header, blank rows not counted, as
skillsnet rejects counts them); a value that cannot be read (a language, a country, a time zone)
is left out and named by its column, and the row is kept.

Examples:
  skillsnet member import stakeholders.xlsx --role stakeholder
  skillsnet member import ilo-staff.csv --role ilo --dry-run
  skillsnet member import hubspot-contacts.csv --role partner   # a CRM's contacts export, as downloaded`)
    .action(async (file: string, flags: { role?: string; sheet?: string; encoding?: string; delimiter?: string; map?: string; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      const { parseRole } = await import('../network/parse.js');
      await runMemberImport({ dbPath, file, role: flags.role !== undefined ? parseRole(flags.role) : undefined, sheet: flags.sheet, encoding: flags.encoding, delimiter: flags.delimiter, map: flags.map, dryRun: flags.dryRun, json: flags.json }, io);
    });

  member
    .command('set')
    .description('change a member: role, status, consent, working language, notes (the old values kept in the history)')
    .argument('<id>', 'member ID (12 or member-12, the ID column of skillsnet members) or its organisation (org-4)')
    .option('--role <role>', 'give a role: core-group, member, stakeholder, partner, ilo')
    .option('--cohort <name>', 'with --role core-group: the cohort')
    .option('--remove-role <role>', 'take a role away')
    .option('--status <status>', 'invited, active, declined, withdrawn or alumni')
    .option('--consent-map <yes|no|unknown>', 'may appear on a shared map')
    .option('--consent-contact <yes|no|unknown>', 'may be contacted')
    .option('--language <code>', 'preferred working language (en, fr, es or a name)')
    .option('--notes <text>', 'the officer\'s notes (replaces them; "" clears)')
    .option('--time-zone <zone>', 'the contact person\'s IANA time zone')
    .option('--dry-run', 'say what would change, save nothing')
    .option('--json', 'print {"member", "changed", "historyId", "replace"}')
    .addHelpText('after', `
A Core Group member who declines (--status declined) or leaves (--status withdrawn) frees a seat:
on a terminal skillsnet offers to give it to the best alternate (skillsnet roster replace);
elsewhere it prints that command, and with --yes it gives the seat at once.

Examples:
  skillsnet member set 12 --status active
  skillsnet member set 12 --status declined
  skillsnet member set 12 --consent-map no --consent-contact yes
  skillsnet member set 40 --role partner --language fr`)
    .action(async (idText: string, flags: { role?: string; cohort?: string; removeRole?: string; status?: string; consentMap?: string; consentContact?: string; language?: string; notes?: string; timeZone?: string; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      const { parseRole, parseStatus, parseConsent } = await import('../network/parse.js');
      const changes: MemberChanges = {};
      if (flags.role !== undefined) changes.role = parseRole(flags.role);
      if (flags.cohort !== undefined) changes.cohort = flags.cohort;
      if (flags.removeRole !== undefined) changes.removeRole = parseRole(flags.removeRole, '--remove-role');
      if (flags.status !== undefined) changes.status = parseStatus(flags.status) as MemberStatus;
      if (flags.consentMap !== undefined) changes.consentMap = parseConsent(flags.consentMap, '--consent-map') as Consent;
      if (flags.consentContact !== undefined) changes.consentContact = parseConsent(flags.consentContact, '--consent-contact') as Consent;
      if (flags.language !== undefined) changes.workingLanguage = flags.language.trim() || null;
      if (flags.notes !== undefined) changes.notes = flags.notes;
      if (flags.timeZone !== undefined) changes.timeZone = flags.timeZone.trim() || null;
      if (!Object.keys(changes).length) throw new UsageError('nothing to change', { hint: 'e.g. skillsnet member set 12 --status active' });
      await runMemberSet({ dbPath, id: idText, changes, dryRun: flags.dryRun, json: flags.json }, io);
    });

  member
    .command('show')
    .description('show a member: organisation, contact, roles, status, consent and history')
    .argument('<id>', 'member ID (12, member-12) or its organisation (org-4)')
    .option('--json', 'print it as JSON')
    .addHelpText('after', '\nExamples:\n  skillsnet member show 12\n  skillsnet member show 12 --json')
    .action(async (idText: string, flags: { json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runMemberShow({ dbPath, id: idText, json: flags.json }, io);
    });
}
