import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { runExportContacts } from '../../src/cli/export.js';
import { exportFixture } from './fixture.js';

describe('export contacts when nothing matches', () => {
  it('warns instead of writing an empty list without a word', async () => {
    const fx = exportFixture();
    const out = path.join(fx.dir, 'none.vcf');
    const { io, stderr } = bufferIO();
    const result = await runExportContacts({ dbPath: fx.dbPath, filters: { search: 'no such text anywhere' }, format: 'vcf', out }, io);
    expect(result.counts.applications).toBe(0);
    expect(stderr()).toMatch(/warning: no application matches: the list is empty/);
  });
});
