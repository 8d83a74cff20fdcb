import { describe, expect, it } from 'vitest';
import { splitName } from '../../src/export/contacts.js';

// Francophone forms and administrations write the family name in capitals, often first.
describe('family names written in capitals', () => {
  it.each([
    ['DIALLO Amina', 'Amina', 'DIALLO'],
    ['KOUASSI Yao Serge', 'Yao Serge', 'KOUASSI'],
    ['Jean-Pierre DE LA FONTAINE', 'Jean-Pierre', 'DE LA FONTAINE'],
    ['BEN SALAH Leïla', 'Leïla', 'BEN SALAH'],
    ['Amina Diallo', 'Amina', 'Diallo'],
    ['AMINA DIALLO', 'AMINA', 'DIALLO'],
    ['Ana María Ruiz', 'Ana María', 'Ruiz'],
  ])('%s -> given %s, family %s', (name, given, family) => {
    expect(splitName(name)).toMatchObject({ given, family });
  });
});
