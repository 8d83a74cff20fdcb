import type { IO } from '../cli/io.js';
import type { Coverage, CoverageLine } from '../selection/coverage.js';
import { renderTable, truncate } from './table.js';

export interface RosterRow {
  rank: number;
  id: number;
  organization: string;
  country: string | null;
  region: string | null;
  language: string | null;
  categories: string[];
  score: number | null;
  reasons: string[];
}

/** Members (or alternates) as a table; reasons in the last column on a terminal. */
export function renderRosterTable(io: IO, rows: RosterRow[], options: { reasons?: boolean } = {}): string {
  const headers = ['#', 'ID', 'Organisation', 'Country', 'Region', 'Lang', 'Categories', 'Score'];
  if (options.reasons) headers.push('Why');
  return renderTable(
    io,
    headers,
    rows.map((r) => {
      const cells: (string | number)[] = [
        r.rank, r.id, truncate(r.organization, 30), r.country ?? '', r.region ?? '', r.language ?? '',
        r.categories.join(', '), r.score === null ? '' : Number(r.score.toFixed(3)),
      ];
      if (options.reasons) cells.push(r.reasons.slice(1).join('; '));
      return cells;
    }),
  );
}

function bounds(line: CoverageLine): string {
  if (line.min === undefined) return '';
  if (line.max === null || line.max === undefined) return `≥${line.min}`;
  return line.min > 0 ? `${line.min}–${line.max}` : `≤${line.max}`;
}

function mark(line: CoverageLine): string {
  if (line.min === undefined) return '';
  const ok = line.count >= line.min && (line.max === null || line.max === undefined || line.count <= line.max);
  return ok ? 'ok' : 'NOT MET';
}

/** Coverage by region, language, category and country, with the quota beside each count. */
export function renderCoverage(io: IO, cov: Coverage): string {
  const section = (title: string, lines: CoverageLine[]) =>
    `${io.color.bold(title)}\n` + renderTable(io, ['value', 'members', 'quota', ''], lines.map((l) => [l.value, l.count, bounds(l), mark(l)]));
  const countries = cov.country.filter((l) => l.count > 0 || (l.min ?? 0) > 0);
  return [
    section('Regions', cov.region),
    section('Languages', cov.language),
    section('Categories', cov.category),
    section(`Countries (${cov.country.filter((l) => l.count > 0).length})`, countries),
  ].join('\n');
}
