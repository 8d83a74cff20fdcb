/**
 * The rules of a quotas file's rows, once the file is read (quota-file.ts) into records of
 * header -> cell: the feature and value named as officers name them, and the bounds as counts or
 * shares of the roster's size ("20%", "12,5 %"), rounded so that the share written holds.
 */
import { UsageError } from '../errors.js';
import { featureNamed, quotaColumn, type QuotaColumn } from './quota-names.js';
import { FEATURES, featureWord, normaliseValue, quotaFeature, saysAny, type QuotaRule } from './quotas.js';
import { severalValues, valueOfOtherFeature, valuesListed } from './quota-hints.js';
import { didYouMean } from '../suggest.js';

/** What a quotas file's bounds are counted against: a percentage ("20%") is a share of the size. */
export interface QuotaFileOptions {
  /** The roster's size (--size); without it a percentage is refused. */
  size?: number;
  /** Told what the reader skipped or read otherwise than written (notes above the header), for the officer to see. */
  onNote?: (note: string) => void;
}

/**
 * The quota rows of a quotas file already parsed into records (header -> value; the headers
 * named as data/quota-headers.json names them: "Minimum", "Valeur"). `lines` are the records'
 * line numbers in the file when known (blank lines make them differ from i + 2); `unit` is how
 * the file numbers them ("line", or "row" for a workbook).
 */
export function quotaRulesFromRecords(records: Record<string, string>[], file: string, lines?: number[], options: QuotaFileOptions & { unit?: string } = {}): QuotaRule[] {
  const rules: QuotaRule[] = [];
  const wrote = new Map<QuotaRule, Written>();
  records.forEach((rec, i) => {
    const line = lines?.[i] ?? i + 2;
    const where = `${file} ${options.unit ?? 'line'} ${line}`;
    const get = (column: QuotaColumn) => {
      const k = Object.keys(rec).find((h) => quotaColumn(h) === column);
      return k === undefined ? '' : String(rec[k] ?? '').trim();
    };
    const featureText = get('feature');
    if (featureText === '' && get('value') === '' && get('min') === '' && get('max') === '' && get('range') === '') return;
    const named = featureNamed(featureText);
    if (featureText === '') {
      throw new UsageError(`${where}: no feature written for "${get('value')}"`, {
        hint: 'write the feature (region, country, language…) on the line; a feature is carried down only to the lines right below it (a merged cell), not across a blank line',
      });
    }
    if (!named) {
      throw new UsageError(`${where}: unknown feature "${featureText}"${didYouMean(featureText, FEATURES)}`, {
        hint: `use one of: ${FEATURES.join(', ')} (or their French or Spanish names: région, pays, langue, langue de travail, categoría…); language is the one the application is written in, working language the applicant's preferred one`,
      });
    }
    const valueText = get('value');
    if (valueText === '') throw new UsageError(`${where}: the value is empty`, { hint: 'write the region, code or name to count, or * for every value' });
    let feature = quotaFeature(named, valueText);
    let value: string;
    try {
      value = normaliseValue(feature, valueText);
    } catch (e) {
      // "Africa / Afrique", "KE; Kenya": every part names one value (a bilingual label), which it is
      const listed = valuesListed(feature, valueText);
      if (listed?.length === 1) ({ feature, value } = listed[0]!);
      else {
        const several = severalValues(feature, valueText, listed);
        if (several) throw new UsageError(`${where}: ${several.message}`, { hint: several.hint });
        throw new UsageError(`${where}: ${(e as Error).message}`, { hint: valueOfOtherFeature(feature, valueText) ?? (e as UsageError).hint });
      }
    }
    const range = rangeBounds(get('range'), get('min'), get('max'), where);
    const minText = range?.min ?? get('min');
    const maxText = range?.max ?? get('max');
    const min = parseBound(minText, 'min', where, options.size);
    const max = parseBound(maxText, 'max', where, options.size);
    if (value === '*' && min !== null && min.count > 0 && saysAny(feature, valueText)) {
      const every = featureWord(feature);
      throw new UsageError(`${where}: "${valueText}" with a min is ambiguous: at least ${min.shown} in each ${every}, or ${min.shown} from all of them together?`, {
        hint: `write "each" (or *) for at least ${min.shown} in every ${every}; "any" is read only with a max ("at most 2 from any ${every}" is at most 2 in each)`,
      });
    }
    if (max !== null && min !== null && min.count > max.count) {
      // Shares in order as written, but no whole number of members between them ("15%,15%" of 25 is 3.75):
      // swapping would not help; counts around the share would.
      if ((min.percent || max.percent) && min.exact <= max.exact) {
        throw new UsageError(`${where}: min ${min.shown} is more than max ${max.shown}: no whole number of members is at least ${round2(min.exact)} and at most ${round2(max.exact)}`, {
          hint: `write counts instead (min ${Math.floor(min.exact)}, max ${Math.ceil(max.exact)}), or shares further apart`,
        });
      }
      throw new UsageError(`${where}: min ${min.shown} is more than max ${max.shown}`, { hint: 'swap them, or leave max empty for no limit' });
    }
    const shares = (['min', 'max'] as const).flatMap((which) => {
      const b = which === 'min' ? min : max;
      return b?.percent ? [`${which} ${b.shown}`] : [];
    });
    const rule = { feature, value, min: min?.count ?? 0, max: max?.count ?? null, source: shares.length ? `${where} (${shares.join(', ')})` : where, written: valueText };
    const sum = value === '*' && ALL.test(valueText) ? sumOf(rule, rules) : undefined;
    if (sum) {
      options.onNote?.(`${where}: "${valueText}" (${sum}) adds up the ${featureWord(feature)} lines above it: a totals line, not a rule for each ${featureWord(feature)}: skipped`);
      return;
    }
    rules.push(rule);
    // (a bound written in a range column, "at most 3", is written as much as one under max)
    wrote.set(rule, { min: minText !== '', max: maxText !== '', as: { min: boundKey(min), max: boundKey(max) } });
  });
  contradictions(rules, wrote);
  exceptions(rules, wrote, options.onNote);
  return rules;
}

