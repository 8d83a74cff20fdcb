import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveRegion } from '../../src/geo/regions.js';
import { parseRegion } from '../../src/cli/filters.js';
import { readQuotaFile } from '../../src/selection/quotas.js';
import { tempDir } from '../helpers.js';

const dir = tempDir('skillsnet-regions-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('ILO region names as officers write them', () => {
  it('French, Spanish and short forms resolve to the stored name', () => {
    expect(resolveRegion('Asia-Pacific')).toBe('Asia and the Pacific');
    expect(resolveRegion('Asie et Pacifique')).toBe('Asia and the Pacific');
    expect(resolveRegion('asia y el pacifico')).toBe('Asia and the Pacific');
    expect(resolveRegion('États arabes')).toBe('Arab States');
    expect(resolveRegion('ARAB STATES')).toBe('Arab States');
    expect(resolveRegion('Amériques')).toBe('Americas');
    expect(resolveRegion('Europa y Asia Central')).toBe('Europe and Central Asia');
    expect(resolveRegion('Afrique')).toBe('Africa');
    expect(resolveRegion('Narnia')).toBeNull();
  });

  it('filters and quotas files accept them; an unknown one is still an error listing the regions', async () => {
    expect(parseRegion('Asie-Pacifique')).toBe('Asia and the Pacific');
    expect(parseRegion('Europe')).toBe('Europe and Central Asia');
    expect(() => parseRegion('Oceania')).toThrow(/unknown region "Oceania"/);
    const file = path.join(dir, 'quotas.csv');
    fs.writeFileSync(file, 'feature;value;min;max\nregion;Asia-Pacific;2;\nregion;États arabes;1;3\n');
    expect((await readQuotaFile(file)).map((r) => r.value)).toEqual(['Asia and the Pacific', 'Arab States']);
  });
});
