import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { printJson, withDatabase, globalsOf, type CliContext } from './context.js';
import type { DB } from '../db/connection.js';
import { info, type IO } from './io.js';
import { interruptSignal, setInterruptOutcome } from './signals.js';
import { OperationError } from '../errors.js';
import { shellArg } from '../text.js';
import { dataPath } from '../paths.js';
import { makePrivateFolder } from '../files/target.js';
import { exportContacts } from '../export/export-contacts.js';
import { exportKumu } from '../export/export-kumu.js';
import { exportMap, MAP_DEFAULT_PEER_LINKS } from '../export/export-map.js';
import { mapLanguageFromEnv } from '../export/map-language.js';
import { exportRoster } from '../export/export-roster.js';
import { importFiles } from '../import/importer.js';
import { saveCoreGroup, selectCoreGroup, type CoreGroupJson } from '../selection/core-group.js';
import { autoTag } from '../tagging/auto.js';
import { categoryCounts } from '../tagging/counts.js';
import { categoryName } from '../tagging/taxonomy.js';
import { renderRosterTable } from '../ui/roster.js';
import { renderTable, bar } from '../ui/table.js';
import { meetingStep, DEMO_MEETING_FILES, type DemoMeeting } from './demo-meeting.js';

/**
 * `skillsnet demo`: the whole job on the bundled sample call, in a folder of its own —
 * import, tag, select a Core Group, export the Kumu map, the offline HTML map, the contact list and the roster,
 * then the Core Group's first meeting (invitations in local times, calendar file, breakout groups,
 * attendance from the sample Zoom and Teams reports) — then what to try next. Each step calls the same library function as its own command.
 */

export interface DemoOptions {
  /** Folder for the demo database and files (default ./demo). */
  out: string;
  /** The call file (default: data/sample/applications.csv). */
  sample?: string;
  json?: boolean;
}

export interface DemoResult {
  folder: string;
  database: string;
  import: { rows: number; inserted: number; updated: number; unchanged: number; rejected: number; warnings: number };
  tagging: { tagged: number; untagged: number; categories: Record<string, number>; ms: number };
  selection: { name: string; size: number; optimal: boolean; objective: number; solveMs: number; members: number[]; alternates: number[] };
  files: { kumu: string; kumuView: string; map: string; contacts: string; roster: string; invitations: string; calendar: string };
  /** The first Core Group meeting (demo-meeting.ts). */
  events: DemoMeeting;
  ms: number;
}

/** The demo's own files; only these are ever replaced in its folder. */
export const DEMO_FILES = {
  marker: '.skillsnet-demo',
  database: 'skillsnet.db',
  kumu: 'kumu-map.xlsx',
  kumuView: 'kumu-map.kumu-view.txt',
  map: 'network.html',
  contacts: 'contacts.csv',
  roster: 'core-2020.md',
  ...DEMO_MEETING_FILES,
} as const;

export const DEMO_CALL = '2020';
export const DEMO_ROSTER = 'core-2020';
/** The Core Group the demo selects (issue: 25, ≥3 per region, ≤2 per country, every category, en/fr/es). */
export const DEMO_QUOTAS = { size: 25, minPerRegion: 3, maxPerCountry: 2, minPerCategory: 1, minPerLanguage: { en: 1, fr: 1, es: 1 } };

/**
 * Makes the folder ready: creates it, or clears the files an earlier demo left there.
 * A folder that has other files and no demo marker is refused, so the demo never
 * overwrites someone's contacts.csv.
 */
export function prepareFolder(dir: string): void {
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) {
      throw new OperationError(`${dir} exists and is not a folder`, { hint: 'choose another place with --out DIR' });
    }
    const entries = fs.readdirSync(dir);
    if (entries.length > 0 && !entries.includes(DEMO_FILES.marker)) {
      throw new OperationError(`${dir} already holds files that skillsnet demo did not make`, {
        hint: 'choose an empty or new folder with --out DIR',
      });
    }
    const ours = new Set<string>(Object.values(DEMO_FILES));
    for (const name of entries) {
      const base = name.replace(/-(wal|shm|journal)$/, '');
      if (ours.has(base) && name !== DEMO_FILES.marker) fs.rmSync(path.join(dir, name), { force: true });
    }
  } else {
    makePrivateFolder(dir);
  }
  fs.writeFileSync(path.join(dir, DEMO_FILES.marker), 'Made by `skillsnet demo`; running it again replaces the files it made here.\n', { mode: 0o600 });
}

