import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../../src/cli/io.js';
import { renderTable } from '../../../src/ui/table.js';
import { renderRosterTable, type RosterRow } from '../../../src/ui/roster.js';

// Tables on a terminal must fit it: a line longer than the terminal wraps and breaks every
// box-drawing row (the roster table of select needed about 140 columns).
const visible = (s: string) => [...s.replace(/\x1b\[[0-9;]*m/g, '')].length;
const widest = (s: string) => Math.max(...s.split('\n').map(visible));

const row = (rank: number): RosterRow => ({
  rank, id: 100 + rank, organization: 'Asociación de Industriales de Mendoza y del Cuyo', country: 'AR', region: 'Europe and Central Asia', language: 'es',
  categories: ['career-guidance', 'entrepreneurship', 'training-delivery', 'life-skills'], score: 9.25,
  reasons: ['score 9.25, rank 40 of 472 eligible', 'needed for region Europe and Central Asia (at least 3; 3 selected)', 'chosen ahead of higher-scoring applications so that the quotas above are met'],
});

describe('tables on a terminal fit its width', () => {
  it.each([60, 80, 100, 120])('the roster table with reasons at %i columns', (columns) => {
    const { io } = bufferIO({ tty: true, columns });
    const out = renderRosterTable(io, [row(1), row(2)], { reasons: true });
    expect(out).toMatch(/│ 101 /);
    expect(widest(out)).toBeLessThanOrEqual(columns);
  });

  it('any table whose cells are long', () => {
    const { io } = bufferIO({ tty: true, columns: 70 });
    const long = 'Formation professionnelle des jeunes ruraux dans les métiers du solaire et de la réparation';
    const out = renderTable(io, ['ID', 'Organisation', 'Title'], [[1, 'Fondation pour la formation technique du Sahel', long]]);
    expect(widest(out)).toBeLessThanOrEqual(70);
    expect(out).toMatch(/Fondation/);
  });

  it('a narrow table is left as it is', () => {
    const { io } = bufferIO({ tty: true, columns: 100 });
    expect(renderTable(io, ['a', 'b'], [['x', 'y']])).toBe(renderTable(bufferIO({ tty: true, columns: 200 }).io, ['a', 'b'], [['x', 'y']]));
  });

  it('a list of a hundred and fifty thousand rows on a terminal prints as lines instead of overflowing the stack', () => {
    const { io } = bufferIO({ tty: true, columns: 100 });
    const rows = Array.from({ length: 150_000 }, (_, i) => [i + 1, `Organisation ${i + 1}`, 'KE']);
    const out = renderTable(io, ['ID', 'Organisation', 'Country'], rows);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(150_001);
    expect(lines[150_000]).toBe('150000\tOrganisation 150000\tKE');
    // a list of ordinary length is still a boxed table
    expect(renderTable(io, ['ID', 'Organisation'], rows.slice(0, 3000).map((r) => r.slice(0, 2)))).toMatch(/│ 3000 /);
  });
});
