import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedCall } from '../support/run.js';

/** These CSV lines imported, a Spanish quotas file of one rule; `select` runs a dry run of `size` with it. */
async function withQuota(lines: string[], rule: string) {
  const { dir, sk } = await importedCall(lines);
  fs.writeFileSync(path.join(dir, 'cupos.csv'), `Criterio;Valor;Mínimo\n${rule}\n`);
  const select = async (size: number) => {
    const r = await sk('select', '--size', String(size), '--quotas', 'cupos.csv', '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    return r.stderr;
  };
  return { sk, select };
}

// A Spanish form left the country empty on some rows; a region quota counts them nowhere.
describe('applications without a region under a region quota', () => {
  it('the warning names the applications and the command that gives them a country', async () => {
    const { sk, select } = await withQuota([
      'Organización,Correo,País,Título,Puntaje',
      'Taller Abierto,ana@example.org,Perú,Oficios,80',
      'Red Andina,luis@example.org,,Formación técnica,75',
      'Casa Verde,rosa@example.org,peru,Huertos,70',
      'Fundación Sur,ines@example.org,,Aprendices,65',
    ], 'región;Américas;1');
    const warned = await select(2);
    expect(warned).toContain('2 eligible applications have no region and count towards no region quota (applications 2, 4: give each a country, e.g. skillsnet edit 2 --set country=Peru)');
    expect(warned).not.toContain('country_raw');
    const fixed = await sk('edit', '2', '--set', 'country=Perú');
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(await select(2)).toContain('(application 4: give it a country, e.g. skillsnet edit 4 --set country=Peru)');
  });

  it('without a language (a title only, nothing to read it from): the same, with the language to set', async () => {
    const { select } = await withQuota([
      'Organización,Correo,País,Título,Describa su propuesta,Puntaje',
      'Taller Abierto,ana@example.org,Perú,Oficios,Formación en oficios para jóvenes de zonas rurales,80',
      'Red Andina,luis@example.org,Bolivia,P-12,,75',
    ], 'idioma;español;1');
    expect(await select(1)).toContain('1 eligible application has no language and counts towards no language quota (application 2: give it a language, e.g. skillsnet edit 2 --set language=es)');
  });
});

// A beneficiary group written on an organisation type's line (or the other way round) counts nobody.
describe('a term of the other vocabulary under a quota that counts nobody', () => {
  it('the warning says what the term is and the line to write', async () => {
    const lines = ['Organización,Correo,País,Tipo de organización,Beneficiarios,Título,Puntaje', 'Taller Abierto,ana@example.org,Perú,ONG,Jóvenes,Oficios,80', 'Red Andina,luis@example.org,Bolivia,Universidad,Mujeres,Formación,75'];
    const onType = await withQuota(lines, 'tipo de organización;Jóvenes;0');
    expect(await onType.select(1)).toContain('\n  "Jóvenes" is beneficiary "Youth", not an organisation type: write beneficiary,Jóvenes,…');
    const onGroup = await withQuota(lines, 'grupo destinatario;ONG;0');
    expect(await onGroup.select(1)).toContain('\n  "ONG" is organisation type "NGO", not a beneficiary group: write organizationType,ONG,…');
    // a term of its own vocabulary that nobody has is only the value nobody has
    const own = await withQuota(lines, 'grupo destinatario;Refugiados;0');
    expect(await own.select(1)).not.toMatch(/not a beneficiary group/);
  });
});
