/**
 * normaliseName in one pass for Latin text gives exactly what the Unicode steps (unicodeName, the
 * definition) give.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../../src/geo/normalise.js';
import { unicodeName } from '../../../src/text.js';

describe('normaliseName', () => {
  it('is the Unicode definition, for any text', () => {
    const ch = fc.oneof(
      fc.constantFrom('a', 'Z', '9', ' ', '  ', '&', "'", '’', '.', ',', '-', '/', 'é', 'Ñ', 'ß', 'Œ', 'æ', 'ª', 'µ', 'Ŀ', '\u00a0', 'e\u0301', 'ﬁ', 'Ø', 'ı', 'İ', '\t', '´', '`'),
      fc.string({ unit: 'grapheme', maxLength: 2 }),
      fc.integer({ min: 0, max: 0x24f }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(fc.property(fc.array(ch, { maxLength: 20 }), (parts) => {
      const text = parts.join('');
      expect(normaliseName(text)).toBe(unicodeName(text));
    }), { numRuns: 5000 });
  });

  it('folds the usual cases', () => {
    expect(normaliseName("Côte d'Ivoire")).toBe('cote divoire');
    expect(normaliseName('Trinidad & Tobago')).toBe('trinidad and tobago');
    expect(normaliseName('  ACME   Foundation ')).toBe('acme foundation');
    expect(normaliseName('Straße')).toBe('strasse');
  });
});
