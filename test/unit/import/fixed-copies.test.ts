import { describe, expect, it } from 'vitest';
import { isFixedCopy } from '../../../src/import/rejects.js';

describe('isFixedCopy', () => {
  const rejected = ['2020-03-02 10:00', 'Atelier Vert', '', 'Senegal', 'Jardins urbains'];
  it('is a rejected row with one or two cells corrected and the rest the same', () => {
    expect(isFixedCopy(rejected, ['2020-03-02 10:00', 'Atelier Vert', 'awa@example.org', 'Senegal', 'Jardins urbains'])).toBe(true);
    expect(isFixedCopy(rejected, ['2020-03-02 10:00', 'Atelier Vert (AV)', 'awa@example.org', 'Senegal', 'Jardins urbains'])).toBe(true);
    // the same row accepted as it was (a --map made it readable)
    expect(isFixedCopy(rejected, [...rejected])).toBe(true);
  });
  it('is not another applicant\'s row, nor a row of mostly empty cells', () => {
    expect(isFixedCopy(rejected, ['2020-03-09 08:00', 'Centre Dakar', 'awa@example.net', 'Senegal', 'Couture'])).toBe(false);
    expect(isFixedCopy(['', 'X', '', 'Kenya', ''], ['', 'Y', 'y@example.org', 'Kenya', ''])).toBe(false);
    // three cells changed: too many for a fix
    expect(isFixedCopy(rejected, ['2020-03-02 11:00', 'Atelier Bleu', 'b@example.org', 'Senegal', 'Jardins urbains'])).toBe(false);
  });
});
