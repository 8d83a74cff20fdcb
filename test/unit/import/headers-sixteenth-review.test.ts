import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

// The sixteenth trial's rules tried on wordings its files did not have.
describe('an unaccented "Resume" in a file that names no title', () => {
  it('is the summary where the other headers are French (an export that dropped the accents)', () => {
    expect(mapped(['Nom', 'Prenom', 'Email', 'Telephone', 'Resume']).description).toEqual(['Resume']);
    expect(mapped(['Nom', 'Email', 'Structure', 'Resume']).description).toEqual(['Resume']);
    expect(mapped(['Nom de la structure', 'Adresse e-mail', 'RESUME']).description).toEqual(['RESUME']);
  });

  it("is still the person's CV where the file is English", () => {
    expect(mapped(['Name', 'Email', 'Company', 'Resume'])).not.toHaveProperty('description');
    expect(mapped(['Name', 'Email', 'College', 'Resume', 'Graduation Year'])).not.toHaveProperty('description');
  });
});
