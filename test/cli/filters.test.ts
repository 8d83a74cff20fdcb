import { describe, expect, it } from 'vitest';
import { parseFilters, parseLanguage } from '../../src/cli/filters.js';
import { UsageError } from '../../src/errors.js';

describe('shared filter parsing', () => {
  it('accepts language codes and names in the three languages', () => {
    expect(parseLanguage('FR')).toBe('fr');
    expect(parseLanguage('French')).toBe('fr');
    expect(parseLanguage('español')).toBe('es');
    expect(parseLanguage('Anglais')).toBe('en');
  });

  it('rejects what is not a language with a usage error', () => {
    expect(() => parseLanguage('Klingonish')).toThrow(UsageError);
  });

  it('resolves countries by name and regions case-insensitively', () => {
    const f = parseFilters({ country: 'Mexique', region: 'arab states', language: 'es' } as never);
    expect(f).toMatchObject({ country: 'MX', region: 'Arab States', language: 'es' });
  });
});
