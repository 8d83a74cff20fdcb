import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveRegion } from '../../../src/geo/regions.js';
import { parseRegion } from '../../../src/cli/filters.js';
import { readQuotaFile } from '../../../src/selection/quota-file.js';
import { tempDir } from '../support/run.js';

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
    expect(resolveRegion('Asia y Pacífico')).toBe('Asia and the Pacific');
    expect(resolveRegion('Pays arabes')).toBe('Arab States');
    expect(resolveRegion('Europa')).toBe('Europe and Central Asia');
    expect(resolveRegion('Amérique')).toBe('Americas');
    expect(resolveRegion('Narnia')).toBeNull();
  });

  it('with or without the articles of English, French and Spanish names', () => {
    expect(resolveRegion('Amérique latine et les Caraïbes')).toBe('Americas');
    expect(resolveRegion('América Latina y Caribe')).toBe('Americas');
    expect(resolveRegion("Europe et l'Asie centrale")).toBe('Europe and Central Asia');
    expect(resolveRegion('Europe et l’Asie centrale')).toBe('Europe and Central Asia');
    expect(resolveRegion('Los Estados Árabes')).toBe('Arab States');
    expect(resolveRegion('les États arabes')).toBe('Arab States');
    expect(resolveRegion('Région des Amériques')).toBe('Americas');
    expect(resolveRegion('la Région des Amériques')).toBe('Americas');
    expect(resolveRegion('la région Afrique')).toBe('Africa');
    expect(resolveRegion('the Arab States')).toBe('Arab States');
    // an article alone is no region
    expect(resolveRegion('les')).toBeNull();
    expect(resolveRegion('the')).toBeNull();
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

describe('region names with the word "region" and common sub-regional names', () => {
  it('"Arab States region", "ILO Africa region", "Région Afrique" name the region', () => {
    expect(resolveRegion('Arab States region')).toBe('Arab States');
    expect(resolveRegion('the Americas Region')).toBe('Americas');
    expect(resolveRegion('ILO Africa region')).toBe('Africa');
    expect(resolveRegion('Région Asie-Pacifique')).toBe('Asia and the Pacific');
    expect(resolveRegion('región de las Américas')).toBe('Americas');
    expect(resolveRegion('Asia-Pacific region')).toBe('Asia and the Pacific');
    expect(resolveRegion('region')).toBeNull();
  });

  it('Latin America and sub-Saharan Africa are in their ILO region', () => {
    expect(resolveRegion('Latin America')).toBe('Americas');
    expect(resolveRegion('Amérique latine')).toBe('Americas');
    expect(resolveRegion('América Latina')).toBe('Americas');
    expect(resolveRegion('Sub-Saharan Africa')).toBe('Africa');
    expect(resolveRegion('Afrique subsaharienne')).toBe('Africa');
    expect(resolveRegion('África subsahariana')).toBe('Africa');
    expect(parseRegion('Latin America')).toBe('Americas');
  });
});

describe('a part of a region name', () => {
  it('names the region when whole words (or a word begun, four letters or more) fit one region only', () => {
    expect(parseRegion('Pacific')).toBe('Asia and the Pacific');
    expect(parseRegion('Central Asia')).toBe('Europe and Central Asia');
    expect(parseRegion('Arab')).toBe('Arab States');
    expect(parseRegion('America')).toBe('Americas');
    expect(() => parseRegion('Asia')).toThrow(/region "Asia" is part of two region names: "Asia and the Pacific", "Europe and Central Asia"/);
  });

  it('is not the small words alone: "the" or "and" names no region', () => {
    for (const text of ['the', 'and', 'The', 'and the', '&']) expect(() => parseRegion(text), text).toThrow(/unknown region/);
  });

  it('is not letters inside a word: "fr" is no region, though "Africa" holds them', () => {
    for (const text of ['fr', 'Am', 'ica', 'rab', 'Ca']) expect(() => parseRegion(text), text).toThrow(/unknown region/);
  });
});
