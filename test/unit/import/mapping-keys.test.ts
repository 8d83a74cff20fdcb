/** The keys of a --map file as officers write them: British spelling, capitals, spaces. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, run, tempDir } from '../support/run.js';
import { mappingField, readMappingFile } from '../../../src/import/mapping.js';

describe('mapping file keys', () => {
  it.each([
    ['organization', 'organization'],
    ['organisation', 'organization'],
    ['Organisation type', 'organizationType'],
    ['contact_name', 'contactName'],
    ['Email', 'email'],
    ['working-language', 'workingLanguage'],
    ['orgname', undefined],
  ])('%s -> %s', (key, field) => {
    expect(mappingField(key)).toBe(field);
  });

  it('a file written with British spelling imports; a field named twice is refused; an unknown one lists the fields', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'm.db');
    fs.writeFileSync(path.join(dir, 'odd.csv'), 'Who,Mail,Where\nAtelier Solidaire,contact@example.org,Togo\n');
    fs.writeFileSync(path.join(dir, 'uk.json'), '{"organisation": "Who", "Email": "Mail", "country": "C"}');
    const ok = await run(['--db', db, 'import', 'odd.csv', '--map', 'uk.json', '--json'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    expect(json(ok).inserted).toBe(1);
    expect(json(await run(['--db', db, 'list', '--json'], { cwd: dir }))[0]).toMatchObject({ organization: 'Atelier Solidaire', country: 'TG' });

    fs.writeFileSync(path.join(dir, 'twice.json'), '{"organization": "Who", "organisation": "Mail", "email": "Mail"}');
    const twice = await run(['--db', db, 'import', 'odd.csv', '--map', 'twice.json'], { cwd: dir });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/^error: the mapping file twice\.json names the field organization twice \("organisation"\)\n {2}keep one/m);

    fs.writeFileSync(path.join(dir, 'bad.json'), '{"orgname": "Who", "email": "Mail"}');
    const bad = await run(['--db', db, 'import', 'odd.csv', '--map', 'bad.json'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: unknown field "orgname" in the mapping file bad\.json\n {2}fields are: externalId/m);
  });
});

describe('a mapping file that is not text', () => {
  it('a workbook or a program given as --map is named binary, its bytes not quoted into the error line', async () => {
    const dir = tempDir();
    const elf = path.join(dir, 'program.json');
    fs.writeFileSync(elf, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]));
    const xlsx = path.join(dir, 'map.xlsx');
    fs.writeFileSync(xlsx, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from([0x14, 0, 6, 0, 0xff, 0xfe])]));
    for (const file of [elf, xlsx]) {
      const e = await readMappingFile(file).then(() => null, (x: Error) => x);
      expect(e?.message).toMatch(/^the mapping file .* is not JSON: it holds binary data/);
      expect(e?.message).not.toMatch(/[\u0000-\u0008\ufffd]/);
    }
  });
});
