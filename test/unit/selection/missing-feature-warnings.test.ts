import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedCall } from '../support/run.js';

// A Spanish form left the country empty on some rows; a region quota counts them nowhere.
describe('applications without a region under a region quota', () => {
  it('the warning names the applications and the command that gives them a country', async () => {
    const { dir, sk } = await importedCall([
      'Organización,Correo,País,Título,Puntaje',
      'Taller Abierto,ana@example.org,Perú,Oficios,80',
      'Red Andina,luis@example.org,,Formación técnica,75',
      'Casa Verde,rosa@example.org,peru,Huertos,70',
      'Fundación Sur,ines@example.org,,Aprendices,65',
    ]);
    fs.writeFileSync(path.join(dir, 'cupos.csv'), 'Criterio;Valor;Mínimo\nregión;Américas;1\n');
    const r = await sk('select', '--size', '2', '--quotas', 'cupos.csv', '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('2 eligible applications have no region and count towards no region quota (applications 2, 4: give each a country, e.g. skillsnet edit 2 --set country=Peru)');
    expect(r.stderr).not.toContain('country_raw');
    const fixed = await sk('edit', '2', '--set', 'country=Perú');
    expect(fixed.code, fixed.stderr).toBe(0);
    expect((await sk('select', '--size', '2', '--quotas', 'cupos.csv', '--dry-run')).stderr).toContain('(application 4: give it a country, e.g. skillsnet edit 4 --set country=Peru)');
  });

  it('without a language (a title only, nothing to read it from): the same, with the language to set', async () => {
    const { dir, sk } = await importedCall([
      'Organización,Correo,País,Título,Describa su propuesta,Puntaje',
      'Taller Abierto,ana@example.org,Perú,Oficios,Formación en oficios para jóvenes de zonas rurales,80',
      'Red Andina,luis@example.org,Bolivia,P-12,,75',
    ]);
    fs.writeFileSync(path.join(dir, 'cupos.csv'), 'Criterio;Valor;Mínimo\nidioma;español;1\n');
    const r = await sk('select', '--size', '1', '--quotas', 'cupos.csv', '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('1 eligible application has no language and counts towards no language quota (application 2: give it a language, e.g. skillsnet edit 2 --set language=es)');
  });
});
