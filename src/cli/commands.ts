import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { EXPORT_INTERRUPTED } from './signals.js';

type Register = (program: Command, ctx: CliContext) => void;

/**
 * Every command, in the order `skillsnet --help` lists them. Each file in src/cli/
 * exports registerX(program, ctx) (thin commander wiring) and runX(options, io).
 *
 * Modules are loaded only when their command runs: `skillsnet --help` and a command's
 * start-up then pay for commander alone, not for SQLite, exceljs or the solver.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Register>;
  /** What Ctrl-C leaves when it lands while the command is still loading (signals.ts says the general case). */
  interrupted?: string;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'demo', summary: 'try the whole job on a bundled sample call of 473 applications', load: async () => (await import('./demo.js')).registerDemo },
  { name: 'init', summary: 'create the database file (or bring an older one up to date)', load: async () => (await import('./init.js')).registerInit },
  { name: 'import', summary: 'import applications from CSV/TSV/.xlsx files (Google Forms, SurveyMonkey, Excel); every row accounted for', load: async () => (await import('./import.js')).registerImport },
  { name: 'rejects', summary: 'list rejected rows, or write them as CSV to fix and import again', load: async () => (await import('./rejects.js')).registerRejects },
  { name: 'list', summary: 'list applications, filtered by region, country, category, language, call, roster or text', load: async () => (await import('./list.js')).registerList },
  { name: 'show', summary: 'show one application in full, or an organisation (org-N) or a member (member-N) across calls', load: async () => (await import('./show.js')).registerShow },
  { name: 'categories', summary: 'list the skills categories with how many applications carry each', load: async () => (await import('./categories.js')).registerCategories },
  { name: 'tag', summary: 'tag skills categories (auto, add, remove, review, explain, evaluate)', load: async () => (await import('./tag.js')).registerTag },
  { name: 'select', summary: 'select a Core Group: the best applications under region, country, category and language quotas', load: async () => (await import('./select.js')).registerSelect },
  { name: 'rosters', summary: 'list the saved rosters', load: async () => (await import('./rosters.js')).registerRosters },
  { name: 'roster', summary: 'accept, retire, show, compare, amend or delete a saved roster (accept, retire, show, diff, replace, delete)', load: async () => (await import('./roster.js')).registerRoster },
  { name: 'scores', summary: "import reviewers' scores, normalised per reviewer; select ranks by them (import)", load: async () => (await import('./scores.js')).registerScores },
  { name: 'stats', summary: 'count applications by region, country, category, language, organisation type or call', load: async () => (await import('./stats.js')).registerStats },
  { name: 'members', summary: "list the network's members (applicants, stakeholders, partners, ILO staff) with roles, status and consent", load: async () => (await import('./members.js')).registerMembers },
  { name: 'member', summary: 'add, import, change or show a member: stakeholders who never applied, roles, status, consent (add, import, set, show)', load: async () => (await import('./member.js')).registerMember },
  { name: 'organizations', summary: 'list the organisations across calls; --unconfirmed: possible matches to confirm', load: async () => (await import('./organizations.js')).registerOrganizations },
  { name: 'organization', summary: "an organisation's history across calls; link or unlink possible matches (show, link, unlink)", load: async () => (await import('./organizations.js')).registerOrganization },
  { name: 'edit', summary: 'correct a field of an application, organisation, member or person (the old value kept)', load: async () => (await import('./edit.js')).registerEdit },
  { name: 'merge', summary: 'two applications, organisations or members are one: merge them (dry run first)', load: async () => (await import('./merge.js')).registerMerge },
  { name: 'unmerge', summary: 'undo a merge (or the latest one)', load: async () => (await import('./merge.js')).registerUnmerge },
  { name: 'withdraw', summary: 'withdraw an application (kept, out of selection and exports) or a member', load: async () => (await import('./withdraw.js')).registerWithdraw },
  { name: 'erase', summary: "erase a person on request: their data out of every table and the file's bytes", load: async () => (await import('./erase.js')).registerErase },
  { name: 'history', summary: "the officers' changes, latest first", load: async () => (await import('./history.js')).registerHistory },
  { name: 'export', summary: 'write a Kumu map, an offline HTML map, a contact list (csv, vCard, Outlook), a roster document or GraphML (kumu, contacts, roster, graphml, map)', load: async () => (await import('./export.js')).registerExport, interrupted: EXPORT_INTERRUPTED },
  { name: 'events', summary: "list the Network's events (meetings, webinars, clinics, workshops) with invitees and attendance", load: async () => (await import('./events.js')).registerEvents },
  { name: 'event', summary: 'one event: invitations in local times, breakout groups, .ics, attendance from Zoom/Teams/Meet/Webex (add, show, edit, cancel, delete, invite, uninvite, groups, invitations, ics, attendance, link)', load: async () => (await import('./event.js')).registerEvent },
  { name: 'engagement', summary: 'per member: events invited to, attended, presented, last attended, minutes', load: async () => (await import('./engagement.js')).registerEngagement },
  { name: 'db', summary: 'care of the database file: check its integrity, make a consistent backup, rebuild it (check, backup, compact)', load: async () => (await import('./db.js')).registerDb },
];
