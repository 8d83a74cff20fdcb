/**
 * A sheet's and the shared strings' XML made plain for exceljs's cell reader, so that each cell
 * reads as Excel shows it. exceljs reads a formula cell by its formula and gives its cached value
 * only as a number: a TRUE became 1, an error "[object Object]", a date its serial number
 * (45387.5), and a shared formula (`<f t="shared" si="0"/>`, as Excel writes a formula filled
 * down) no value at all. The import never needs a formula, only what Excel shows, so the
 * formulas are dropped and each cell is read by its cached value and type. Also:
 * - an ISO 8601 date cell (`t="d"`, written by openpyxl and other libraries) is read as its text,
 *   not as a serial number parsed from "2024-03-02T09:24:33" (the year 1905);
 * - the phonetic reading Japanese Excel keeps beside a text (`<rPh>`, furigana) is not the text;
 * - rows and cells written without their `r` reference (which the format allows) are numbered
 *   in order, instead of failing with a JavaScript error;
 * - formula cells without a cached value (written by a program that does not calculate, such as
 *   openpyxl) are counted, per column, so that the import can say why those cells are empty.
 */
import { Transform, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { columnLetter, letterIndex } from './column-letters.js';

/** What was noticed in a sheet while it was made plain. */
export interface SheetNotes {
  /** formula cells without a cached value, per column letter */
  uncalculated: Map<string, number>;
  /** rows (1-based) with hidden="1" */
  hiddenRows?: Set<number>;
  /** columns (1-based) a hidden <col min max> covers */
  hiddenColumns?: Set<number>;
}

const HIDDEN = /\bhidden\s*=\s*["'](?:1|true)["']/;
const COLS = /<col\b([^>]*?)\/?>/g;

const PHONETIC = /<rPh\b[^>]*?(?:\/>|>[\s\S]*?<\/rPh>)|<phoneticPr\b[^>]*?\/>/g;
const FORMULA = /<f\b[^>]*?(?:\/>|>[^<]*<\/f>)/g;

/**
 * Where the text can be cut so that no element that is rewritten as a whole (`endTag`: a cell
 * `</c>`, a phonetic run `</rPh>`) or tag is split: the rest waits for the next chunk.
 */
function cutPoint(text: string, start: RegExp, endTag: string): number {
  let cut = text.length;
  const lt = text.lastIndexOf('<');
  if (lt >= 0 && text.indexOf('>', lt) < 0) cut = lt;
  let open = -1;
  start.lastIndex = 0;
  for (let m = start.exec(text); m; m = start.exec(text)) open = m.index;
  if (open >= 0 && open < cut) {
    const tagEnd = text.indexOf('>', open);
    const selfClosed = tagEnd > 0 && text[tagEnd - 1] === '/';
    if (!selfClosed && text.indexOf(endTag, open) < 0) cut = open;
  }
  return cut;
}

function rewriting(input: Readable, start: RegExp, endTag: string, apply: (text: string) => string): Readable {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  const out = new Transform({
    transform(chunk: Buffer, _enc, done) {
      const text = carry + decoder.write(chunk);
      const cut = cutPoint(text, start, endTag);
      carry = text.slice(cut);
      done(null, apply(text.slice(0, cut)));
    },
    flush(done) {
      const rest = carry + decoder.end();
      done(null, rest ? apply(rest) : undefined);
    },
  });
  input.on('error', (e) => out.destroy(e));
  return input.pipe(out);
}

/** The shared strings without phonetic readings. */
export function plainSharedStrings(input: Readable): Readable {
  return rewriting(input, /<rPh\b/g, '</rPh>', (text) => (text.includes('<rPh') || text.includes('<phoneticPr') ? text.replace(PHONETIC, '') : text));
}

/** The sheet's cells by their values: see the top of this file. */
export function plainCells(input: Readable, notes: SheetNotes): Readable {
  let row = 0;
  let column = 0;
  const TAGS = /<row\b([^>]*?)(\/?)>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  const apply = (text: string): string => {
    if (notes.hiddenColumns && text.includes('<col')) {
      for (const m of text.matchAll(COLS)) {
        if (!HIDDEN.test(m[1]!)) continue;
        const min = Number(/\bmin\s*=\s*["'](\d+)["']/.exec(m[1]!)?.[1]);
        const max = Number(/\bmax\s*=\s*["'](\d+)["']/.exec(m[1]!)?.[1]);
        // (a hidden range to the sheet's last column, 16384, is the unused columns: only the first hundred matter)
        for (let c = min; c <= Math.min(max, min + 100); c++) notes.hiddenColumns.add(c);
      }
    }
    return text.replace(TAGS, (whole: string, rowAttrs: string | undefined, rowClose: string, cellAttrs: string | undefined, body: string | undefined) => {
      if (rowAttrs !== undefined) {
        const r = /\br\s*=\s*["'](\d+)["']/.exec(rowAttrs);
        row = r ? Number(r[1]) : row + 1;
        column = 0;
        if (notes.hiddenRows && HIDDEN.test(rowAttrs)) notes.hiddenRows.add(row);
        return r ? whole : `<row r="${row}"${rowAttrs}${rowClose}>`;
      }
      let attrs = cellAttrs!;
      const ref = /\br\s*=\s*["']([A-Za-z]+)(\d*)["']/.exec(attrs);
      column = ref ? letterIndex(ref[1]!) + 1 : column + 1;
      if (!ref) attrs = ` r="${columnLetter(column - 1)}${row}"${attrs}`;
      if (/\bt\s*=\s*["']d["']/.test(attrs)) attrs = attrs.replace(/\bt\s*=\s*["']d["']/, 't="str"');
      if (body === undefined) return ref && attrs === cellAttrs ? whole : `<c${attrs}/>`;
      let inner = body;
      if (inner.includes('<f')) {
        inner = inner.replace(FORMULA, '');
        // (openpyxl writes an empty <v></v>, which exceljs would read as NaN)
        if (/^\s*(?:<v\s*\/>|<v>\s*<\/v>)?\s*$/.test(inner)) {
          inner = '';
          const letter = columnLetter(column - 1);
          notes.uncalculated.set(letter, (notes.uncalculated.get(letter) ?? 0) + 1);
        }
      }
      if (inner.includes('<rPh') || inner.includes('<phoneticPr')) inner = inner.replace(PHONETIC, '');
      return inner === body && attrs === cellAttrs ? whole : `<c${attrs}>${inner}</c>`;
    });
  };
  return rewriting(input, /<c[\s>/]/g, '</c>', apply);
}
