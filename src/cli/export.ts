import { Option, type Command } from 'commander';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { addAttendanceFilterOptions, addFilterOptions, parseAttendanceFilters, parseFilters, type AttendanceFilterFlags, type FilterFlags } from './filters.js';
import { invocation, type CliContext } from './context.js';
import { formatForOut, parsePeerLinks } from './export-common.js';
import { KUMU_FORMATS, runExportKumu, type KumuFormat } from './export-kumu.js';
import { CONTACT_FORMATS, runExportContacts, type ContactFormat } from './export-contacts.js';
import { ROSTER_FORMATS, runExportRoster, type RosterFormat } from './export-roster.js';
import { runExportGraphml } from './export-graphml.js';
import { MAP_DEFAULT_PEER_LINKS, MAP_EXTENSIONS, MAP_FORMATS, runExportMap, type MapFormat } from './export-map.js';
import { MAP_LANGUAGES, type MapLanguage } from '../export/map-types.js';
import { mapLanguageFromEnv } from '../export/map-language.js';
import { shellArg } from '../text.js';

export { runExportKumu, type ExportKumuOptions } from './export-kumu.js';
export { runExportContacts, type ExportContactsOptions } from './export-contacts.js';
export { runExportRoster, type ExportRosterOptions } from './export-roster.js';
export { runExportGraphml, type ExportGraphmlOptions } from './export-graphml.js';
export { runExportMap, type ExportMapOptions, type ExportMapResult } from './export-map.js';
export type { ExportResult } from './export-common.js';

interface WriteFlags { out: string; force?: boolean; dryRun?: boolean; json?: boolean }

/** What each --out extension stands for, per export (a Kumu csv export is a folder, so .csv names none). */
const KUMU_EXTENSIONS: Record<string, readonly KumuFormat[]> = { '.xlsx': ['xlsx'], '.json': ['json'] };
const CONTACT_EXTENSIONS: Record<string, readonly ContactFormat[]> = { '.vcf': ['vcf'], '.vcard': ['vcf'], '.csv': ['csv', 'outlook'] };
const ROSTER_EXTENSIONS: Record<string, readonly RosterFormat[]> = { '.md': ['md'], '.markdown': ['md'], '.csv': ['csv'], '.json': ['json'] };

/** Whether --format was typed (commander fills in the default otherwise). */
const formatGiven = (command: Command) => command.getOptionValueSource('format') === 'cli';

function addWriteOptions(cmd: Command, outHelp: string): Command {
  return cmd
    .requiredOption('--out <path>', `${outHelp} (required)`)
    .option('--force', 'replace the file if it exists')
    .option('--dry-run', 'build and check the export, print what would be written, write nothing')
    .option('--json', 'print a summary (files, counts, milliseconds) as JSON on stdout');
}

/**
 * The roster `export roster` writes: named as its argument (export roster core-2020) or, as on
 * every other export, with --roster core-2020. Both at once must agree.
 */
export function rosterToExport(positional: string | undefined, flag: string | undefined): string | undefined {
  if (positional !== undefined && flag !== undefined && positional !== flag) {
    throw new UsageError(`export roster was given two rosters: "${positional}" and --roster "${flag}"`, { hint: `name one: skillsnet export roster ${shellArg(flag)} --out FILE` });
  }
  return positional ?? flag;
}

