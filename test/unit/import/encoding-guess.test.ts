import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { detectEncoding, scanFile } from '../../../src/import/detect.js';
import { tempDir } from '../support/run.js';

const dir = tempDir('skillsnet-encoding-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const text = Array.from({ length: 50 }, (_, i) => `Société n°${i};Côte d'Ivoire;Formación técnica`).join('\n');

async function guess(bytes: Buffer) {
  const f = path.join(dir, `f${Math.random()}.csv`);
  fs.writeFileSync(f, bytes);
  const scan = await scanFile(f);
  return { scan, encoding: detectEncoding(scan).encoding };
}

describe('encoding guess', () => {
  it('valid UTF-8 is UTF-8', async () => {
    expect((await guess(Buffer.from(text, 'utf8'))).encoding).toBe('utf8');
  });
  it('UTF-8 with a few stray Windows-1252 bytes is still UTF-8, and the bad bytes are counted', async () => {
    const utf8 = Buffer.from(text, 'utf8');
    const bytes = Buffer.concat([utf8.subarray(0, 100), Buffer.from([0xe9]), utf8.subarray(100), Buffer.from([0x92, 0x0a])]);
    const { scan, encoding } = await guess(bytes);
    expect(encoding).toBe('utf8');
    expect(scan.validUtf8).toBe(false);
    expect(scan.utf8Invalid).toBe(2);
  });
  it('Windows-1252 text is Windows-1252', async () => {
    expect((await guess(iconv.encode(text, 'windows-1252'))).encoding).toBe('windows1252');
  });
  it('Windows-1252 text holding one accidental valid UTF-8 pair is still Windows-1252', async () => {
    const bytes = Buffer.concat([iconv.encode(text, 'windows-1252'), Buffer.from('Ã©', 'latin1')]);
    expect((await guess(bytes)).encoding).toBe('windows1252');
  });
});
