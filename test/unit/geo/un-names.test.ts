import { describe, expect, it } from 'vitest';
import { resolveCountry } from '../../../src/geo/countries.js';

// The official French and Spanish UN names officers copy from UN lists into forms.
describe('UN official country names in French and Spanish', () => {
  it.each([
    ['Fédération de Russie', 'RU'], ['Federación de Rusia', 'RU'], ['République de Corée', 'KR'],
    ['République populaire démocratique de Corée', 'KP'], ['República Unida de Tanzania', 'TZ'],
    ['Estado Plurinacional de Bolivia', 'BO'], ['République arabe syrienne', 'SY'], ['République de Moldova', 'MD'],
    ['República de Moldova', 'MD'], ["Royaume-Uni de Grande-Bretagne et d’Irlande du Nord", 'GB'],
    ['Reino Unido de Gran Bretaña e Irlanda del Norte', 'GB'], ['République démocratique populaire lao', 'LA'], ['République populaire démocratique lao', 'LA'],
    ['República Democrática Popular Lao', 'LA'], ['État de Palestine', 'PS'], ['Estado de Palestina', 'PS'],
    ['Royaume des Pays-Bas', 'NL'], ['Reino de los Países Bajos', 'NL'], ['Kingdom of the Netherlands', 'NL'], ['EAU', 'AE'], ['República del Congo', 'CG'],
  ])('%s -> %s', (name, code) => {
    expect(resolveCountry(name)?.code).toBe(code);
  });
});
