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
