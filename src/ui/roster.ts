import type { IO } from './io.js';
import type { Coverage, CoverageLine } from '../selection/coverage.js';
import { renderTable } from './table.js';

export interface RosterRow {
  rank: number;
  id: number;
  organization: string;
  country: string | null;
  region: string | null;
  language: string | null;
  categories: string[];
  score: number | null;
  /** 'none': the application has no score (shown blank, not 0). */
  scoreSource?: string;
  reasons: string[];
  /** The application's call: a column when the rows come from several calls (select --all-calls). */
  call?: string | null;
}

/**
 * The gist of a member's reasons for a table cell: its score rank, the quotas it is needed
 * for, and whether it was forced in or picked over better scores. The full sentences are
 * in --json and `roster show --json`.
 */
export function shortWhy(reasons: string[]): string {
  const parts: string[] = [];
  const rank = /rank (\d+) of \d+/.exec(reasons[0] ?? '');
  if (rank) parts.push(`rank ${rank[1]}`);
  const needed = reasons.filter((r) => r.startsWith('needed for ')).map((r) => r.slice('needed for '.length).replace(/ \(.*$/, '').replace(/^(region|language|category|country) /, ''));
  if (needed.length) parts.push(`needed for ${needed.join(', ')}`);
  if (reasons.some((r) => r.startsWith('forced in'))) parts.push('forced in');
  if (reasons.some((r) => r.startsWith('chosen ahead'))) parts.push('picked for a quota');
  const replaced = reasons.find((r) => r.startsWith('took the place of'));
  if (replaced) parts.push(replaced.replace(/, who (?:declined|left|withdrew)$/, '').replace('took the place of', 'replaced'));
  const replaces = reasons.find((r) => r.startsWith('can replace'));
  if (replaces) parts.push(replaces.replace(' without breaking a quota', ''));
  return parts.join('; ');
}

/**
 * Members (or alternates) as a table; on a terminal a short "why" column, kept within the width.
 * "Rank" is the place in the roster or the reserve, "ID" the application ID (#ID in the reasons).
 */
export function renderRosterTable(io: IO, rows: RosterRow[], options: { reasons?: boolean; calls?: boolean } = {}): string {
  const tty = io.stdoutIsTTY;
  const calls = options.calls ?? new Set(rows.map((r) => r.call).filter((c) => c != null)).size > 1;
  // A narrow terminal drops the region (the country says it) so that the rest keeps its room.
  const region = !tty || io.columns >= 70;
  const headers = ['Rank', 'ID', 'Organisation', ...(calls ? ['Call'] : []), 'Country', ...(region ? ['Region'] : []), 'Lang', 'Categories', 'Score'];
  if (options.reasons) headers.push('Why');
  const body = rows.map((r) => {
    const cells: (string | number)[] = [
      r.rank, r.id, r.organization, ...(calls ? [r.call ?? ''] : []), r.country ?? '', ...(region ? [r.region ?? ''] : []), r.language ?? '',
      r.categories.join(', '), r.score === null || r.scoreSource === 'none' ? '' : Number(r.score.toFixed(3)),
    ];
    if (options.reasons) cells.push(shortWhy(r.reasons));
    return cells;
  });
  // On a terminal the table is fitted to its width (the widest columns, often "why" and the
  // categories, wrap first); organisation, region and categories are cut to one line in it.
  const cut = headers.map((h) => ({ Organisation: 28, Region: 12, Categories: 34 } as Record<string, number>)[h]);
  return renderTable(io, headers, body, { cut });
}

function bounds(line: CoverageLine): string {
  if (line.min === undefined) return '';
  if (line.max === null || line.max === undefined) return `≥${line.min}`;
  return line.min > 0 ? `${line.min}–${line.max}` : `≤${line.max}`;
}

function met(line: CoverageLine): boolean {
  if (line.min === undefined) return true;
  return line.count >= line.min && (line.max === null || line.max === undefined || line.count <= line.max);
}

/**
 * Coverage by region, language, category and country in a few lines: each value with its
 * count, the quotas, and any quota not met called out.
 */
export function renderCoverage(io: IO, cov: Coverage): string {
  const c = io.color;
  const width = Math.max(40, io.columns);
  const section = (title: string, lines: CoverageLine[], summary?: string) => {
    const items = lines.map((l) => {
      const text = `${l.value} ${l.count}`;
      return met(l) ? text : c.red(`${text} (needs ${bounds(l)})`);
    });
    const quota = [...new Set(lines.filter((l) => l.min !== undefined).map(bounds))];
    const tail = summary ?? (quota.length ? `quota ${quota.join(', ')}: ${lines.every(met) ? c.green('met') : c.red('NOT met')}` : '');
    const head = c.bold(title.padEnd(11));
    const out: string[] = [];
    let line = head;
    let len = 11;
    for (const item of items) {
      const plain = item.replace(/\u001b\[[0-9;]*m/g, '');
      if (len + plain.length + 3 > width && len > 11) {
        out.push(line);
        line = ' '.repeat(11);
        len = 11;
      }
      line += (len > 11 ? ' · ' : ' ') + item;
      len += plain.length + 3;
    }
    out.push(line);
    if (tail) out.push(' '.repeat(12) + c.dim(tail));
    return out.join('\n');
  };
  const countries = cov.country.filter((l) => l.count > 0 || (l.min ?? 0) > 0);
  const most = Math.max(0, ...countries.map((l) => l.count));
  const caps = [...new Set(cov.country.filter((l) => l.max !== undefined && l.max !== null).map((l) => l.max))];
  const countrySummary = `${countries.filter((l) => l.count > 0).length} countries, at most ${most} from one` +
    (caps.length ? ` (quota ≤${caps.join('/')}: ${cov.country.every(met) ? c.green('met') : c.red('NOT met')})` : '');
  return [
    section('Regions', cov.region),
    section('Languages', cov.language),
    section('Categories', cov.category),
    section('Countries', countries, countrySummary),
  ].join('\n') + '\n';
}
