/**
 * Text normalisation shared by every layer: what an officer or an applicant may vary (case,
 * accents, curly quotes, punctuation, spacing) must not matter when names are compared. The
 * country and language resolvers (geo/) and the organisation identity (db/organizations.ts,
 * import/organizations.ts) compare through it; it lives in the base layer so the database
 * layer can key organisations by it too.
 */

/**
 * Lower case without accents, nothing else changed: "Café" and "cafe", "José" and "JOSE" are the
 * same (the database's fold() for searches, file names and place names compared as read).
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Lower case, no accents, apostrophes and dots dropped, other punctuation as spaces. */
export function normaliseName(text: string): string {
  return latinName(text) ?? unicodeName(text);
}

/** The definition and the general case: Unicode decomposition, accents dropped (normaliseName is this, faster for Latin text). */
export function unicodeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßœæ]/g, (c) => ({ ß: 'ss', œ: 'oe', æ: 'ae' })[c] ?? c)
    .replace(/&/g, ' and ')
    // "d'Ivoire", "U.S.A.", "St. Lucia": the mark joins, it does not separate words
    .replace(/['\u2018\u2019\u02bc\u00b4`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Highest character the fast path knows (Latin-1 and Latin Extended-A and -B). */
const LATIN_END = 0x250;

/**
 * What unicodeName makes of each character up to LATIN_END, taken alone: its letters, '' (a mark
 * that joins: an apostrophe, a dot), ' ' (a separator) or null (it needs the general case).
 */
const LATIN: (string | null)[] = (() => {
  const table: (string | null)[] = [];
  for (let code = 0; code < LATIN_END; code++) {
    const ch = String.fromCharCode(code);
    if (ch === '&') {
      table.push(null);
      continue;
    }
    const alone = unicodeName(`a${ch}a`);
    if (alone === 'a a') table.push(' ');
    else if (/^a[\p{L}\p{N}]*a$/u.test(alone)) table.push(alone.slice(1, -1));
    else table.push(null);
  }
  return table;
})();

/** The same result as unicodeName for text in Latin scripts, in one pass; undefined when it cannot tell. */
function latinName(text: string): string | undefined {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 38) {
      // "&" is the word "and"
      pendingSpace = out !== '';
      out += pendingSpace ? ' and' : 'and';
      pendingSpace = true;
      continue;
    }
    const r = code < LATIN_END ? LATIN[code] : null;
    if (r === null || r === undefined) return undefined;
    if (r === '') continue;
    if (r === ' ') {
      pendingSpace = out !== '';
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += r;
  }
  return out;
}

/**
 * A word to paste into the shell command a message suggests: as it is when it is plain, else
 * quoted — in double quotes, which POSIX shells, PowerShell and Windows' cmd all read, or in
 * single quotes when the text holds what double quotes would still expand or end ($ ` " ! and a
 * backslash before one of them).
 */
export function shellArg(text: string): string {
  if (/^[\w@%+=:,./-]+$/.test(text)) return text;
  // (a backslash stays itself in double quotes unless a quote, $, ` or another backslash follows
  // it, or it ends the word: a Windows path "C:\Users\Ana\My files" stays in double quotes, which cmd reads)
  if (!/["$`!]|\\(?=["$`\\]|$)/.test(text)) return `"${text}"`;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * HTML character references as the characters they stand for: "&amp;", "&nbsp;", "&#39;",
 * "&#x2019;", and the accented letters of French and Spanish text pasted from a web form or a
 * rich-text editor ("formaci&oacute;n", "comp&eacute;tences", "&Ntilde;", "&ccedil;"). Unknown
 * names are left as written.
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return namedEntity(name) ?? m;
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'], ['nbsp', ' '], ['quot', '"'], ['apos', "'"], ['lt', '<'], ['gt', '>'], ['rsquo', '’'], ['lsquo', '‘'], ['rdquo', '”'],
  ['ldquo', '“'], ['laquo', '«'], ['raquo', '»'], ['ndash', '–'], ['mdash', '—'], ['hellip', '…'], ['bull', '•'], ['middot', '·'],
  ['euro', '€'], ['iexcl', '¡'], ['iquest', '¿'], ['ordf', 'ª'], ['ordm', 'º'], ['deg', '°'], ['szlig', 'ß'], ['shy', ''],
  ['aelig', 'æ'], ['AElig', 'Æ'], ['oelig', 'œ'], ['OElig', 'Œ'],
]);
// A letter and a mark: "eacute", "Ntilde", "ccedil", "uuml" (the accented letters of Latin scripts).
const MARKS: ReadonlyMap<string, string> = new Map([['acute', '\u0301'], ['grave', '\u0300'], ['circ', '\u0302'], ['uml', '\u0308'], ['tilde', '\u0303'], ['cedil', '\u0327'], ['ring', '\u030a']]);

function namedEntity(name: string): string | undefined {
  const known = NAMED_ENTITIES.get(name) ?? NAMED_ENTITIES.get(name.toLowerCase());
  if (known !== undefined) return known;
  const mark = MARKS.get(name.slice(1));
  return mark && /^[a-z]$/i.test(name[0]) ? (name[0] + mark).normalize('NFC') : undefined;
}

/**
 * A meeting's end on its own clock, for "14:00–16:00": the time, and "the next day" (or "2 days
 * later") when the end falls on a later date of that zone: a meeting of the evening into the night
 * read "19:00–04:00", as if it ended before it began.
 */
export function endClockText(start: Date, end: Date, zone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(end);
  const dateOf = (d: Date) => Date.parse(`${new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d)}T00:00:00Z`);
  const days = Math.round((dateOf(end) - dateOf(start)) / 86_400_000);
  return days <= 0 ? time : days === 1 ? `${time} the next day` : `${time} ${days} days later`;
}
