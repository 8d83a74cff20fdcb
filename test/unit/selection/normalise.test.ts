import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { combineScores, normaliseScores, type ReviewerScore } from '../../../src/selection/normalise.js';
import { inferScale, parseScale } from '../../../src/cli/scores.js';
import { matchScoreHeaders, parseScoreCell } from '../../../src/selection/score-file.js';

const s = (applicationId: number, reviewer: string, score: number, scaleMin = 0, scaleMax = 10): ReviewerScore => ({ applicationId, reviewer, score, scaleMin, scaleMax });

describe('reviewer normalisation', () => {
  it('makes a harsh and a lenient reviewer weigh alike', () => {
    // Same order of the three applications; the harsh reviewer is 4 points lower throughout.
    const combined = combineScores([s(1, 'harsh', 2), s(2, 'harsh', 3), s(3, 'harsh', 4), s(1, 'lenient', 6), s(2, 'lenient', 7), s(3, 'lenient', 8)]);
    // Application 4 scored only by the harsh reviewer at their best would otherwise look weak.
    expect(combined.get(1)!.combined).toBeLessThan(combined.get(2)!.combined);
    expect(combined.get(2)!.combined).toBeLessThan(combined.get(3)!.combined);
    const z = normaliseScores([s(1, 'harsh', 2), s(2, 'harsh', 3), s(3, 'harsh', 4), s(1, 'lenient', 6), s(2, 'lenient', 7), s(3, 'lenient', 8)]);
    expect(z[0].z).toBeCloseTo(z[3].z, 10);
    expect(z[2].z).toBeCloseTo(z[5].z, 10);
  });

  it('an application a harsh reviewer ranks first beats one a lenient reviewer ranks last', () => {
    const combined = combineScores([
      s(1, 'harsh', 5), s(2, 'harsh', 2), s(3, 'harsh', 3),
      s(4, 'lenient', 7), s(5, 'lenient', 9), s(6, 'lenient', 10),
    ]);
    expect(combined.get(1)!.combined).toBeGreaterThan(combined.get(4)!.combined);
  });

  it('puts different scales on one (a 1-5 file and a 0-100 file saying the same thing agree)', () => {
    const a = combineScores([s(1, 'A', 2, 1, 5), s(2, 'A', 3, 1, 5), s(3, 'A', 5, 1, 5)]);
    const b = combineScores([s(1, 'B', 25, 0, 100), s(2, 'B', 50, 0, 100), s(3, 'B', 100, 0, 100)]);
    for (const id of [1, 2, 3]) expect(a.get(id)!.combined).toBeCloseTo(b.get(id)!.combined, 3);
  });

  it('keeps each reviewer order and stays within reach of the 0-10 scale (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })), { minLength: 3, maxLength: 12 }), (pairs) => {
        // One reviewer: the combined order must be the reviewer's order.
        const scores = pairs.map(([x], i) => s(i + 1, 'only', x));
        const combined = combineScores(scores);
        for (let i = 0; i < scores.length; i++) {
          for (let j = 0; j < scores.length; j++) {
            if (scores[i].score < scores[j].score) expect(combined.get(i + 1)!.combined).toBeLessThan(combined.get(j + 1)!.combined);
          }
        }
        for (const c of combined.values()) expect(Number.isFinite(c.combined)).toBe(true);
      }),
    );
  });

  it('a reviewer who gives everyone the same score leaves the others to decide', () => {
    const combined = combineScores([s(1, 'flat', 7), s(2, 'flat', 7), s(3, 'flat', 7), s(1, 'B', 4), s(2, 'B', 9), s(3, 'B', 6)]);
    expect(combined.get(2)!.combined).toBeGreaterThan(combined.get(3)!.combined);
    expect(combined.get(3)!.combined).toBeGreaterThan(combined.get(1)!.combined);
  });
});

describe('score sheets', () => {
  it('recognises headers in English, French and Spanish', () => {
    expect(matchScoreHeaders(['Application ID', 'Reviewer', 'Score'])).toEqual({ application: 0, reviewer: 1, score: 2 });
    expect(matchScoreHeaders(['Courriel', 'Évaluateur', 'Note (sur 20)'])).toEqual({ email: 0, reviewer: 1, score: 2 });
    expect(matchScoreHeaders(['N° de solicitud', 'Evaluadora', 'Puntuación'])).toEqual({ application: 0, reviewer: 1, score: 2 });
    expect(matchScoreHeaders(['Name', 'Comments'])).toEqual({});
  });
  it('reads decimal commas and x/N', () => {
    expect(parseScoreCell('7,5')).toEqual({ score: 7.5 });
    expect(parseScoreCell(' 8 / 10 ')).toEqual({ score: 8, outOf: 10 });
    expect(parseScoreCell('good')).toBeNull();
  });
  it('infers the usual scales and parses --scale', () => {
    expect(inferScale([1, 3, 5], [])).toEqual({ min: 1, max: 5 });
    expect(inferScale([0, 7.5], [])).toEqual({ min: 0, max: 10 });
    expect(inferScale([12, 17], [])).toEqual({ min: 0, max: 20 });
    expect(inferScale([35, 80], [])).toEqual({ min: 0, max: 100 });
    expect(parseScale('1-5')).toEqual({ min: 1, max: 5 });
    expect(parseScale('0..100')).toEqual({ min: 0, max: 100 });
    expect(() => parseScale('5-1')).toThrow(/MIN below MAX/);
  });
  it('infers the scale of a sheet of hundreds of thousands of scores (no spread onto the call stack)', () => {
    // Math.max(...scores) overflowed the stack: scores import of a 400,000-row sheet ended in
    // "Maximum call stack size exceeded, this is unexpected".
    const scores = Array.from({ length: 400_000 }, (_, i) => 1 + (i % 9));
    expect(inferScale(scores, [])).toEqual({ min: 0, max: 10 });
    expect(inferScale(scores, scores.map(() => 20))).toEqual({ min: 0, max: 20 });
  });
});

describe('score sheet headers the applications file uses', () => {
  it('names the application ID and the email as the import does', () => {
    expect(matchScoreHeaders(['N° de dossier', 'Évaluateur', 'Note /10'])).toEqual({ application: 0, reviewer: 1, score: 2 });
    expect(matchScoreHeaders(['Numéro de dossier', 'Jury', 'Note'])).toEqual({ application: 0, reviewer: 1, score: 2 });
    expect(matchScoreHeaders(['Courriel de la personne de contact', 'Note finale'])).toEqual({ email: 0, score: 1 });
    expect(matchScoreHeaders(['Número de expediente', 'Evaluador', 'Puntaje'])).toEqual({ application: 0, reviewer: 1, score: 2 });
    expect(matchScoreHeaders(['Name', 'Comments'])).toEqual({});
  });
});
