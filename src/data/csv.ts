/**
 * The package's own small CSV tables (data/countries.csv, data/country-aliases.csv) read
 * without csv-parse: RFC 4180 quoting, a header row naming the columns, cells trimmed, blank
 * lines and a BOM skipped. Loading csv-parse and warming it up took a tenth of a one-row import.
 */
export function parseDataCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(cell);
    if (row.length > 1 || row[0]!.trim() !== '') rows.push(row);
    row = [];
    cell = '';
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') endRow();
    else if (ch !== '\r' || text[i + 1] !== '\n') cell += ch;
  }
  if (quoted) throw new Error('a quoted cell is not closed');
  if (cell !== '' || row.length) endRow();
  const [header, ...body] = rows;
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return body.map((cells, n) => {
    if (cells.length !== names.length) throw new Error(`row ${n + 2} has ${cells.length} cells for ${names.length} columns`);
    return Object.fromEntries(names.map((name, c) => [name, cells[c]!.trim()]));
  });
}