/**
 * Which bounds a line wrote (an empty cell is none), and each as written: a share and a count
 * are two bounds even where --size makes them one number ("10%" and "2" of 20), so that whether
 * two lines contradict each other does not turn on the size.
 */
interface Written {
  min: boolean;
  max: boolean;
  as: { min: string; max: string };
}

const boundKey = (b: { count: number; percent: boolean; exact: number } | null) => (b === null ? 'none' : b.percent ? `${b.exact} as a share` : String(b.count));

/**
 * Two lines of a file that give one value's bound twice, differently ("region,Africa,3,8" and,
 * further down, "region,Africa,5,"): a correction added below, or a slip? Merged as the tighter,
 * one of them would quietly not hold: refused. A bound on each line (min on one, max on the
 * other) is no contradiction.
 */
function contradictions(rules: QuotaRule[], wrote: Map<QuotaRule, Written>): void {
  const seen = new Map<string, QuotaRule[]>();
  for (const rule of rules) {
    const key = `${rule.feature}\u0000${rule.value}`;
    const before = seen.get(key) ?? [];
    for (const other of before) {
      const bound = (['min', 'max'] as const).find((b) => wrote.get(rule)![b] && wrote.get(other)![b] && wrote.get(rule)!.as[b] !== wrote.get(other)!.as[b]);
      if (!bound) continue;
      const said = (r: QuotaRule) => (bound === 'min' ? `at least ${r.min}` : r.max === null ? 'no limit' : `at most ${r.max}`);
      const what = rule.value === '*' ? `every ${featureWord(rule.feature)}` : `${featureWord(rule.feature)} ${rule.written ?? rule.value}`;
      throw new UsageError(`${rule.source}: ${said(rule)} for ${what}, but ${other.source.replace(/^.* (line|row) /, '$1 ')} says ${said(other)}: which holds?`, {
        hint: `keep one line for it (or its min on one line and its max on another)${rule[bound] === other[bound] ? `; the two give the same number of members only at this --size` : ''}`,
      });
    }
    seen.set(key, [...before, rule]);
  }
}

