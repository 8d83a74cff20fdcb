/**
 * Text hygiene shared by every export. One place for formula neutralisation (OWASP
 * "CSV injection") and for the characters that break XML-based files (XLSX, GraphML).
 */

/**
 * First characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula
 * (OWASP: = + - @ tab CR), plus their full-width forms, which East Asian spreadsheet
 * locales read the same way.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A plain decimal number ("-3.5", "+12"): the spreadsheet reads it as a number, nothing runs. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** True when a spreadsheet would run this text as a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/**
 * Neutralises spreadsheet formulas in a text cell (OWASP CSV injection): text that starts
 * with = + - @ tab or CR gets a leading apostrophe, which spreadsheets treat as "this is text".
 * Numbers stay numbers, and so do texts that are plain numbers such as "-3.5". Everything else
 * is returned unchanged, so legitimate values are not mangled.
 *
 * Apply it to CSV and XLSX cells only: vCard, JSON and GraphML are not opened by spreadsheets,
 * and a phone number there must stay "+41 22 ...".
 */
export function safeCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  return isFormulaLike(value) ? `'${value}` : value;
}

/**
 * A phone number for a CSV or XLSX cell: formula-like text is neutralised as by safeCell, and a
 * number written without spaces ("+41227996111", "0227996111") also gets the apostrophe, because
 * a spreadsheet would read it as a quantity and drop the "+" or the leading zeros (or show
 * 4.1E+10). A phone is never a quantity, so it always stays text.
 */
export function safePhoneCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return isFormulaLike(value) || /^[+-]?\d+(?:[.,]\d+)?$/.test(value) ? `'${value}` : value;
}

/**
 * A phone number for Outlook's import CSV. Outlook keeps a cell's apostrophe as part of the number
 * ("'+52 55 …"), so the spreadsheet guard of safePhoneCell would spoil every international number
 * in the address book. Outlook's import evaluates nothing, and a "+" followed only by digits,
 * spaces, dashes and parentheses cannot be a formula anywhere (it names no function, cell or
 * link), so such a number goes as written. Anything else that starts like a formula is still
 * neutralised, should the file be opened in a spreadsheet first. (The contacts CSV and the XLSX
 * exports are for spreadsheets, which do read "+…" as a formula: they keep safePhoneCell.)
 */
export function outlookPhoneCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (/^\+[\d\s()-]*\d[\d\s()-]*$/.test(value)) return value;
  return String(safeCell(value));
}

/**
 * Removes the control characters that XML 1.0 forbids (they make an XLSX or GraphML file
 * unreadable) and lone surrogates, keeping tab, newline and carriage return.
 */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafeText(text: string): string {
  return text.replace(XML_INVALID, '');
}

/** Escapes text for XML content and attribute values (after removing forbidden characters). */
export function xmlEscape(text: string): string {
  return xmlSafeText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Excel refuses cells longer than this many characters. */
export const XLSX_MAX_CELL = 32_767;

/**
 * Escapes applicant text for Markdown (Kumu descriptions, roster documents) so that a stray
 * "*", "_", "#", "<b>" or "&amp;" in a proposal is shown as typed rather than formatting the page
 * (an unescaped "&copy;" would show as ©).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>#|~&])/g, '\\$1')
    .replace(/^(\s*)([-+])(\s)/gm, '$1\\$2$3')
    .replace(/^(\s*)(\d+)\.(\s)/gm, '$1$2\\.$3');
}

/** One line for a Markdown table cell: no newlines, pipes escaped. */
export function markdownCell(text: string): string {
  return escapeMarkdown(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/**
 * csv-stringify options for every CSV export: rows end in CRLF as Excel writes them, and a
 * cell holding a line break of any kind is quoted. (Given a record delimiter, csv-stringify
 * quotes only cells containing that exact delimiter, so a bare LF — Outlook's multi-line
 * Notes, a description without a comma — would end the row for Excel and most readers.)
 */
export const CSV_OPTIONS = { record_delimiter: '\r\n', quote_record_delimiter: true } as const;