export function registerExport(program: Command, ctx: CliContext): void {
  const exp = program
    .command('export')
    .description('write a Kumu network map, an offline HTML map, a contact list, a roster document or a GraphML graph')
    .addHelpText('after', `
Every export writes atomically (a temporary file, then a rename; every byte checked, so a full
disk is an error and the earlier file is kept), creates files readable by you only, refuses to
replace a file without --force and anything but a regular file (a device, a pipe, a folder) even
with it, and neutralises spreadsheet formulas in CSV and XLSX cells. Progress and counts go to
stderr.

With --out -, output redirected to a file holds personal data: a file the shell has just created
for it (> FILE) is made readable by you only (0600); appending (>>) to an older file, or a pipe,
leaves it readable as your umask and that file allow (a warning says so).

Examples:
  skillsnet export kumu --format xlsx --out map.xlsx
  skillsnet export contacts --roster core-2020 --format vcf --out core.vcf
  skillsnet export roster core-2020 --format md --out core-2020.md
  skillsnet export graphml --out network.graphml
  skillsnet export map --out network.html`);

  const kumu = exp
    .command('kumu')
    .description('a map for Kumu: organisations, skills categories and regions, and who works on what where');
  addFilterOptions(kumu, { roster: false, minScore: true, allCalls: true, rescaleScores: true })
    .option('--roster <name>', 'mark the members of this roster Core Group "yes" (default: the latest saved roster)')
    .option('--members-only', 'only the members of that roster')
    .option('--peer-links [n]', 'also link organisations of the same region that share a category, at most n per organisation (default 3)')
    .option('--target-groups', 'also an element for each target group (beneficiaries) two or more organisations serve, linked "serves" from them')
    .option('--with-contact-details', 'include email addresses and phone numbers (mind who can see the Kumu project)')
    .option('--with-people', 'contact people as elements of their own (type Person), linked "works at" their organisation')
    .option('--with-events', 'the Network\'s events as elements (Type "Event"), with "attended" connections from the organisations whose members came')
    .option('--view', 'print the Advanced Editor code on stdout instead of writing it next to the map')
    .addOption(new Option('--format <format>', 'xlsx (one workbook), csv (a folder with elements.csv and connections.csv) or json (Kumu blueprint)').choices([...KUMU_FORMATS]).default('xlsx'));
  addWriteOptions(kumu, 'the workbook or blueprint file, or the folder for csv; "-" for stdout (json only)')
    .addHelpText('after', `
The workbook has two sheets, Elements and Connections, with an ID column so that importing it
again later updates the map instead of duplicating it. Organisations carry Country, Region,
Language, Tags (skills categories), Organization Type, Beneficiaries, Contact Person, URL,
Core Group, Call and Score, so the map can be filtered and coloured by any of them. The
Advanced Editor code (colour by region, size by score) is written beside the map as
NAME.kumu-view.txt.

Examples:
  skillsnet export kumu --format xlsx --out map.xlsx
  skillsnet export kumu --roster core-2020 --members-only --format xlsx --out core-map.xlsx
  skillsnet export kumu --region Africa --peer-links 5 --format csv --out kumu-africa/
  skillsnet export kumu --target-groups --out map.xlsx   # who serves youth, women, ...
  skillsnet export kumu --format json --out - > map.json
  skillsnet export kumu --with-events --out map-with-meetings.xlsx
  skillsnet export kumu --out map.xlsx --view        # print the view code instead of a file`)
    .action(async (flags: FilterFlags & WriteFlags & { roster?: string; membersOnly?: boolean; peerLinks?: string | boolean; targetGroups?: boolean; withContactDetails?: boolean; withPeople?: boolean; withEvents?: boolean; view?: boolean; format: KumuFormat }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      if (!formatGiven(command) && path.extname(flags.out).toLowerCase() === '.csv') {
        // Kumu's CSV import takes two files, so a csv export is a folder: a workbook named .csv would not open as CSV.
        throw new UsageError(`--out ${flags.out}: a Kumu map in CSV is a folder holding elements.csv and connections.csv, not one .csv file`, {
          hint: `give --format csv --out ${flags.out.replace(/\.csv$/i, '')} for the folder, or --out ${flags.out.replace(/\.csv$/i, '.xlsx')} for one workbook`,
        });
      }
      await runExportKumu({
        dbPath, filters: parseFilters({ ...flags, roster: undefined }), roster: flags.roster, membersOnly: flags.membersOnly,
        peerLinks: parsePeerLinks(flags.peerLinks), targetGroups: flags.targetGroups, withContactDetails: flags.withContactDetails, withPeople: flags.withPeople, withEvents: flags.withEvents, view: flags.view,
        format: formatForOut(io, flags.out, flags.format, formatGiven(command), KUMU_EXTENSIONS), out: flags.out, force: flags.force, dryRun: flags.dryRun, json: flags.json,
      }, io);
    });

  const contacts = exp
    .command('contacts')
    .description('a contact list, one contact per email address: csv, vCard or Outlook CSV');
  addAttendanceFilterOptions(addFilterOptions(contacts, { minScore: true, allCalls: true }))
    .addOption(new Option('--format <format>', 'csv (UTF-8 with BOM, for Excel), vcf (vCard 3.0) or outlook (Outlook import CSV)').choices([...CONTACT_FORMATS]).default('csv'))
    .option('--delimiter <c>', 'csv: the separator, e.g. ";" for Excel in a French or Spanish locale (default $SKILLSNET_CSV_DELIMITER, else ",")')
    .option('--include-no-consent', 'also members who said no to being contacted (a warning says how many)');
  addWriteOptions(contacts, 'the file to write, or "-" for stdout')
    .addHelpText('after', `
Contact data is personal data: this command is the deliberate way it leaves the database.
One row per person: the same address on several applications becomes one contact with the
latest details and every call; applications without an email address are counted on stderr.
Members who never applied (stakeholders, partners, ILO staff) are in it with their roles;
members who said no to being contacted are not (unless --include-no-consent). csv columns:
name, email, phone, organisation, country, region, language, categories, rosters, calls,
first_name, last_name, salutation (in the working language), other_phones, other_organisations,
roles, organization_id (org-N, as in the maps). First and last name columns of the form are
kept as given; a single name is split only where safe (docs/exports.md).

Examples:
  skillsnet export contacts --format csv --out contacts.csv
  skillsnet export contacts --roster core-2020 --format vcf --out core.vcf
  skillsnet export contacts --language fr --format outlook --out francophone.csv
  skillsnet export contacts --format csv --delimiter ";" --out contacts.csv   # Excel in French or Spanish
  skillsnet export contacts --roster core-2020 --never-attended --out follow-up.csv   # who never came to a meeting`)
    .action(async (flags: FilterFlags & AttendanceFilterFlags & WriteFlags & { format: ContactFormat; delimiter?: string; includeNoConsent?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      const format = formatForOut(io, flags.out, flags.format, formatGiven(command), CONTACT_EXTENSIONS);
      await runExportContacts({ dbPath, filters: { ...parseFilters(flags), ...parseAttendanceFilters(flags) }, format, out: flags.out, force: flags.force, dryRun: flags.dryRun, json: flags.json, delimiter: flags.delimiter, includeNoConsent: flags.includeNoConsent }, io);
    });

  const roster = exp
    .command('roster')
    .description('a saved roster as a document: Markdown for a report, CSV or JSON')
    .argument('[name]', 'the roster (see skillsnet rosters)')
    .option('--roster <name>', 'the roster, as on the other exports (the same as NAME)')
    .addOption(new Option('--format <format>', 'md (Markdown tables), csv or json').choices([...ROSTER_FORMATS]).default('md'));
  addFilterOptions(addWriteOptions(roster, 'the file to write, or "-" for stdout'), { roster: false })
    .option('--delimiter <c>', 'csv: the separator, e.g. ";" for Excel in a French or Spanish locale, which also writes scores "8,5" (default $SKILLSNET_CSV_DELIMITER, else ",")')
    .addHelpText('after', `
Members, then alternates in order, with rank, application ID, organisation, contact, country,
region, language, skills categories, the score the selection ranked by (reviewers' combined
score where they scored) and the reasons each was selected. --role and --status keep the lines
whose organisation's member has them, as on skillsnet members: after roster accept, --role
core-group --status active is the Core Group that said yes. --region, --country, --category,
--language, --call, --search, --type and --beneficiary keep the lines whose application matches,
as on list and the other exports.

Examples:
  skillsnet export roster core-2020 --format md --out core-2020.md
  skillsnet export roster core-2020 --format csv --out core-2020.csv
  skillsnet export roster core-2020 --format csv --delimiter ";" --out core-2020.csv   # Excel in French or Spanish
  skillsnet export roster core-2020 --format json --out -
  skillsnet export roster core-2020 --role core-group --status active --out core-group-2020.md
  skillsnet export roster --roster core-2020 --format csv --out core-2020.csv
  skillsnet export roster core-2020 --region Africa --format csv --out core-africa.csv`)
    .action(async (given: string | undefined, flags: WriteFlags & FilterFlags & { format: RosterFormat; delimiter?: string }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      const name = rosterToExport(given, flags.roster);
      // (--all-calls narrows nothing here: a roster's lines are what they are, whatever the calls)
      const { role, status, type, beneficiary, region, country, category, language, call, search } = parseFilters({ ...flags, roster: undefined, allCalls: undefined });
      const format = formatForOut(io, flags.out, flags.format, formatGiven(command), ROSTER_EXTENSIONS);
      await runExportRoster({ dbPath, name, format, out: flags.out, force: flags.force, dryRun: flags.dryRun, json: flags.json, filters: { role, status, type, beneficiary, region, country, category, language, call, search }, delimiter: flags.delimiter }, io);
    });

  const graphml = exp
    .command('graphml')
    .description('the network as GraphML for Gephi, Cytoscape or NetworkX');
  addFilterOptions(graphml, { roster: false, minScore: true, allCalls: true, rescaleScores: true })
    .option('--roster <name>', 'mark the members of this roster coreGroup=true (default: the latest saved roster)')
    .option('--members-only', 'only the members of that roster')
    .option('--peer-links [n]', 'also link organisations of the same region that share a category, at most n per organisation (default 3)')
    .option('--target-groups', 'also a node for each target group (beneficiaries) two or more organisations serve, linked "serves" from them')
    .option('--with-people', 'contact people as nodes of their own, linked "works at" their organisation');
  addWriteOptions(graphml, 'the file to write, or "-" for stdout')
    .addHelpText('after', `
Nodes: organisations, skills categories and regions, with typed attributes (label, type,
country, region, language, categories, coreGroup, score, ...). Edges: "works on", "based in",
with --peer-links "peer" (weight = shared categories), and with --target-groups "serves" to a
node for each target group two or more organisations serve. The graph is undirected.

Examples:
  skillsnet export graphml --out network.graphml
  skillsnet export graphml --peer-links --region "Asia and the Pacific" --out asia.graphml`)
    .action(async (flags: FilterFlags & WriteFlags & { roster?: string; membersOnly?: boolean; peerLinks?: string | boolean; targetGroups?: boolean; withPeople?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runExportGraphml({
        dbPath, filters: parseFilters({ ...flags, roster: undefined }), roster: flags.roster, membersOnly: flags.membersOnly,
        peerLinks: parsePeerLinks(flags.peerLinks), targetGroups: flags.targetGroups, withPeople: flags.withPeople, out: flags.out, force: flags.force, dryRun: flags.dryRun, json: flags.json,
      }, io);
    });

  const map = exp
    .command('map')
    .description('the network map as one HTML file that opens offline in any browser: filter, search, cards, peers, print');
  addFilterOptions(map, { roster: false, minScore: true, allCalls: true, rescaleScores: true })
    .option('--roster <name>', 'the Core Group is the members of this roster (default: the latest saved roster)')
    .option('--members-only', 'only the members of that roster')
    .option('--peer-links [n]', `link organisations of the same region that share a category, at most n per organisation; 0 for none (default ${MAP_DEFAULT_PEER_LINKS})`)
    .option('--no-target-groups', 'leave out the target groups (beneficiaries) two or more organisations serve, drawn by default and linked "serves"')
    .option('--with-contact-details', 'show email addresses and phone numbers in the cards (anyone with the file can read them)')
    .option('--with-people', 'contact people as nodes of their own, linked to their organisation')
    .option('--with-events', 'the Network\'s events as nodes, linked "attended" to the organisations whose members came')
    .addOption(new Option('--lang <code>', "the page's language (default: from your locale, LC_ALL or LANG, else the system's language, as on Windows; else en)").choices([...MAP_LANGUAGES]))
    .option('--title <text>', 'the heading of the page (default: the network\'s name in --lang)')
    .addOption(new Option('--format <format>', 'html (the only one; the default)').choices([...MAP_FORMATS]).default('html'));
  addWriteOptions(map, 'the HTML file to write, or "-" for stdout')
    .addHelpText('after', `
One self-contained file: the data, the drawing library and the styles are inside it, so it opens
from a USB stick or an email attachment with no internet connection, and sends nothing anywhere.
Organisations are coloured by region, category or language and sized by score or connections
(the reader chooses); the connections are those of the Kumu export, with the target groups
two or more organisations serve (as --target-groups gives it there). Readers can filter by
region, country, language, category, organisation type, beneficiary group, role and Core Group,
search by name, open an organisation's card, show its peers and print the view. The layout is
computed when the file is written: the same data always draws the same picture.

Examples:
  skillsnet export map --out network.html
  skillsnet export map --lang fr --region Africa --out afrique.html
  skillsnet export map --roster core-2020 --members-only --out core-group.html
  skillsnet export map --with-contact-details --out network-contacts.html   # personal data: mind who gets it
  skillsnet export map --with-events --out network-meetings.html`)
    .action(async (flags: FilterFlags & WriteFlags & { roster?: string; membersOnly?: boolean; peerLinks?: string | boolean; targetGroups?: boolean; withContactDetails?: boolean; withPeople?: boolean; withEvents?: boolean; lang?: MapLanguage; title?: string; format: MapFormat }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runExportMap({
        dbPath, filters: parseFilters({ ...flags, roster: undefined }), roster: flags.roster, membersOnly: flags.membersOnly,
        peerLinks: flags.peerLinks === undefined ? MAP_DEFAULT_PEER_LINKS : typeof flags.peerLinks === 'string' && flags.peerLinks.trim() === '0' ? 0 : parsePeerLinks(flags.peerLinks) ?? 0,
        targetGroups: flags.targetGroups !== false,
        withContactDetails: flags.withContactDetails, withPeople: flags.withPeople, withEvents: flags.withEvents, lang: flags.lang ?? mapLanguageFromEnv(io.env), title: flags.title,
        format: formatForOut(io, flags.out, flags.format, formatGiven(command), MAP_EXTENSIONS), out: flags.out,
        force: flags.force, dryRun: flags.dryRun, json: flags.json,
      }, io);
    });
}
