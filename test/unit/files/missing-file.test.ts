import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OperationError } from '../../../src/errors.js';
import { openInput, readSmallInput } from '../../../src/files/index.js';

// A first-timer types a name without its accent, or a name with spaces without quotes.
describe('a file name that is not there, when its folder holds the one meant', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sn-missing-'));
    fs.writeFileSync(path.join(dir, 'Respuestas formulario año 2026.csv'), 'Email;Organización\n');
    fs.writeFileSync(path.join(dir, 'cupos.csv'), 'feature,value,min\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function failure(run: () => Promise<unknown>): Promise<OperationError> {
    const e = await run().then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(OperationError);
    return e as OperationError;
  }

  it('"ano" for "año", or another case, or the other Unicode composition: the file meant is named', async () => {
    const typed = path.join(dir, 'Respuestas formulario ano 2026.csv');
    const e = await failure(() => openInput(typed));
    expect(e.message).toBe(`cannot read ${typed}: no such file`);
    expect(e.hint).toBe(`did you mean "${path.join(dir, 'Respuestas formulario año 2026.csv')}"? Type the name exactly as it is, accents and capitals too`);
    const upper = await failure(() => readSmallInput(path.join(dir, 'CUPOS.csv'), { limit: 1000, what: 'the quotas file ' }));
    expect(upper.hint).toContain(`did you mean ${path.join(dir, 'cupos.csv')}?`);
    const decomposed = await failure(() => openInput(path.join(dir, 'Respuestas formulario año 2026.csv'.normalize('NFD'))));
    expect(decomposed.hint).toContain('did you mean');
  });

  it('the first word of a name with spaces: quotes are what is missing', async () => {
    const e = await failure(() => openInput(path.join(dir, 'Respuestas')));
    expect(e.hint).toBe(`a file name with spaces goes between quotes: "${path.join(dir, 'Respuestas formulario año 2026.csv')}"`);
  });

  it('a name in the current folder is suggested as typed, without the folder', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect((await failure(() => openInput('Cupos.csv'))).hint).toContain('did you mean cupos.csv?');
    } finally {
      process.chdir(cwd);
    }
  });

  it('nothing like it in the folder: the usual advice', async () => {
    const e = await failure(() => openInput(path.join(dir, 'solicitudes.csv')));
    expect(e.hint).toBe('check the file name and that you can open it');
  });
});
