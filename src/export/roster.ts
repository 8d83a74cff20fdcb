import type { RosterInfo } from '../db/rosters.js';
import type { ScoreSource } from '../selection/candidates.js';
import { totalMovedSinceSaved, type RosterMember } from '../selection/rosters.js';
import { categoryName, categoryCodes } from '../tagging/taxonomy.js';
import { countryName } from '../geo/countries.js';
import { languageName } from '../geo/languages.js';
import { organizationLabel } from '../ids.js';
import { markdownCell, safeCell, xmlSafeText } from './escape.js';
import { spreadsheetCsv, spreadsheetNumber } from './spreadsheet-csv.js';

/**
 * A roster as a document for a report: who is in the Core Group, from where, working on what,
 * and why each was chosen. Members first, then the ranked alternates. "Rank" is the place in the
 * roster (or in the reserve), "ID" the application ID ("#17" in the reasons); the score is the
 * one the selection ranked by (reviewers' combined score where they scored).
 */

export interface RosterLine {
  rank: number;
  role: 'member' | 'alternate';
  id: number;
  organisation: string;
  contact: string | null;
  country: string | null;
  countryCode: string | null;
  region: string | null;
  language: string | null;
  languageCode: string | null;
  categories: string[];
  categoryCodes: string[];
  /** The selection score (null when the application has none). */
  score: number | null;
  scoreSource: ScoreSource;
  reasons: string[];
  /** Alternates: the members each can stand in for today without breaking a quota. */
  replaces?: number[];
  /** The organisation (organizations table); "org-17" in every export, the same across calls and maps. */
  organizationId: number | null;
}

/** The lines of a roster's members and alternates, each with the score the selection ranked. */
export function rosterLines(entries: RosterMember[], replaces: ReadonlyMap<number, number[]> = new Map()): RosterLine[] {
  return entries.map((e) => {
    const a = e.application;
    const c = e.candidate;
    const alternateOf = e.role === 'alternate' ? replaces.get(a.id) : undefined;
    return {
      rank: e.rank, role: e.role, id: a.id, organisation: a.organization, contact: a.contactName,
      country: a.country ? countryName(a.country) : a.countryRaw, countryCode: a.country,
      region: a.region, language: a.language ? languageName(a.language) : null, languageCode: a.language,
      // Names in the taxonomy's order for readers; codes as list --json gives them.
      categories: [...a.categories].sort((x, y) => categoryCodes().indexOf(x) - categoryCodes().indexOf(y)).map((c) => categoryName(c)),
      categoryCodes: a.categories, score: c.scoreSource === 'none' ? null : c.score, scoreSource: c.scoreSource, reasons: e.reasons,
      ...(alternateOf ? { replaces: alternateOf } : {}),
      organizationId: a.organizationId,
    };
  });
}

/** The organisation's ID in the maps and every other export ("org-17"). */
const kumuIdOf = (l: RosterLine): string | null => (l.organizationId !== null ? organizationLabel(l.organizationId) : null);

export const ROSTER_CSV_COLUMNS = ['role', 'rank', 'id', 'organisation', 'contact', 'country', 'region', 'language', 'categories', 'score', 'score_source', 'replaces', 'reasons', 'organization_id'] as const;

/** `delimiter` ";" for Excel in a French or Spanish locale (scores then written "8,5"). */
export async function rosterCsv(lines: RosterLine[], delimiter = ','): Promise<string> {
  const t = (s: string | null) => safeCell(xmlSafeText(s ?? ''));
  const rows = lines.map((l) => [
    l.role, l.rank, l.id, t(l.organisation), t(l.contact), t(l.country), t(l.region), t(l.language),
    t(l.categories.join('; ')), l.score === null ? '' : spreadsheetNumber(l.score, delimiter), l.scoreSource, (l.replaces ?? []).join('|'), t(l.reasons.join('; ')), kumuIdOf(l) ?? '',
  ]);
  // for Excel: a BOM, CRLF and CSV_OPTIONS, as list --csv and members --csv write to a file
  return spreadsheetCsv(ROSTER_CSV_COLUMNS, rows, delimiter);
}

