/** Neutralises spreadsheet formulas (OWASP CSV injection). Replaced by the export module's version at merge. */
export function safeCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
