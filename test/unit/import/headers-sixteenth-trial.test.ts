import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';

// The sixteenth trial's second form (Dakar): "Résumé de l'innovation" was the description only at
// low confidence, so on a terminal the import stopped to ask about it, where "Résumé du projet"
// and "Description de l'innovation" were read at once.
describe("a summary of the innovation, the proposal, the initiative or the solution", () => {
  it('is the description, as sure as a summary of the project', () => {
    for (const h of [
      "Résumé de l'innovation", 'Résumé de la proposition', "Résumé de l'initiative", 'Résumé de la solution', "Résumé de l'idée",
      'Resumen de la innovación', 'Resumen de la propuesta', 'Resumen de la iniciativa', 'Resumen de la solución',
      'Innovation summary', 'Summary of the innovation', 'Proposal summary', 'Initiative summary', 'Solution summary',
    ]) {
      const { mapping, evidence } = matchHeaders(['Organisation', 'Courriel', h]);
      expect(mapping.description, h).toEqual([2]);
      expect(evidence.description?.confidence, h).toBe('high');
    }
  });
});

// Reviewing the trial: a summary's two words beat a bare "Description" beside it, so the short
// summary was all the tagging read, and which of "Résumé du projet" and "Description du projet"
// won depended on which came first.
describe('a summary beside a description column', () => {
  it('is left for the description, in either order; alone it is still the description, at once', () => {
    for (const [summary, description] of [
      ["Résumé de l'innovation", 'Description'], ['Résumé du projet', 'Description du projet'], ['Project summary', 'Project description'],
      ['Resumen de la propuesta', 'Descripción'], ['Executive summary', 'Description'], ['Abstract', 'Description of the innovation'],
    ]) {
      for (const headers of [['Organisation', 'Courriel', summary!, description!], ['Organisation', 'Courriel', description!, summary!]]) {
        const { mapping, evidence } = matchHeaders(headers);
        expect(mapping.description, headers.join(' | ')).toEqual([headers.indexOf(description!)]);
        expect(evidence.description?.confidence, headers.join(' | ')).toBe('high');
      }
      expect(matchHeaders(['Organisation', 'Courriel', summary!]).mapping.description, summary).toEqual([2]);
    }
  });
});

// Reviewing the trial: an English hiring form writes "Résumé" with its accents too, and its CV
// (links to PDFs) was the description beside the cover letter; the accent makes it French's
// summary only among French, Spanish or Portuguese headers.
describe('an accented Résumé', () => {
  const description = (headers: string[]) => matchHeaders(headers).mapping.description?.map((i) => headers[i]);
  it("is an English hiring form's CV beside a cover letter, a French form's summary beside French headers", () => {
    expect(description(['Full name', 'Email', 'Position applied for', 'Résumé', 'Cover letter'])).toEqual(['Cover letter']);
    expect(description(['Full name', 'Email', 'Position applied for', 'Résumé'])).toBeUndefined();
    expect(description(['Nom', 'Courriel', 'Pays', 'Résumé', 'Cover letter'])).toEqual(['Résumé']);
    expect(description(['Nom', 'Courriel', 'Résumé'])).toEqual(['Résumé']);
  });
});
