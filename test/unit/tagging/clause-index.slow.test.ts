import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTOR_INDEX, BREAK, CLAUSE_PATTERNS, TEXT_LANGUAGES, actorFits, compiledPatterns, deniedWords, firstMatch, foldAccents, pastWords, servedWords, words,
  type PatternList,
} from '../../../src/tagging/text.js';

/**
 * The clause rules' machinery (tagspeed) against its plain reading, on generated texts: the
 * index by first word finds what trying every pattern at every word finds, the actor index tries
 * every pattern that can start at a word in the list's order, and the folded words the passes
 * keep read as foldAccents reads them. Texts splice the patterns' own words with accents, case,
 * decomposed accents, apostrophes of both kinds, numbers and punctuation. TAG_RUNS scales the runs.
 */
const RUNS = Number(process.env.TAG_RUNS ?? 1);

/** A list tried without its index: every pattern at every word. */
const everywhere = (list: PatternList): PatternList => ({ steps: list.steps, byFirstWord: new Map(), anywhere: list.steps });

const ruleWords = [
  ...Object.values(CLAUSE_PATTERNS).flatMap((lists) => TEXT_LANGUAGES.flatMap((l) => lists[l].steps.flat())).flatMap((s) => [...s.fits.words, ...s.condition.words]),
  ...TEXT_LANGUAGES.flatMap((l) => ACTOR_INDEX.steps[l].flat()).flatMap((s) => [...s.words]),
].filter((w) => /^[a-z]+$/.test(w));
const endings = [
  ...Object.values(CLAUSE_PATTERNS).flatMap((lists) => TEXT_LANGUAGES.flatMap((l) => lists[l].steps.flat())).flatMap((s) => s.fits.endings),
  ...TEXT_LANGUAGES.flatMap((l) => ACTOR_INDEX.steps[l].flat()).flatMap((s) => s.endings),
];
const others = ['the', 'our', 'la', 'los', 'que', 'who', 'young', 'people', 'jovenes', 'formation', 'taller', 'and', 'now', 'y', 'ahora', 'et', 'maintenant', 'it', 'le', 'lo', 'if', 'si'];
const ACCENTS: Record<string, string> = { a: 'àáâ', e: 'éèê', i: 'íî', o: 'óô', u: 'úü', n: 'ñ', c: 'ç' };

const accented = (w: string, at: number, pick: number) => {
  const choices = ACCENTS[w[at]];
  return choices ? w.slice(0, at) + choices[pick % choices.length] + w.slice(at + 1) : w;
};
const word = fc.oneof(
  fc.constantFrom(...ruleWords),
  fc.constantFrom(...ruleWords).chain((w) => fc.tuple(fc.nat(w.length - 1), fc.nat(5)).map(([at, pick]) => accented(w, at, pick))),
  fc.tuple(fc.constantFrom('', 'a', 'trabaj', 'form', 'organiz', 'é'), fc.constantFrom(...endings)).map(([stem, ending]) => stem + ending),
  fc.constantFrom(...others),
  fc.integer({ min: 0, max: 3000 }).map(String),
  fc.constantFrom('Déjà', 'arrêté', 'terminée', 'aún', 'ñ', 'ı', 'straße', 'ﬁn', 'nº', 'n°'),
);
const cased = fc.tuple(word, fc.constantFrom('lower', 'upper', 'title', 'nfd')).map(([w, c]) =>
  c === 'upper' ? w.toUpperCase() : c === 'title' ? w.charAt(0).toUpperCase() + w.slice(1) : c === 'nfd' ? w.normalize('NFD') : w);
const separator = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '; ', "'", '’', '-', '\u00a0', '\n', ' (', ') ', ': ', '? ');
const text = fc.array(fc.tuple(cased, separator), { maxLength: 40 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

/** The clauses of words(): [start, end) between breaks, and the whole text. */
function clauses(ws: string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [[0, ws.length]];
  let start = 0;
  for (let i = 0; i <= ws.length; i++) {
    if (i < ws.length && ws[i] !== BREAK) continue;
    if (i > start) out.push([start, i]);
    start = i + 1;
  }
  return out;
}

describe('the clause rules read generated texts as their plain reading does (tagspeed)', () => {
  it('finds with the index what every pattern tried at every word finds, and keeps words folded as foldAccents folds them', () => {
    fc.assert(fc.property(text, (t) => {
      const ws = words(t);
      const fw = ws.map(foldAccents);
      for (const lang of TEXT_LANGUAGES) {
        for (const list of [CLAUSE_PATTERNS.past[lang], CLAUSE_PATTERNS.exists[lang], CLAUSE_PATTERNS.aside[lang], CLAUSE_PATTERNS.outside[lang]]) {
          for (const [start, end] of clauses(ws)) expect(firstMatch(ws, fw, start, end, list)).toEqual(firstMatch(ws, fw, start, end, everywhere(list)));
        }
        expect(deniedWords(ws, lang)).toEqual(deniedWords(ws, lang, fw));
        expect(pastWords(ws, lang)).toEqual(pastWords(ws, lang, fw));
        expect(servedWords(ws, lang)).toEqual(servedWords(ws, lang, fw));
      }
    }), { numRuns: 1000 * RUNS });
  });

  it('tries at a word, in the list\'s order, every actor pattern that can start there (where one starts with that very word)', () => {
    fc.assert(fc.property(fc.array(cased, { maxLength: 20 }), (ws) => {
      for (const w of ws.flatMap((x) => words(x)).map(foldAccents)) for (const lang of TEXT_LANGUAGES) {
        const all = ACTOR_INDEX.steps[lang];
        const tried = (ACTOR_INDEX.byStart[lang].get(w) ?? []).filter((p) => actorFits(p[0], w));
        const named = all.some((p) => p[0].words.has(w));
        expect(tried).toEqual(named ? all.filter((p) => actorFits(p[0], w)) : []);
      }
    }), { numRuns: 1000 * RUNS });
  });

  it('indexes any list of patterns, whatever kind of step comes first, as trying each at every word would', () => {
    const alternative = fc.oneof(fc.constantFrom('a', 'b', 'ab', 'ed', 'ended', 'ne'), fc.constant('#'), fc.constantFrom('*', '*d', '*ed', '*e'));
    const alternatives = fc.array(alternative, { minLength: 1, maxLength: 3 }).map((a) => a.join('|'));
    const step = fc.oneof(alternatives, alternatives.map((a) => `<!${a}`), alternatives.map((a) => `!${a}`), fc.constant('~'));
    // a pattern does not end with '~' (it needs a word after it)
    const pattern = fc.array(step, { minLength: 1, maxLength: 4 }).map((p) => (p[p.length - 1] === '~' ? [...p, 'a'] : p));
    const sample = fc.array(fc.constantFrom('a', 'b', 'ab', 'ed', 'red', 'ended', 'é', 'né', 'ne', '1', '12', 'x1', BREAK), { maxLength: 9 });
    fc.assert(fc.property(fc.array(pattern, { minLength: 1, maxLength: 4 }), sample, fc.nat(2), (patterns, ws, start) => {
      const list = compiledPatterns({ en: patterns, fr: [], es: [] }).en;
      const fw = ws.map(foldAccents);
      const from = Math.min(start, ws.length);
      expect(firstMatch(ws, fw, from, ws.length, list)).toEqual(firstMatch(ws, fw, from, ws.length, everywhere(list)));
    }), { numRuns: 3000 * RUNS });
  });
});