/**
 * A line for one value that loosens a bound of the file's line for every value of its feature
 * ("country,*,,2" and "country,Nigeria,,3"; "region,each,2," and "region,Arab States,1,") is the
 * exception the officer wrote it as: merged as the tighter, it would change nothing, and Nigeria
 * would quietly get 2. That bound of the '*' line gives way for the value, said.
 */
function exceptions(rules: QuotaRule[], wrote: Map<QuotaRule, Written>, onNote?: (note: string) => void): void {
  for (const every of rules.filter((r) => r.value === '*')) {
    for (const one of rules.filter((r) => r.feature === every.feature && r.value !== '*')) {
      const looser = {
        min: wrote.get(one)!.min && one.min < every.min,
        max: wrote.get(one)!.max && every.max !== null && (one.max === null || one.max > every.max),
      };
      const given = (['min', 'max'] as const).filter((b) => looser[b]);
      if (!given.length) continue;
      every.except ??= {};
      for (const b of given) (every.except[b] ??= []).push(one.value);
      const bound = (r: QuotaRule, b: 'min' | 'max') => (b === 'min' ? `at least ${r.min}` : r.max === null ? 'no limit' : `at most ${r.max}`);
      const place = every.source.replace(/^.* (line|row) /, '$1 ');
      onNote?.(`${one.source}: ${given.map((b) => bound(one, b)).join(' and ')} for ${featureWord(one.feature)} ${one.written ?? one.value}, an exception to ${place} (${given.map((b) => bound(every, b)).join(' and ')} in every ${featureWord(every.feature)})`);
    }
  }
}

