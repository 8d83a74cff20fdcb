import { describeCell } from '../reporting.js';

/**
 * Warnings gathered over a file: counted per kind of problem and column, with the first data
 * row numbers. A cell's content is never repeated (it may be a name, an address or a phone
 * number in the wrong column): the row and column lead the officer to it.
 */
export class WarningLog {
  private readonly kinds = new Map<string, { problem: string; column: string | null; columnIndex?: number; rows: number; lines: number[] }>();
  /** A problem met in data row `row` (1 = the first row under the header), in the column with this header if one is to blame. */
  add(problem: string, row?: number, column?: { header: string; index: number } | null): void {
    const key = `${problem}\u0000${column?.index ?? ''}`;
    let k = this.kinds.get(key);
    if (!k) this.kinds.set(key, (k = { problem, column: column?.header ?? null, columnIndex: column?.index, rows: 0, lines: [] }));
    k.rows++;
    if (row !== undefined && k.lines.length < 10) k.lines.push(row);
  }
  get size(): number {
    return this.kinds.size;
  }
  /** One line per kind: `3 data rows (4, 9, 12), column “Country”: not a country skillsnet knows (…)`. */
  lines(): string[] {
    return [...this.kinds.values()].map((k) =>
      describeCell({ rows: k.lines, total: k.rows, rowLabel: 'data row', column: k.column, columnIndex: k.columnIndex }, k.problem));
  }
}
