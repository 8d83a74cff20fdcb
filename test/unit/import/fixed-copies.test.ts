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
  it('keeps a naming cell (organisation, email, title...) the same: an abandoned row is nobody\'s fixed copy', () => {
    // Organisation, Email, Country, Organisation type, Target group, Consent: a row with neither name nor email
    const abandoned = ['', '', 'Kenya', 'NGO', 'Youth', 'Yes'];
    const another = ['Beta Skills', 'b@beta.org', 'Kenya', 'NGO', 'Youth', 'Yes'];
    expect(isFixedCopy(abandoned, another, [0, 1])).toBe(false);
    // the organisation kept, the email typed in: a fix
    expect(isFixedCopy(['Alpha Trust', '', 'Kenya', 'NGO', 'Youth', 'Yes'], ['Alpha Trust', 'a@alpha.org', 'Kenya', 'NGO', 'Youth', 'Yes'], [0, 1])).toBe(true);
  });
});
