import { UsageError } from '../errors.js';
import { shellArg } from '../text.js';
import path from 'node:path';
import { warn, type IO } from './io.js';
import { printJson } from './context.js';
import { EXPORT_INTERRUPTED, setInterruptOutcome } from './signals.js';
import type { BeyondRoster, ExportResult } from '../export/export-common.js';
import { plural } from '../export/write.js';
import { writtenFiles } from '../files/write.js';

export { elapsed, type ExportResult } from '../export/export-common.js';

/** Parses --peer-links [N]: true (flag alone) means 3 peers per organisation. */
export function parsePeerLinks(value: string | boolean | undefined): number | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return 3;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new UsageError(`--peer-links takes a number of peers per organisation from 1 to 50, got "${value}"`, { hint: 'e.g. --peer-links 3, or --peer-links alone for 3 per organisation' });
  return n;
}

export function finish(io: IO, result: ExportResult, json: boolean | undefined): ExportResult {
  if (json) printJson(io, result);
  return result;
}

/**
 * Checks --json against --out -, and says what Ctrl-C leaves from here on: an export writes its
 * files only at the end, atomically, so an interrupted one has written nothing, until they are in
 * place; from then on it has written them whole (an interruption then, as the report is printed,
 * said "nothing was written" of a file that was there).
 */
export function checkJsonWithStdout(json: boolean | undefined, out: string): void {
  const before = writtenFiles().length;
  setInterruptOutcome(() => {
    const files = writtenFiles().slice(before).map((f) => path.basename(f));
    return files.length ? `${files.join(', ')} ${files.length === 1 ? 'was' : 'were'} written whole; only the report was not printed` : EXPORT_INTERRUPTED;
  });
  if (json && out === '-') throw new UsageError('--json prints a summary on stdout, which --out - already uses', { hint: 'drop --json, or write to a file' });
}

/**
 * The status line about the Core Group of a map or graph. With --members-only the file holds the
 * roster's organisations, and one that declined or withdrew is among them without the Core Group
 * mark: the line counts both, so that it never says "the only ones" of fewer than are drawn.
 */
export function coreGroupLine(rosterName: string, counts: Record<string, number>, membersOnly: boolean | undefined, beyond?: BeyondRoster): string {
  const marked = counts.coreGroup ?? 0;
  const drawn = counts.organizations ?? 0;
  if (!membersOnly) {
    const named = beyond?.cohorts.filter((c) => c !== '') ?? [];
    const where = [
      ...(named.length ? [`in ${named.length === 1 ? 'cohort' : 'cohorts'} ${named.join(', ')}`] : []),
      ...(beyond?.cohorts.includes('') ? ['with no cohort'] : []),
    ].join(' or ');
    // (a cohort's seats end all at once with roster retire; a seat of no cohort, one by one)
    const unmark = !named.length ? 'status alumni unmarks them'
      : `skillsnet roster retire NAME (the roster of ${named.length === 1 ? 'that cohort' : 'each cohort'})${beyond?.cohorts.includes('') ? ', or status alumni for those of none,' : ''} unmarks them`;
    const whose = beyond?.count
      ? `${marked - beyond.count} of roster "${rosterName}", and ${beyond.count} still invited or active ${where}: ${unmark}`
      : `roster "${rosterName}"`;
    return `Core Group: ${marked} of ${drawn === 1 ? 'the one organisation' : `the ${drawn} organisations`} (${whose})`;
  }
  const unmarked = drawn - marked;
  return `Only the organisations of roster "${rosterName}": ${drawn}, ${marked} of them marked Core Group` +
    (unmarked > 0 ? ` (${unmarked} declined, withdrew or became alumni)` : '');
}

/** Exports of fewer applications than this draw no progress bar: it would only flicker. */
export const EXPORT_PROGRESS_MIN = 2000;

/**
 * Extensions of the office programs' own files: an export that writes none of them was told
 * `--out contactos.xlsx` and wrote CSV under that name, which Excel then refused to open ("the
 * file format or extension is not valid").
 */
const OFFICE_EXTENSIONS: Record<string, string> = {
  '.xlsx': 'an Excel workbook', '.xlsm': 'an Excel workbook', '.xls': 'an Excel workbook', '.ods': 'a spreadsheet',
  '.docx': 'a Word document', '.doc': 'a Word document', '.odt': 'a text document', '.pdf': 'a PDF',
};

function officeExtensionError<F extends string>(out: string, ext: string, format: F, byExtension: Record<string, readonly F[]>): UsageError {
  const formats = [...new Set(Object.values(byExtension).flat())];
  const own = Object.keys(byExtension).find((e) => byExtension[e]!.includes(format)) ?? '.csv';
  const renamed = out.slice(0, out.length - ext.length) + own;
  return new UsageError(`--out ${out} names ${OFFICE_EXTENSIONS[ext]} (${ext}), which this export does not write: it writes ${formats.join(', ')}`, {
    hint: `end the name in ${own}${own === '.csv' ? ', a file Excel opens' : ''}: --out ${shellArg(renamed)}`,
  });
}

/**
 * The format to write: --format when given (with a warning when --out's extension names
 * another), else the one --out's extension stands for ("--out core.vcf" is a vCard), else
 * the default. `byExtension` lists the formats each extension fits.
 */
export function formatForOut<F extends string>(
  io: IO,
  out: string | undefined,
  format: F,
  explicit: boolean,
  byExtension: Record<string, readonly F[]>,
): F {
  if (!out || out === '-') return format;
  const ext = path.extname(out).toLowerCase();
  const fits = byExtension[ext];
  if (!fits && OFFICE_EXTENSIONS[ext]) throw officeExtensionError(out, ext, format, byExtension);
  if (!fits || fits.includes(format)) return format;
  if (!explicit) return fits[0];
  warn(io, `--out ${out} ends in ${ext} but --format ${format} writes ${format}; the file keeps the name given`);
  return format;
}

/** A map's target-group hubs for its summary: "12 shared target groups", with "(the 40 most served; 1,204 more left out)" past the cap. */
export function targetGroupsWords(shown: number, leftOut: number | undefined): string {
  return `${plural(shown, 'shared target group')}${leftOut ? ` (the ${shown} most served; ${leftOut.toLocaleString('en')} more left out)` : ''}`;
}
