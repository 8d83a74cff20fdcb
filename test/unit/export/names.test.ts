import { describe, expect, it } from 'vitest';
import { splitName } from '../../../src/export/contacts.js';

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

// Registration forms and HR lists often write "Family, Given"; the comma says which is which.
describe('names written "Family, Given"', () => {
  it.each([
    ['Dupont, Jean-Étienne', 'Jean-Étienne', 'Dupont'],
    ['García Márquez, María José', 'María José', 'García Márquez'],
    ['de la Fontaine, Jean', 'Jean', 'de la Fontaine'],
    ['Ruiz , Ana', 'Ana', 'Ruiz'],
  ])('%s -> given %s, family %s', (name, given, family) => {
    expect(splitName(name)).toMatchObject({ given, family });
  });

  it('a title or degree after the comma is not a given name', () => {
    expect(splitName('Ana Ruiz, PhD')).toMatchObject({ given: 'Ana', family: 'Ruiz' });
    expect(splitName('John Smith, Jr.')).toMatchObject({ given: 'John', family: 'Smith' });
  });
});
