import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../../src/cli/io.js';
import { renderTable } from '../../../src/ui/table.js';
import { displayWidth } from '../../../src/ui/wrap.js';
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
    // (a table where there is room for its columns, else one record per member)
    expect(out).toMatch(columns >= 100 ? /│ 101 / : /^ID +101$/m);
    expect(widest(out)).toBeLessThanOrEqual(columns);
  });

  it('a column of single words (codes, IDs) that would cut one prints records, so the code to type stays whole; a column of bars does not', () => {
    const { io } = bufferIO({ tty: true, columns: 60 });
    const rows = [
      ['recognition-of-skills', 'Recognition of skills: assessment and certification of what people learnt at work', 51, 0],
      ['work-based-learning', 'Work-based learning: apprenticeships, internships, on-the-job training', 97, 0],
    ];
    const out = renderTable(io, ['Code', 'Category', 'Applications', 'By officer'], rows, { maxWidth: [24, 30, 14, 12] });
    expect(out).toMatch(/^Code +recognition-of-skills$/m);
    expect(out).not.toContain('…');
    const bars = renderTable(io, ['region', 'applications', 'share', ''], [['Africa', 215, '45.6%', '█'.repeat(30)], ['Americas', 84, '17.8%', '█'.repeat(12)]]);
    expect(bars).toMatch(/│ Africa +│ 215/);
  });

  it('a record of names in wide characters keeps within the terminal (a Chinese character takes two columns)', () => {
    const { io } = bufferIO({ tty: true, columns: 40 });
    const rows = [[1, '北京市职业技能培训中心 Beijing Vocational Training Centre', 'CN', '东亚和太平洋地区', '王芳', 'social-inclusion, training-delivery']];
    const out = renderTable(io, ['ID', 'Organisation', 'Country', 'Region', 'Name', 'Categories'], rows);
    expect(out).toMatch(/^ID +1$/m);
    for (const line of out.replace(/\x1b\[[0-9;]*m/g, '').split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(40);
  });

  it('pads every cell to its column as the terminal shows it: Hindi, Arabic vowels, emoji sequences, zero-width characters', () => {
    const rows = [
      [1, 'राष्ट्रीय कौशल विकास निगम', 'नमस्ते'], [2, 'Atelier 👩‍💻 🇬🇭 👍🏽', 'Ana\u200bSow'], [3, 'مُحَمَّد', '北京市'], [4, 'Taller Sur', 'Ana'],
    ];
    for (const columns of [100, 30]) {
      const out = renderTable(bufferIO({ tty: true, columns }).io, ['ID', 'Organisation', 'Contact'], rows).replace(/\x1b\[[0-9;]*m/g, '').trimEnd();
      const lines = out.split('\n');
      expect(out).toMatch(/^┌/);
      // every line of the box as wide as its top border, and within the terminal
      for (const line of lines) expect(displayWidth(line), line).toBe(displayWidth(lines[0]!));
      expect(displayWidth(lines[0]!)).toBeLessThanOrEqual(columns);
    }
    // as narrow as the text: cli-table3's own measure made the Hindi column three wider
    const natural = renderTable(bufferIO({ tty: true, columns: 100 }).io, ['Organisation'], [['राष्ट्रीय कौशल']]).replace(/\x1b\[[0-9;]*m/g, '');
    expect(natural.split('\n')[0]).toBe(`┌${'─'.repeat(14)}┐`);
  });

  it('keeps a cell of Hindi on one line in a column as wide as it (cli-table3, given the widths, wrapped it by its own wider measure)', () => {
    const out = renderTable(bufferIO({ tty: true, columns: 100 }).io, ['ID', 'Name', 'Organisation'], [[1, '王小明', 'प्रशिक्षण संस्थान'], [2, 'प्रशिक्षण संस्थान', 'Ana Sow']]).replace(/\x1b\[[0-9;]*m/g, '');
    const lines = out.trimEnd().split('\n');
    // a top border, the header, a rule, a row, a rule, a row, the bottom border: one line a row
    expect(lines).toHaveLength(7);
    expect(lines[3]).toContain('प्रशिक्षण संस्थान');
    for (const line of lines) expect(displayWidth(line), line).toBe(displayWidth(lines[0]!));
  });

  it('too narrow for its columns, prints each row as a record of whole words instead of cutting them to a few letters', () => {
    const headers = ['ID', 'Organisation', 'Call', 'Country', 'Region', 'Lang', 'Categories', 'Score'];
    const rows = [
      [23, "Laboratoire d'économie du travail, Université de Tripoli", '2020', 'LB', 'Arab States', 'fr', 'social-inclusion, training-delivery, work-based-learning', 8.4],
      [24, 'National Employment Service', '2020', 'JO', 'Arab States', 'en', 'entrepreneurship', null],
    ];
    const narrow = renderTable(bufferIO({ tty: true, columns: 60 }).io, headers, rows);
    expect(narrow).not.toMatch(/…/);
    expect(widest(narrow)).toBeLessThanOrEqual(60);
    const records = narrow.replace(/\x1b\[[0-9;]*m/g, '').trimEnd().split('\n\n');
    expect(records).toHaveLength(2);
    expect(records[0].split('\n')).toEqual([
      'ID            23',
      "Organisation  Laboratoire d'économie du travail, Université",
      '              de Tripoli',
      'Call          2020',
      'Country       LB',
      'Region        Arab States',
      'Lang          fr',
      'Categories    social-inclusion, training-delivery,',
      '              work-based-learning',
      'Score         8.4',
    ]);
    expect(records[1]).toMatch(/^Organisation  National Employment Service$/m);
    expect(records[1]).toMatch(/^Score$/m);
    // with room for the columns, the same rows stay a table
    expect(renderTable(bufferIO({ tty: true, columns: 100 }).io, headers, rows)).toMatch(/│ 23 │ Laboratoire/);
    // a pipe gets tab-separated lines whatever the width
    expect(renderTable(bufferIO({ tty: false, columns: 60 }).io, headers, rows)).toMatch(/^23\tLaboratoire/m);
  });

  it('any table whose cells are long', () => {
    const { io } = bufferIO({ tty: true, columns: 70 });
    const long = 'Formation professionnelle des jeunes ruraux dans les métiers du solaire et de la réparation';
    const out = renderTable(io, ['ID', 'Organisation', 'Title'], [[1, 'Fondation pour la formation technique du Sahel', long]]);
    expect(widest(out)).toBeLessThanOrEqual(70);
    expect(out).toMatch(/Fondation/);
  });

  it('COLUMNS set to a width is the width to fit (COLUMNS=60 skillsnet list), else the terminal\'s, else 80', async () => {
    const { terminalColumns } = await import('../../../src/cli/io.js');
    expect(terminalColumns({ COLUMNS: '60' }, 120)).toBe(60);
    expect(terminalColumns({}, 120)).toBe(120);
    expect(terminalColumns({ COLUMNS: 'wide' }, 120)).toBe(120);
    expect(terminalColumns({ COLUMNS: '0' }, undefined)).toBe(80);
  });

  it('cells cut to one line in a boxed table are whole in a record and in a pipe', () => {
    const name = "Laboratoire d'économie du travail, Université de Tripoli";
    const cut = [undefined, () => `${name.slice(0, 20)}… (withdrawn)`];
    const rows = [[23, `${name} (withdrawn)`, 'Arab States', 'social-inclusion, training-delivery', 8.4]];
    const headers = ['ID', 'Organisation', 'Region', 'Categories', 'Score'];
    expect(renderTable(bufferIO({ tty: true, columns: 120 }).io, headers, rows, { cut })).toMatch(/│ Laboratoire d'économ… \(withdrawn\) │/);
    expect(renderTable(bufferIO({ tty: true, columns: 40 }).io, headers, rows, { cut })).toMatch(/^Organisation {2}Laboratoire d'économie du\n {14}travail, Université de\n {14}Tripoli \(withdrawn\)$/m);
    expect(renderTable(bufferIO({ tty: false }).io, headers, rows, { cut })).toContain(`${name} (withdrawn)\t`);
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