function rel(io: IO, file: string): string {
  const r = path.relative(io.cwd, file);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : file;
}

/** A path as a command to copy takes it: `--db "my demo/skillsnet.db"` (a folder with a space broke the pasted command). */
function relArg(io: IO, file: string): string {
  return shellArg(rel(io, file));
}

/** What the demo's steps share: where they write and how they print. */
export interface Demo {
  io: IO;
  db: DB;
  dbPath: string;
  /** A line on stdout (nothing with --json, which prints one document at the end). */
  out: (s?: string) => void;
  heading: (n: number, title: string) => void;
}

export async function runDemo(opts: DemoOptions, io: IO): Promise<DemoResult> {
  const started = performance.now();
  const dir = path.resolve(io.cwd, opts.out);
  const sample = opts.sample ?? dataPath('sample', 'applications.csv');
  if (!fs.existsSync(sample)) {
    throw new OperationError(`the sample call is missing (${sample})`, { hint: 'reinstall skillsnet, or regenerate it: node scripts/sample/generate.mjs' });
  }
  prepareFolder(dir);
  setInterruptOutcome(() => `the demo stopped; ${rel(io, dir)}/ holds what its finished steps made (skillsnet demo --out ${relArg(io, dir)} starts over)`);
  const dbPath = path.join(dir, DEMO_FILES.database);
  const out = (s = '') => {
    if (!opts.json) io.stdout.write(s + '\n');
  };
  const heading = (n: number, title: string) => out(`\n${io.color.bold(`${n}. ${title}`)}`);
  out(io.color.bold('skillsnet demo') + ` — the whole job on a sample call, in ${rel(io, dir)}/`);

  const files = {
    kumu: path.join(dir, DEMO_FILES.kumu),
    kumuView: path.join(dir, DEMO_FILES.kumuView),
    map: path.join(dir, DEMO_FILES.map),
    contacts: path.join(dir, DEMO_FILES.contacts),
    roster: path.join(dir, DEMO_FILES.roster),
    invitations: path.join(dir, DEMO_FILES.invitations),
    calendar: path.join(dir, DEMO_FILES.calendar),
  };
  // Each step is the library call its own command makes; the demo prints its own summary of it.
  const steps = await withDatabase(dbPath, { create: true }, async (db) => {
    const demo: Demo = { io, db, dbPath, out, heading };
    const imported = await importStep(demo, sample, opts.sample !== undefined);
    const tagging = await tagStep(demo);
    const selected = await selectStep(demo);
    const exported = await exportStep(demo, files);
    const meeting = await meetingStep(demo, 5, files);
    return { imported, tagging, selected, exported, meeting };
  });
  nextSteps(out, io, dbPath, steps.selected.members[0]?.id ?? 1, steps.meeting);

  const { imported, tagging, selected } = steps;
  const result: DemoResult = {
    folder: dir,
    database: dbPath,
    import: { ...imported },
    tagging,
    selection: {
      name: selected.name,
      size: selected.members.length,
      optimal: selected.optimal,
      objective: selected.objective,
      solveMs: selected.solveMs,
      members: selected.members.map((m) => m.id),
      alternates: selected.alternates.map((m) => m.id),
    },
    files,
    events: steps.meeting,
    ms: Math.round(performance.now() - started),
  };
  if (opts.json) printJson(io, result);
  else info(io, `Done in ${(result.ms / 1000).toFixed(1)} s.`);
  return result;
}

