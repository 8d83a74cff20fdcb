/**
 * Spreadsheet column letters, apart from the mapping (mapping.ts) so that the workbook reader
 * (sheet-xml.ts) can use them without loading header recognition.
 */

/** The index of a spreadsheet letter ("A" -> 0, "AB" -> 27). */
export function letterIndex(letter: string): number {
  let n = 0;
  for (const ch of letter.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The spreadsheet letter of a column (0 -> "A", 27 -> "AB"). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
