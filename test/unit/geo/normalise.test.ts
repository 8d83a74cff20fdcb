/**
 * normaliseName in one pass for Latin text gives exactly what the Unicode steps give.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../../src/geo/normalise.js';

/** The definition: decompose, drop accents, fold, join at apostrophes and dots, split at the rest. */
function reference(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßœæ]/g, (c) => ({ ß: 'ss', œ: 'oe', æ: 'ae' })[c] ?? c)
    .replace(/&/g, ' and ')
    .replace(/['\u2018\u2019\u02bc\u00b4`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

describe('normaliseName', () => {
  it('is the Unicode definition, for any text', () => {
    const ch = fc.oneof(
      fc.constantFrom('a', 'Z', '9', ' ', '  ', '&', "'", '’', '.', ',', '-', '/', 'é', 'Ñ', 'ß', 'Œ', 'æ', 'ª', 'µ', 'Ŀ', '\u00a0', 'e\u0301', 'ﬁ', 'Ø', 'ı', 'İ', '\t', '´', '`'),
      fc.string({ unit: 'grapheme', maxLength: 2 }),
      fc.integer({ min: 0, max: 0x24f }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(fc.property(fc.array(ch, { maxLength: 20 }), (parts) => {
      const text = parts.join('');
      expect(normaliseName(text)).toBe(reference(text));
    }), { numRuns: 5000 });
  });

  it('folds the usual cases', () => {
    expect(normaliseName("Côte d'Ivoire")).toBe('cote divoire');
    expect(normaliseName('Trinidad & Tobago')).toBe('trinidad and tobago');
    expect(normaliseName('  ACME   Foundation ')).toBe('acme foundation');
    expect(normaliseName('Straße')).toBe('strasse');
  });
});
