import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, STORED_MODEL, examplesFingerprint, examplesModel, shippedExamples, textKey, trainExamplesModel } from '../../../src/tagging/examples.js';
import { EXAMPLES_HALF_LIFE, Tagger, applicationTokens, describeEvidence, modelTokens } from '../../../src/tagging/tagger.js';
import { trainModel } from '../../../src/tagging/model.js';
import { categoryCodes } from '../../../src/tagging/taxonomy.js';
import { json, run as skillsnet } from '../support/run.js';

describe('the labelled examples shipped with skillsnet', () => {
  const examples = shippedExamples();

  it('are hand-labelled proposals in the three languages covering every category', async () => {
    expect(examples.length).toBeGreaterThanOrEqual(300);
    for (const lang of ['en', 'fr', 'es']) expect(examples.filter((e) => e.language === lang).length).toBeGreaterThanOrEqual(90);
    for (const code of categoryCodes()) expect(examples.filter((e) => e.categories.includes(code)).length, code).toBeGreaterThanOrEqual(20);
    expect(new Set(examples.map(textKey)).size).toBe(examples.length);
  });

  it('have a stored model that matches them (rerun scripts/train-examples.mjs after editing them)', async () => {
    const stored = JSON.parse(fs.readFileSync(STORED_MODEL, 'utf8'));
    expect(stored.fingerprint, 'data/tagging-examples changed: npm run build && node scripts/train-examples.mjs').toBe(examplesFingerprint());
    const fresh = trainExamplesModel()!;
    expect(stored.documents).toBe(fresh.documents);
    expect(stored.stems).toEqual(fresh.stemsById);
    for (const code of categoryCodes()) {
      const a: number[] = stored.categories[code].weights;
      const b = fresh.categories[code].weights;
      let worst = 0;
      for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
      expect(worst, `${code}: text processing changed; rerun scripts/train-examples.mjs`).toBeLessThan(1e-5);
    }
    expect(examplesModel()!.documents).toBe(examples.length);
  });

  it('match the stored model in a checkout with CRLF line endings too (git autocrlf), so it is not retrained', async () => {
    const crlf = fs.mkdtempSync(path.join(os.tmpdir(), 'skillsnet-crlf-'));
    for (const f of fs.readdirSync(EXAMPLES_DIR)) {
      const text = fs.readFileSync(path.join(EXAMPLES_DIR, f), 'utf8');
      fs.writeFileSync(path.join(crlf, f), f.endsWith('.csv') ? text.replace(/\r?\n/g, '\r\n') : text);
    }
    expect(fs.readFileSync(path.join(crlf, fs.readdirSync(crlf).find((f) => f.endsWith('.csv'))!), 'utf8')).toContain('\r\n');
    expect(examplesFingerprint(crlf)).toBe(examplesFingerprint());
    // a change of content still changes it
    const first = fs.readdirSync(crlf).find((f) => f.endsWith('.csv'))!;
    fs.appendFileSync(path.join(crlf, first), 'x');
    expect(examplesFingerprint(crlf)).not.toBe(examplesFingerprint());
  });

  it('leave out the texts they are asked to, so an evaluated file is never learned from', async () => {
    const some = examples.slice(0, 40);
    const model = examplesModel(new Set(some.map(textKey)))!;
    expect(model.documents).toBe(examples.length - 40);
  });
});

describe('the tagger with the examples model', () => {
  const examples = examplesModel()!;
  const text = { language: 'en', title: 'Fishers learn engine repair by radio', description: 'Crews away at sea follow twenty-minute lessons broadcast at dawn, with a phone-in hour.' };

  it('names the examples model as evidence, apart from the officers\' model', async () => {
    const r = new Tagger({ examples }).tag(text);
    const ev = r.scores.flatMap((s) => s.evidence).filter((e) => e.kind === 'model');
    expect(ev.length).toBeGreaterThan(0);
    expect(ev.every((e) => e.kind === 'model' && e.source === 'examples')).toBe(true);
    const chosen = r.scores.find((s) => s.selected)!;
    const line = chosen.evidence.filter((e) => e.kind === 'model').map(describeEvidence)[0];
    expect(line).toMatch(/^learned from the examples shipped with skillsnet: \d+%/);
  });

  it('counts for less as officers review more', async () => {
    const reviewed = (n: number) => trainModel(
      Array.from({ length: n }, (_, i) => ({ tokens: modelTokens(applicationTokens({ language: 'en', title: `t${i}`, description: i % 2 ? 'radio lessons' : 'apprentices at a workshop' })), categories: [i % 2 ? 'training-delivery' : 'work-based-learning'] })),
      categoryCodes(),
    );
    const alone = new Tagger({ examples }).examplesWeight('training-delivery');
    const after40 = new Tagger({ examples, model: reviewed(40) }).examplesWeight('training-delivery');
    const after400 = new Tagger({ examples, model: reviewed(400) }).examplesWeight('training-delivery');
    expect(alone).toBeGreaterThan(0.5);
    expect(after40).toBeCloseTo(alone * EXAMPLES_HALF_LIFE / (EXAMPLES_HALF_LIFE + 40), 6);
    expect(after400).toBeLessThan(alone / 5);
    expect(new Tagger().examplesWeight('training-delivery')).toBe(0);
  });
});

describe('skillsnet tag evaluate and the shipped examples', () => {
  it('leaves out the shipped examples that are texts of the evaluated file, and --no-examples leaves the model out', async () => {
    const file = path.join(EXAMPLES_DIR, 'dev9.csv');
    const text = await skillsnet(['tag', 'evaluate', file]);
    expect(text.code).toBe(0);
    expect(text.stderr).toMatch(/model of \d+ shipped examples \(45 left out: they are texts of this file\)/);
    const a = json(await skillsnet(['tag', 'evaluate', file, '--json']));
    expect(a.examples).toBe(shippedExamples().length - 45);
    expect(a.examplesLeftOut).toBe(45);
    const b = json(await skillsnet(['tag', 'evaluate', file, '--json', '--no-examples']));
    expect(b.examples).toBe(0);
    expect(b.micro.f1).not.toBe(a.micro.f1);
  });
});
