/**
 * Warnings gathered over a file: counted per kind, with a few distinct values each, or, for
 * values that are personal data (an email address), the data row numbers instead.
 */
export class WarningLog {
  private readonly kinds = new Map<string, { rows: number; values: Map<string, number>; lines: number[]; more: boolean }>();
  /** `value` null: the value is not shown, the data row number is. */
  add(kind: string, value: string | null, row?: number): void {
    let k = this.kinds.get(kind);
    if (!k) this.kinds.set(kind, (k = { rows: 0, values: new Map(), lines: [], more: false }));
    k.rows++;
    if (value === null) {
      if (row !== undefined && k.lines.length < 10) k.lines.push(row);
      else k.more = true;
      return;
    }
    // A value that looks like personal data (an address, a phone number: a shifted column) is
    // not repeated; the data row number is given instead.
    if (/@|\d{6,}/.test(value.replace(/[\s().+-]/g, ''))) {
      if (row !== undefined && k.lines.length < 10) k.lines.push(row);
      value = '(not shown: looks like personal data)';
    }
    const v = value.length > 60 ? value.slice(0, 57) + '...' : value;
    const n = k.values.get(v);
    if (n !== undefined) k.values.set(v, n + 1);
    else if (k.values.size < 10) k.values.set(v, 1);
    else k.more = true;
  }
  get size(): number {
    return this.kinds.size;
  }
  /** One line per kind: `country not recognised ... in 3 rows: "Ruritania" (2), "Atlantis"`, or `... in 2 rows (data rows 4, 9)`. */
  lines(): string[] {
    return [...this.kinds].map(([kind, k]) => {
      const count = `${k.rows} row${k.rows === 1 ? '' : 's'}`;
      if (!k.values.size) {
        const rows = k.lines.length ? ` (data row${k.lines.length === 1 && !k.more ? '' : 's'} ${k.lines.join(', ')}${k.more ? ', ...' : ''})` : '';
        return `${count} ${kind}${rows}`;
      }
      const shown = [...k.values].map(([v, n]) => (n > 1 ? `"${v}" (${n})` : `"${v}"`)).join(', ');
      const rows = k.lines.length ? ` (data row${k.lines.length === 1 ? '' : 's'} ${k.lines.join(', ')})` : '';
      return `${kind} in ${count}: ${shown}${k.more ? ', ...' : ''}${rows}`;
    });
  }
}