/** "All", "toutes les régions", "todas": every value, or all of them together (unlike "each", "chaque", "cada"). */
const ALL = /^\(?\s*(?:all|tous|toutes|toute|todos|todas)\b/i;

/**
 * Whether a line for all values ("All regions;7;20", "Toutes les régions") is the total of the
 * lines of single values of its feature above it: its min the sum of their mins and its max the
 * sum of their maxes (each bound it has). Read as "each", 7 in every region, it would ask for
 * what no roster can give, or quietly more than the file meant. How the sums add up, or undefined.
 */
function sumOf(rule: QuotaRule, above: QuotaRule[]): string | undefined {
  const parts = above.filter((r) => r.feature === rule.feature && r.value !== '*');
  if (parts.length < 2 || (rule.min === 0 && rule.max === null)) return undefined;
  const mins = parts.reduce((n, r) => n + r.min, 0);
  if (rule.min > 0 && rule.min !== mins) return undefined;
  if (rule.max !== null && (parts.some((r) => r.max === null) || rule.max !== parts.reduce((n, r) => n + r.max!, 0))) return undefined;
  return [rule.min > 0 ? `min ${parts.map((r) => r.min).join('+')} = ${rule.min}` : '', rule.max !== null ? `max ${parts.map((r) => r.max).join('+')} = ${rule.max}` : ''].filter(Boolean).join(', ');
}

/**
 * A max that says in words there is none: "no limit", "sans limite", "sin límite" (an empty cell).
 * A dash or "n/a" stays refused: Excel's accounting format shows 0 as a dash.
 */
export const NO_LIMIT = /^(?:no limit|unlimited|sans limite|illimit[ée]|sin l[ií]mite|ilimitado)$/i;

/** A number of members as a message shows it: 3.75, 4. */
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * A min or max cell: a whole number, or a percentage of the size ("20%", "12,5 %"): at least
 * 20% of 25 is at least 5 members, at least 15% of 25 at least 4 (3.75 rounded up), at most 15%
 * at most 3 (rounded down), so that the roster always keeps the share as written. `exact`: the
 * members the bound stands for before rounding (a share of the size: 3.75).
 */
function parseBound(written: string, which: 'min' | 'max', where: string, size: number | undefined): { count: number; shown: string; percent: boolean; exact: number } | null {
  let text = written;
  if (text === '' || (which === 'max' && NO_LIMIT.test(text))) return null;
  // (">= 3" or "at least 3" under min, "<= 2" or "up to 2" under max: the bound the column names)
  const said = boundsInWords(text);
  if (said && !said.mixed && (which === 'min' ? said.max === '' && said.min !== '' && !said.exact : said.min === '' && said.max !== '')) {
    text = which === 'min' ? said.min : said.max;
  } else if (said && !said.mixed && said.min !== '' && said.max !== '') {
    throw new UsageError(`${where}: ${which} "${text}" is ${said.exact ? `exactly ${said.min}` : `a range, ${said.min} to ${said.max}`}`, {
      hint: `write ${said.min} under min and ${said.max} under max`,
    });
  }
  const share = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(text);
  if (!share) {
    // (a whole number as French or Spanish Excel writes it with decimals: "3,00"; three digits
    // after the comma are an English thousands separator as much as decimals: "1,000" is refused)
    // (digits only: Number() would also read "1e3" as 1000 and "0x10" as 16)
    const n = /^\d+(?:[.,]\d+)?$/.test(text) ? Number(text.replace(/^(\d+),(\d{1,2})$/, '$1.$2')) : NaN;
    // (a dash, "n/a": no bound, or a 0 that Excel's accounting format shows as a dash? not guessed)
    if (/^(?:[-–—]+|n\/?a|n\.a\.?|s\/o|s\.o\.|n\/d)$/i.test(text.trim())) {
      throw new UsageError(`${where}: ${which} "${text}" may be 0 (Excel's accounting format shows 0 as a dash) or ${which === 'min' ? 'no minimum' : 'no limit'}`, {
        hint: `write 0, or leave the cell empty for ${which === 'min' ? 'no minimum' : 'no limit'}`,
      });
    }
    if (!Number.isInteger(n) || n < 0) {
      throw new UsageError(`${where}: ${which} needs a whole number of at least 0, got "${text}"`, {
        hint: `write a count of members (3), a share of --size (20%), or leave the cell empty (${which === 'min' ? 'no minimum' : 'no limit'})`,
      });
    }
    return { count: n, shown: String(n), percent: false, exact: n };
  }
  const percent = Number(share[1].replace(',', '.'));
  if (percent > 100) throw new UsageError(`${where}: ${which} ${text} is more than the whole roster`, { hint: 'a share is at most 100%' });
  if (size === undefined) throw new UsageError(`${where}: ${which} ${text} is a share of the roster, but its size is not known`, { hint: 'give --size, or write a count of members' });
  const exact = (percent * size) / 100;
  // (a share that is a whole number of members stays that number despite floating point)
  const count = Math.abs(exact - Math.round(exact)) < 1e-9 ? Math.round(exact) : which === 'min' ? Math.ceil(exact) : Math.floor(exact);
  return { count, shown: `${text} of ${size} = ${count}`, percent: true, exact };
}

/** A bound in a cell of words: a count or a share ("3", "20%", "12,5 %"). */
const B = String.raw`(\d+(?:[.,]\d+)?(?:\s*%)?)`;
const AT_LEAST = String.raw`(?:at least|min\.?|minimum|no fewer than|au moins|au minimum|pas moins de|al menos|como m[ií]nimo|m[ií]nimo|no menos de|>=|≥|=>)`;
const AT_MOST = String.raw`(?:at most|max\.?|maximum|up to|no more than|not more than|au plus|au maximum|jusqu'? ?[àa]|pas plus de|como m[aá]ximo|m[aá]ximo|hasta|a lo sumo|no m[aá]s de|<=|≤|=<)`;
const BOTH: RegExp[] = [
  new RegExp(String.raw`^${B}\s*(?:-|–|—|\.\.|to|à|a)\s*${B}$`),
  new RegExp(String.raw`^(?:from|de|desde)\s+${B}\s+(?:to|à|a|hasta)\s+${B}$`),
  new RegExp(String.raw`^(?:between|entre)\s+${B}\s+(?:and|et|y)\s+${B}$`),
  new RegExp(String.raw`^${AT_LEAST}\s*${B}\s*(?:,|;|/|and|et|y)?\s*${AT_MOST}\s*${B}$`),
];
const MIN_ONLY = [new RegExp(String.raw`^${AT_LEAST}\s*${B}$`), new RegExp(String.raw`^${B}\s*(?:\+|or more|and more|and above|ou plus|et plus|au moins|o m[aá]s|y m[aá]s|como m[ií]nimo|min\.?|minimum)$`)];
const MAX_ONLY = [new RegExp(String.raw`^${AT_MOST}\s*${B}$`), new RegExp(String.raw`^${B}\s*(?:or fewer|or less|at most|ou moins|au plus|au maximum|o menos|como m[aá]ximo|max\.?|maximum)$`)];
const EXACTLY = new RegExp(String.raw`^(?:exactly|exactement|exactamente|=)\s*${B}$`);

/**
 * Bounds written in words or signs in one cell: "3-8", "3 to 8", "entre 3 et 8", "at least 2",
 * "≥ 2", "2+", "max 2", "jusqu'à 4", "exactly 5". `mixed` when one side is a share and the other
 * a count ("20-40%": 20 members, or 20%?). Undefined when the cell says something else.
 */
export function boundsInWords(cell: string): { min: string; max: string; exact?: boolean; mixed?: boolean } | undefined {
  // (a typographic apostrophe, as Word and Excel's autocorrect write "jusqu’à", is the apostrophe)
  const text = cell.replace(/\u00a0|\u202f/g, ' ').replace(/[\u2019\u2018\u02bc]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
  const share = (b: string) => b.includes('%');
  for (const form of BOTH) {
    const m = form.exec(text);
    if (m) return { min: m[1]!, max: m[2]!, mixed: share(m[1]!) !== share(m[2]!) };
  }
  const exact = EXACTLY.exec(text);
  if (exact) return { min: exact[1]!, max: exact[1]!, exact: true };
  for (const form of MIN_ONLY) {
    const m = form.exec(text);
    if (m) return { min: m[1]!, max: '' };
  }
  for (const form of MAX_ONLY) {
    const m = form.exec(text);
    if (m) return { min: '', max: m[1]! };
  }
  return undefined;
}

/**
 * The min and max a range column's cell holds ("Quota: 3-8", "at least 2", "max 2"), or
 * undefined when the file has no range there. A bare count is refused: exactly 5, at least 5 or
 * at most 5? So is a cell that is not a range, and a line with a range and a min or max.
 */
function rangeBounds(cell: string, min: string, max: string, where: string): { min: string; max: string } | undefined {
  if (cell === '') return undefined;
  if (min !== '' || max !== '') {
    throw new UsageError(`${where}: both a range ("${cell}") and ${min !== '' ? `min ${min}` : `max ${max}`}`, { hint: 'give the bounds once: in the range column, or under min and max' });
  }
  // ("no limit": written as under max, an exception to a line for every value: country,Nigeria,no limit)
  if (NO_LIMIT.test(cell)) return { min: '', max: cell };
  const said = boundsInWords(cell);
  if (said && !said.mixed) return { min: said.min, max: said.max };
  const hint = 'write 3-8 (at least 3, at most 8), at least 3, at most 8, exactly 5 or no limit; shares as 20%-40%';
  if (said?.mixed) throw new UsageError(`${where}: range "${cell}" has a share on one side only: members or % of the roster?`, { hint });
  if (/^\d+(?:[.,]\d+)?\s*%?$/.test(cell)) {
    throw new UsageError(`${where}: "${cell}" in a range column is exactly ${cell}, at least ${cell} or at most ${cell}?`, { hint });
  }
  // (Excel turns "3-8" typed into a cell into a date, the 3rd of August)
  const date = /^\d{4}-\d\d-\d\d|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(cell) ? '; Excel may have made a date of a range typed as 3-8: format the column as Text, or write 3 to 8' : '';
  throw new UsageError(`${where}: range "${cell}" cannot be read as bounds`, { hint: hint + date });
}
