/**
 * Text wrapped to a terminal's width at word boundaries, for what a person reads there (tag review,
 * show, tables too narrow for their columns; a pipe gets text as it is): `indent` on the first
 * line of each paragraph, `rest` on the others. A word longer than the width keeps its line,
 * unless it is written in wide characters (Chinese, Japanese, Korean), which may break between
 * any two of them. Widths are the columns a terminal gives the text: a Chinese character or an
 * emoji takes two, an accent written apart none (counted as one each, a line of Chinese ran to
 * twice the width, and the terminal cut the words after it mid-word).
 */
export function wrap(text: string, width: number, indent = '  ', rest = indent): string {
  const out: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    let line = '';
    let lead = indent;
    for (const whole of paragraph.split(/\s+/).filter(Boolean)) {
      for (const word of breakWide(whole, Math.max(1, width - Math.max(indent.length, rest.length)))) {
        if (line && displayWidth(lead + line) + 1 + displayWidth(word) > width) {
          out.push(lead + line);
          lead = rest;
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
    }
    if (line) out.push(lead + line);
  }
  return out.join('\n');
}

/** A word of wide characters wider than `width`, in pieces that fit; any other word whole. */
function breakWide(word: string, width: number): string[] {
  if (displayWidth(word) <= width || !graphemes(word).some((g) => displayWidth(g) === 2)) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const g of graphemes(word)) {
    if (piece && displayWidth(piece + g) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += g;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemes = (s: string) => [...segmenter.segment(s)].map((g) => g.segment);

/** East Asian wide and full-width characters (Unicode's East_Asian_Width W and F, by block). */
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1b000, 0x1b2ff],
  [0x1f200, 0x1f2ff], [0x20000, 0x3fffd],
];
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\ufe00-\ufe0f]/u;
const EMOJI = /\p{Emoji_Presentation}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
/**
 * A grapheme that is one emoji however many code points it holds: joined by a zero-width joiner
 * (👩‍💻, 👨‍👩‍👧), with a skin tone (👍🏽), a flag's two regional letters (🇬🇭), a keycap (1️⃣).
 * A terminal shows it in two columns (string-width, cli-table3's measure, counts them so too); counted
 * code point by code point they were 6, 4, 4 and 1.
 */
const SEQUENCE_PART = /[\u200d\u20e3\p{Emoji_Modifier}\p{Regional_Indicator}]/u;
/**
 * The graphemes such a sequence may be, found without segmenting the text (Intl.Segmenter made a
 * column of them twice as slow to measure): a pictograph with what a grapheme joins to it (marks, a
 * skin tone, a joiner and the pictograph after it), two regional letters, a keycap; each is then
 * two columns if it is a sequence (EMOJI_SEQUENCE), as segmented it was.
 */
const EXTEND = '[\\p{Grapheme_Extend}\\p{Emoji_Modifier}]';
const JOINED = '[\\p{Grapheme_Extend}\\p{Emoji_Modifier}\\p{Mc}\\u200d]';
// (a joiner joins the next pictograph only right after a pictograph and its marks: Unicode's GB11)
const SEQUENCE_GRAPHEME = new RegExp(`\\p{Extended_Pictographic}${EXTEND}*(?:\\u200d\\p{Extended_Pictographic}${EXTEND}*)*${JOINED}*|\\p{Regional_Indicator}{2}${JOINED}*|[#*0-9]${JOINED}*`, 'gu');
const EMOJI_SEQUENCE = /\p{Extended_Pictographic}.*(?:\u200d|\p{Emoji_Modifier})|^\p{Regional_Indicator}{2}$|^[#*0-9]\ufe0f?\u20e3$/u;

/**
 * The columns a terminal gives `text` (one line, no colour codes), grapheme by grapheme: an emoji
 * sequence two; otherwise each code point's, a wide or full-width character (CJK, an emoji shown
 * as one) two, a mark written over another letter (a Latin accent, a Devanagari vowel sign or
 * virama, an Arabic vowel), a joiner or a variation selector none, anything else one. string-width
 * 4 (cli-table3's) counts the marks outside Latin's block, the zero-width joiner and space, and a
 * symbol shown as text (❤ without its selector) wrong: tables are aligned by this one (table.ts).
 */
export function displayWidth(text: string): number {
  // (Latin, Greek, Cyrillic, Arabic… without marks written apart: one column a character; this
  // is every cell of most tables, measured by the thousand)
  if (/^[\x20-\x7e\u00a0-\u02ff\u0370-\u0482\u048a-\u058f]*$/.test(text)) return text.length;
  // (graphemes only where a sequence may be: segmenting every cell of a table of Hindi took a third longer)
  if (!SEQUENCE_PART.test(text)) return codePointsWidth(text);
  let width = 0;
  let from = 0;
  for (const m of text.matchAll(SEQUENCE_GRAPHEME)) {
    const g = m[0];
    width += codePointsWidth(text.slice(from, m.index)) + (g.length > 1 && EMOJI_SEQUENCE.test(g) ? 2 : codePointsWidth(g));
    from = m.index! + g.length;
  }
  return width + codePointsWidth(text.slice(from));
}

function codePointsWidth(text: string): number {
  let width = 0;
  const points = [...text];
  points.forEach((ch, i) => {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || ZERO_WIDTH.test(ch)) return;
    const wide = WIDE.some(([a, b]) => cp >= a && cp <= b) || EMOJI.test(ch) || (points[i + 1] === '\ufe0f' && PICTOGRAPH.test(ch));
    width += wide ? 2 : 1;
  });
  return width;
}
