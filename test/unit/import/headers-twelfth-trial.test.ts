import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

// Headers from a twelfth trial on unseen exports (a school's web survey about a games console).
describe("a review's rating beside its opinion", () => {
  it('"Avis" then "Note", "Rating" beside "Review": the respondent rates something, no score of the application', () => {
    expect(mapped(['Nom', 'Prénom', "Groupe d'âge", 'Sexe', 'Temps', 'Avis', 'Note'])).not.toHaveProperty('score');
    expect(mapped(['Name', 'Email', 'Rating', 'Review'])).not.toHaveProperty('score');
    expect(mapped(['Nombre', 'Correo', 'Opinión', 'Calificación'])).not.toHaveProperty('score');
  });

  it("a jury's mark stays the score: alone, beside a comment, or named with its jury", () => {
    expect(mapped(['Organisation', 'Courriel', 'Note']).score).toEqual(['Note']);
    expect(mapped(['Projet', 'Courriel', 'Note', 'Commentaire']).score).toEqual(['Note']);
    expect(mapped(['Projet', 'Courriel', 'Avis du jury', 'Note du jury']).score).toEqual(['Note du jury']);
    expect(mapped(['Organisation', 'Email', 'Review', 'Score']).score).toEqual(['Score']);
  });
});