/** 1. Import the sample call; every row accounted for. */
async function importStep({ io, db, dbPath, out, heading }: Demo, sample: string, ownSample: boolean): Promise<DemoResult['import']> {
  heading(1, `Import ${ownSample ? rel(io, sample) : 'the bundled sample call (data/sample/applications.csv)'} as call ${DEMO_CALL}`);
  info(io, 'Importing…');
  const report = await importFiles(db, [sample], { call: DEMO_CALL });
  const warnings = report.files.reduce((n, f) => n + f.warnings.length, 0);
  out(
    `${report.rows} rows: ${report.inserted} new applications, ${report.updated} updated by a later row (a resubmission), ` +
      `${report.unchanged} unchanged, ${report.rejected} rejected.`,
  );
  if (report.rejected) out(`Rejected rows are kept with their reasons: skillsnet --db ${relArg(io, dbPath)} rejects (fix them in Excel with rejects --csv, then import again).`);
  if (warnings) out(`${warnings} warning${warnings === 1 ? '' : 's'} (for example a country that could not be resolved): see skillsnet import --dry-run.`);
  return { rows: report.rows, inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected, warnings };
}

/** 2. Tag skills categories, with the count per category. */
async function tagStep({ io, db, out, heading }: Demo): Promise<DemoResult['tagging']> {
  heading(2, 'Tag skills categories from titles, descriptions and the applicants\' own choice');
  info(io, 'Tagging…');
  const tagged = await autoTag(db, { signal: interruptSignal() });
  const counts = categoryCounts(db);
  const max = Math.max(0, ...counts.categories.map((x) => x.applications));
  out(
    renderTable(
      io,
      ['category', 'name', 'applications', ...(io.stdoutIsTTY ? [''] : [])],
      counts.categories.map((x) => [x.code, categoryName(x.code), x.applications, ...(io.stdoutIsTTY ? [bar(x.applications, max, 24)] : [])]),
    ).trimEnd(),
  );
  out(
    `${tagged.tagged} of ${counts.total} applications tagged in ${Math.round(tagged.ms)} ms; ${counts.untagged} left untagged for an officer ` +
      `(skillsnet tag review). Each tag keeps its evidence: skillsnet tag explain ID.`,
  );
  return {
    tagged: tagged.tagged,
    untagged: counts.untagged,
    categories: Object.fromEntries(counts.categories.map((x) => [x.code, x.applications])),
    ms: Math.round(tagged.ms),
  };
}

/** 3. Select the Core Group under the demo's quotas, save it, show its coverage. */
async function selectStep({ io, db, out, heading }: Demo): Promise<CoreGroupJson> {
  const q = DEMO_QUOTAS;
  heading(3, `Select a Core Group of ${q.size}: at least ${q.minPerRegion} per region, at most ${q.maxPerCountry} per country, every category, English, French and Spanish`);
  info(io, 'Selecting…');
  const selection = await selectCoreGroup(db, { ...q, name: DEMO_ROSTER, alternates: 5, cwd: io.cwd });
  saveCoreGroup(db, selection, { overwrite: true });
  const selected = selection.result;
  out(renderRosterTable(io, selected.members.map((m, i) => ({ ...m, rank: i + 1 }))).trimEnd());
  const line = (key: 'region' | 'language' | 'category') =>
    selected.coverage[key].filter((l) => l.count > 0).map((l) => `${l.value} ${l.count}`).join(', ');
  out(`Regions: ${line('region')}`);
  out(`Languages: ${line('language')}`);
  out(`Categories: ${line('category')}`);
  out(`Countries: ${selected.coverage.country.filter((l) => l.count > 0).length}, none with more than ${q.maxPerCountry}.`);
  out(
    `Total score ${selected.objective} — ${selected.optimal ? 'proven optimal' : 'not proven optimal'} (HiGHS, ${selected.solveMs} ms); ` +
      `${selected.alternates.length} ranked alternates in reserve. Saved as roster ${selected.name}.`,
  );
  return selected;
}

