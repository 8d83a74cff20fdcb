import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as skillsnet, tempDir } from '../support/run.js';

// A first-timer imports in the folder of the call, then opens a new terminal (in the home folder)
// and types the next command: ./skillsnet.db is not there.
describe('a command run in another folder than the import', () => {
  function office(): { home: string; call: string } {
    // (a folder inside a fresh one: the folder above is looked into too, and the system's temporary folder may hold anything)
    const home = path.join(tempDir(), 'oficina');
    fs.mkdirSync(home);
    const call = path.join(home, 'Convocatoria Perú');
    fs.mkdirSync(call);
    fs.mkdirSync(path.join(home, 'Descargas'));
    return { home, call };
  }

  it('one folder below holds the database: the error says which, and how to go there or point at it', async () => {
    const { home, call } = office();
    expect((await skillsnet(['import', path.join(process.cwd(), 'data/sample/applications.csv'), '--quiet'], { cwd: call })).code).toBe(0);
    const r = await skillsnet(['list'], { cwd: home });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: no database at ${path.join(fs.realpathSync(home), 'skillsnet.db')}\n` +
        '  skillsnet.db is in "Convocatoria Perú": run the command in that folder (cd "Convocatoria Perú") or add --db "Convocatoria Perú/skillsnet.db"\n',
    );
    // from a folder inside the call's: the one above
    const below = path.join(call, 'exportaciones');
    fs.mkdirSync(below);
    expect((await skillsnet(['tag', 'auto'], { cwd: below })).stderr).toContain('skillsnet.db is in ..: run the command in that folder (cd ..) or add --db ../skillsnet.db');
    expect(fs.existsSync(path.join(below, 'skillsnet.db'))).toBe(false);
  });

  it('no database near: the usual advice to import first', async () => {
    const { home } = office();
    const r = await skillsnet(['list'], { cwd: home });
    expect(r.stderr).toContain('import applications first (skillsnet import FILE)');
  });
});
