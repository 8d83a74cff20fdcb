import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, parseCategoryCell, readLabelledCsv, scoreSets } from '../../../src/tagging/evaluate.js';
import { Tagger } from '../../../src/tagging/tagger.js';
import { tempDir } from '../support/run.js';

describe('scores', () => {
  it('computes per-category, micro and macro precision, recall and F1', () => {
    const gold = [['a'], ['a', 'b'], ['b'], ['c']];
    const predicted = [['a'], ['a'], ['b', 'c'], []];
    const s = scoreSets(gold, predicted, ['a', 'b', 'c']);
    expect(s.perCategory.a).toMatchObject({ precision: 1, recall: 1, f1: 1, support: 2, predicted: 2 });
    expect(s.perCategory.b).toMatchObject({ precision: 1, recall: 0.5, support: 2, predicted: 1 });
    expect(s.perCategory.b.f1).toBeCloseTo(0.6667, 4);
    expect(s.perCategory.c).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 1, predicted: 1 });
    // micro: tp 3, fp 1, fn 2
    expect(s.micro).toEqual({ precision: 0.75, recall: 0.6, f1: 0.6667 });
    expect(s.macro.f1).toBeCloseTo((1 + 0.6667 + 0) / 3, 3);
    expect(s.exactMatch).toBe(0.25);
  });

  it('leaves categories that never occur out of the macro average', () => {
    const s = scoreSets([['a']], [['a']], ['a', 'b']);
    expect(s.macro).toEqual({ precision: 1, recall: 1, f1: 1 });
  });
});

describe('labelled CSV', () => {
  it('reads codes and names, and rejects unknown codes with a suggestion', () => {
    expect(parseCategoryCell('training-delivery|Life skills', 'x').sort()).toEqual(['life-skills', 'training-delivery']);
    expect(() => parseCategoryCell('training-delivry', 'gold.csv row 3')).toThrow(/gold.csv row 3: unknown category "training-delivry"; did you mean "training-delivery"\?/);
  });

  it('evaluates a small set end to end, writing nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'small.csv');
    fs.writeFileSync(file, '\ufefftitle,description,language,categories\n' +
      '"Apprenticeships in garages","Apprentices learn on the job with master craftsmen.",en,work-based-learning\n' +
      '"Emprendedoras","Emprendimiento y planes de negocio para mujeres rurales.",Español,entrepreneurship|social-inclusion\n');
    const texts = await readLabelledCsv(file);
    expect(texts[1].language).toBe('es');
    const result = evaluate(texts, new Tagger(), { errors: true });
    expect(result.documents).toBe(2);
    expect(result.micro.f1).toBe(1);
    expect(result.errors).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual(['small.csv']);
  });

  it('says which column is missing', async () => {
    const file = path.join(tempDir(), 'bad.csv');
    fs.writeFileSync(file, 'title,text\nA,B\n');
    await expect(readLabelledCsv(file)).rejects.toThrow(/has no description or categories column/);
  });
});