export function rosterJson(info: RosterInfo, lines: RosterLine[], filters?: { role?: string; status?: string; type?: string; beneficiary?: string }): unknown {
  const shape = (l: RosterLine) => ({
    rank: l.rank, id: l.id, organization: l.organisation, contactName: l.contact, country: l.countryCode, countryName: l.country,
    region: l.region, language: l.languageCode, categories: l.categoryCodes, score: l.score, scoreSource: l.scoreSource, reasons: l.reasons,
    organizationId: l.organizationId, kumuId: kumuIdOf(l),
    ...(l.replaces ? { replaces: l.replaces } : {}),
  });
  return {
    name: info.name, createdAt: info.createdAt, solverStatus: info.solverStatus, optimal: info.optimal, objective: info.objective,
    params: info.params,
    // Present when the document lists only some of the roster (export roster --role/--status/--type/--beneficiary).
    ...(filters ? { filters } : {}),
    members: lines.filter((l) => l.role === 'member').map(shape),
    alternates: lines.filter((l) => l.role === 'alternate').map(shape),
  };
}

function scoreWords(lines: RosterLine[]): string {
  const sources = new Set(lines.map((l) => l.scoreSource));
  if (sources.size === 1 && sources.has('none')) return 'none (no application had a score)';
  const words: string[] = [];
  if (sources.has('reviewers')) words.push("reviewers' combined score (0–10)");
  if (sources.has('application')) words.push("the application's own score");
  if (sources.has('none')) words.push('blank when there was none');
  return words.join(', ');
}

function countBy(lines: RosterLine[], key: (l: RosterLine) => string[]): string {
  const counts = new Map<string, number>();
  for (const l of lines) for (const k of key(l)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`).join(', ');
}

/** Markdown an officer pastes into a report or a wiki: a summary, then one table per role. `only`: the sentence saying which lines it keeps. */
export function rosterMarkdown(info: RosterInfo, lines: RosterLine[], only: string | null = null): string {
  const members = lines.filter((l) => l.role === 'member');
  const alternates = lines.filter((l) => l.role === 'alternate');
  const out: string[] = [];
  out.push(`# Core Group: ${markdownCell(info.name)}`, '');
  const created = info.createdAt.slice(0, 10);
  out.push(`${members.length} member${members.length === 1 ? '' : 's'} and ${alternates.length} alternate${alternates.length === 1 ? '' : 's'}, selected on ${created}` +
    (info.optimal ? ' (optimal selection).' : ` (solver status: ${markdownCell(info.solverStatus)}).`), '');
  if (only) out.push(markdownCell(only), '');
  if (members.length) {
    out.push(`- **Regions:** ${markdownCell(countBy(members, (l) => [l.region ?? 'unknown']))}`);
    out.push(`- **Languages:** ${markdownCell(countBy(members, (l) => [l.language ?? 'unknown']))}`);
    out.push(`- **Skills categories:** ${markdownCell(countBy(members, (l) => l.categories))}`);
    out.push('');
  }
  const table = (rows: RosterLine[]) => {
    out.push('| Rank | ID | Organisation | Contact | Country | Region | Language | Skills categories | Score | Why selected |');
    out.push('|---:|---:|---|---|---|---|---|---|---:|---|');
    for (const l of rows) {
      out.push(`| ${l.rank} | ${l.id} | ${[l.organisation, l.contact ?? '', l.country ?? '', l.region ?? '', l.language ?? '', l.categories.join(', ')].map(markdownCell).join(' | ')} | ${l.score ?? ''} | ${markdownCell(l.reasons.join('; '))} |`);
    }
    out.push('');
  };
  out.push('## Members', '');
  // Scores imported or corrected since the selection (the whole roster listed: a part never adds up to its total).
  const today = only === null ? totalMovedSinceSaved(info.objective, members.map((l) => l.score)) : undefined;
  const moved = today !== undefined;
  out.push('"Rank" is the place in the roster (for alternates, in the reserve); "ID" is the application ID, written #ID in the reasons. ' +
    (moved
      ? `The score is today's: ${scoreWords(lines)}. Scores changed since the selection, which ranked on a total of ${info.objective} ("Why selected" says what it saw); the members total ${today} today.`
      : `The score is the one the selection ranked by: ${scoreWords(lines)}.`), '');
  if (members.length) table(members);
  else out.push('_No members._', '');
  if (alternates.length) {
    out.push('## Alternates', '', 'In order: when a member declines, the first alternate that keeps every quota takes the place.', '');
    table(alternates);
  }
  return out.join('\n');
}