/** 4. Export the Kumu map, the offline HTML map, the contact list and the roster, and say what opens each. */
async function exportStep({ io, db, out, heading }: Demo, files: DemoResult['files']): Promise<void> {
  heading(4, 'Export the network map (Kumu and offline HTML), the contact list and the roster');
  info(io, 'Exporting…');
  const target = { cwd: io.cwd, force: true };
  const kumu = (await exportKumu(db, { ...target, filters: {}, roster: DEMO_ROSTER, format: 'xlsx', out: files.kumu })).result.counts;
  const map = (await exportMap(db, { ...target, filters: {}, roster: DEMO_ROSTER, peerLinks: MAP_DEFAULT_PEER_LINKS, lang: mapLanguageFromEnv(io.env), out: files.map })).result;
  const contacts = (await exportContacts(db, { ...target, filters: {}, format: 'csv', out: files.contacts })).result.counts;
  await exportRoster(db, { ...target, name: DEMO_ROSTER, format: 'md', out: files.roster });
  out(
    renderTable(io, ['file', 'what it is', 'open it with'], [
      [rel(io, files.kumu), `Kumu map: ${kumu.elements ?? '?'} elements, ${kumu.connections ?? '?'} connections; Core Group marked`, 'kumu.io → new project → Import → upload the file'],
      [rel(io, files.kumuView), 'colours by region, sizes by score', "paste into the map's Advanced Editor"],
      [rel(io, files.map), `offline network map: ${map.counts.organizations ?? '?'} organisations, ${map.edges} connections, ${(map.bytes / 1024 / 1024).toFixed(1)} MB`, 'any web browser (no internet needed)'],
      [rel(io, files.contacts), `${contacts.contacts ?? '?'} contacts (personal data, UTF-8 with BOM)`, 'Excel, LibreOffice, a mail merge'],
      [rel(io, files.roster), `the Core Group with reasons`, 'any Markdown viewer, or paste into a report'],
    ]).trimEnd(),
  );
}

/** What to try next on the demo database. */
function nextSteps(out: (s?: string) => void, io: IO, dbPath: string, firstMember: number, meeting: DemoMeeting): void {
  const db = relArg(io, dbPath);
  out(`\n${io.color.bold('Try next')} (the demo database is ${rel(io, dbPath)}; everything works on your own files the same way):`);
  out(`  skillsnet --db ${db} list --region "Arab States"`);
  out(`  skillsnet --db ${db} show ${firstMember}`);
  out(`  skillsnet --db ${db} tag explain ${firstMember}`);
  out(`  skillsnet --db ${db} tag review                  # on a terminal: confirm or correct tags`);
  out(`  skillsnet --db ${db} roster show ${DEMO_ROSTER}`);
  out(`  skillsnet --db ${db} export map --lang fr --region Africa --out afrique.html   # open it in a browser`);
  out(`  skillsnet --db ${db} select --size 30 --min-per-region 4 --dry-run`);
  out(`  skillsnet --db ${db} event show ${meeting.eventId}                   # invitees, groups, who came and for how long`);
  if (meeting.linkExample) out(`  skillsnet --db ${db} event link ${meeting.eventId} ${meeting.linkExample.row} --member member-${meeting.linkExample.memberId}        # a name two members share: say whose row it is`);
  out(`  skillsnet --db ${db} engagement --never-attended --roster ${DEMO_ROSTER}`);
  out(`  skillsnet import your-call.csv --call 2024       # your own call, in ./skillsnet.db`);
}

export function registerDemo(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('try the whole job on a bundled sample call of 473 applications, in a folder of its own')
    .option('--out <dir>', 'folder for the demo database and files (replaced on each run)', 'demo')
    .option('--json', 'print a summary of every step as JSON')
    .addHelpText(
      'after',
      `
The demo imports data/sample/applications.csv (synthetic applications, reserved example
emails) into DIR/skillsnet.db, tags it, selects a Core Group of 25 and writes a Kumu
workbook, an offline HTML network map, a contact list and the roster into DIR. Then it
holds the Core Group's first meeting: invitations in each member's own time
(invitations.csv), the calendar file (core-group-meeting.ics), four breakout groups, and
who attended, read from the sample Zoom and Teams reports (data/sample/events/). --db is
not used: the demo never touches your own database. Running it again replaces only the
files it made.

Examples:
  skillsnet demo
  skillsnet demo --out /tmp/sin-demo
  skillsnet demo --json > demo-summary.json`,
    )
    .action(async (flags: { out: string; json?: boolean }, cmd: Command) => {
      const globals = globalsOf(cmd);
      const io = ctx.makeIO(globals);
      await runDemo({ out: flags.out, json: flags.json }, io);
    });
}
