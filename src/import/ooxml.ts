/**
 * Workbook XML read by namespace, not by prefix. The part readers (exceljs's) match element
 * names as written: `<row>`, `<c>`, `<si>`. Microsoft Forms writes every element of its .xlsx
 * with a prefix (`<x:row>`, bound to the SpreadsheetML namespace), and strict OOXML (Excel's
 * "Strict Open XML Spreadsheet") uses other namespace URIs; read as they are, such a workbook
 * looked empty. This stream rewrites the element names of the SpreadsheetML namespace to the
 * plain names, the relationship attributes to `r:`, and strict namespace URIs to transitional
 * ones, before the readers see the XML. A part that needs none of it passes through untouched.
 */
import { StringDecoder } from 'node:string_decoder';
import { Transform, type Readable } from 'node:stream';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Strict OOXML URIs and their transitional equivalents. */
const STRICT: [string, string][] = [
  ['http://purl.oclc.org/ooxml/spreadsheetml/main', MAIN],
  ['http://purl.oclc.org/ooxml/officeDocument/relationships', RELS],
];

/** The SpreadsheetML namespace, transitional and strict. */
const NAMESPACES = [MAIN, STRICT[0]![0]];

/** How a part's XML must be rewritten, read from its root element's declarations. */
interface Rewrite {
  /** prefix bound to SpreadsheetML (elements written `<x:row>`), or null */
  main: string | null;
  /** prefix bound to the relationships namespace when it is not `r` */
  rels: string | null;
  /** strict URIs are declared */
  strict: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function rewriteFor(head: string): Rewrite | null {
  let main: string | null = null;
  let rels: string | null = null;
  const strict = STRICT.some(([s]) => head.includes(s));
  for (const m of head.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']+)["']/g)) {
    const [, prefix, uri] = m;
    if (NAMESPACES.includes(uri!)) main = prefix!;
    else if ((uri === RELS || uri === STRICT[1]![0] || uri === PACKAGE_RELS) && prefix !== 'r') rels = prefix!;
  }
  return main || rels || strict ? { main, rels, strict } : null;
}

function apply(text: string, r: Rewrite): string {
  let out = text;
  if (r.main) {
    const p = escape(r.main);
    out = out
      .replace(new RegExp(`<(/?)${p}:`, 'g'), '<$1')
      .replace(new RegExp(`xmlns:${p}\\s*=\\s*(["'])[^"']*\\1`, 'g'), `xmlns="${MAIN}"`);
  }
  if (r.rels) out = out.replace(new RegExp(`(\\s)${escape(r.rels)}:(id|embed|link|pict)=`, 'g'), '$1r:$2=').replace(new RegExp(`xmlns:${escape(r.rels)}=`, 'g'), 'xmlns:r=');
  if (r.strict) for (const [s, t] of STRICT) out = out.split(s).join(t);
  return out;
}

/** How much of a part is looked at for its root element's declarations. */
const HEAD = 4096;

/** The part's XML with its SpreadsheetML prefix, relationship prefix and strict URIs made plain. */
export function plainNamespaces(input: Readable): Readable {
  const decoder = new StringDecoder('utf8');
  let head = '';
  const headBytes: Buffer[] = [];
  let decided = false;
  let rewrite: Rewrite | null = null;
  let carry = '';
  const out = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (decided && !rewrite) return done(null, chunk);
      const text = carry + decoder.write(chunk);
      carry = '';
      if (!decided) {
        head += text;
        headBytes.push(chunk);
        if (head.length < HEAD && !/<[^?!][^>]*>/.test(head.replace(/<\?xml[^>]*>/, ''))) return done();
        decided = true;
        rewrite = rewriteFor(head);
        const all = head;
        head = '';
        // nothing to rewrite: the bytes as they came (a character split across chunks stays whole)
        if (!rewrite) return done(null, Buffer.concat(headBytes));
        return done(null, flush(all));
      }
      done(null, flush(text));
    },
    flush(done) {
      if (!decided) return done(null, headBytes.length ? Buffer.concat(headBytes) : undefined);
      const rest = carry + decoder.end();
      if (!rest || !rewrite) return done();
      done(null, apply(rest, rewrite));
    },
  });
  /** Rewrites the text up to its last complete tag; the rest waits for the next chunk. */
  function flush(text: string): string {
    const lt = text.lastIndexOf('<');
    const cut = lt >= 0 && text.indexOf('>', lt) < 0 ? lt : text.length;
    carry = text.slice(cut);
    return apply(text.slice(0, cut), rewrite!);
  }
  input.on('error', (e) => out.destroy(e));
  return input.pipe(out);
}
