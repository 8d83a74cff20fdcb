import { describe, expect, it } from 'vitest';
import { contactName, splitName } from '../../../src/export/contacts.js';

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

// Spanish and Portuguese names: compound given names and double family names stay together;
// where readings disagree, no split rather than a wrong one.
describe('names of one field, the Iberian way', () => {
  it.each([
    ['Andrés García Márquez', 'Andrés', 'García Márquez'],
    ['José Luis Rodríguez', 'José Luis', 'Rodríguez'],
    ['María de los Ángeles Pérez', 'María de los Ángeles', 'Pérez'],
    ['María del Carmen Gómez-Pérez', 'María del Carmen', 'Gómez-Pérez'],
    ['Juan Carlos Martín', 'Juan Carlos', 'Martín'],
    ['João Pedro da Silva Santos', 'João Pedro', 'da Silva Santos'],
    ['José Ortega y Gasset', 'José', 'Ortega y Gasset'],
    ['JOSE LUIS RODRIGUEZ', 'JOSE LUIS', 'RODRIGUEZ'],
    ['Paola García', 'Paola', 'García'],
  ])('%s -> given %s, family %s', (name, given, family) => {
    expect(splitName(name)).toMatchObject({ given, family });
  });

  it.each([
    ['Andrés Martín García', {}],
    ['Carlos Xochitl Pérez', {}],
    ['Itzel Tlacaelel Cuauhtli', { language: 'es' }],
    ['Itzel Tlacaelel Cuauhtli', { country: 'MX' }],
  ])('leaves %s unsplit when unsure (%j)', (name, context) => {
    expect(splitName(name, context)).toMatchObject({ given: '', family: '' });
  });

  it('reads other names as given names first, the family name last', () => {
    expect(splitName('Ngozi Chukwuma Okafor')).toMatchObject({ given: 'Ngozi Chukwuma', family: 'Okafor' });
    expect(splitName('María José', { language: 'es' })).toMatchObject({ given: 'María José', family: '' });
  });
});

// Viet Nam, China, Korea, Japan, Hungary write the family name first at home and often last
// abroad: "Dear Nguyen Thi" would greet a woman by her family name and middle name.
describe('names from countries that write the family name first', () => {
  it.each([
    ['Nguyen Thi Lan', 'VN'],
    ['Tran Van Minh', 'VN'],
    ['Wang Xiaoming', 'CN'],
    ['Kim Min-jun', 'KR'],
    ['Nagy Katalin', 'HU'],
  ])('%s (%s) is not split: the whole name is the salutation', (name, country) => {
    expect(splitName(name, { country })).toMatchObject({ given: '', family: '' });
  });

  it('is split where a comma or capitals say which part is the family name', () => {
    expect(splitName('NGUYEN Thi Lan', { country: 'VN' })).toMatchObject({ given: 'Thi Lan', family: 'NGUYEN' });
    expect(splitName('Nguyen, Lan', { country: 'VN' })).toMatchObject({ given: 'Lan', family: 'Nguyen' });
    expect(splitName('Nguyen Thi Lan', { country: 'FR' })).toMatchObject({ given: 'Nguyen Thi', family: 'Lan' });
  });
});

describe('contact names: split columns win', () => {
  it('keeps the form\'s given and family names as given, and fills a missing side from the full name', () => {
    expect(contactName({ givenName: 'Andrés', familyName: 'García Márquez', fullName: 'Andrés García Márquez' })).toEqual({ display: 'Andrés García Márquez', given: 'Andrés', family: 'García Márquez', prefix: '' });
    expect(contactName({ givenName: 'Andrés Martín', familyName: 'García', fullName: null })).toMatchObject({ display: 'Andrés Martín García', given: 'Andrés Martín', family: 'García' });
    expect(contactName({ givenName: 'José Luis', familyName: null, fullName: 'José Luis Rodríguez Zapatero' })).toMatchObject({ given: 'José Luis', family: 'Rodríguez Zapatero' });
    expect(contactName({ givenName: null, familyName: 'de la Cruz', fullName: 'Ana Lucía de la Cruz' })).toMatchObject({ given: 'Ana Lucía', family: 'de la Cruz' });
    expect(contactName({ givenName: null, familyName: null, fullName: '  Andrés   García Márquez ' })).toMatchObject({ display: 'Andrés García Márquez', given: 'Andrés', family: 'García Márquez' });
  });
});
