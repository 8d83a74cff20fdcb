/** The sample a column report shows: a value of the field's kind, never someone's data in the wrong column. */
import { describe, expect, it } from 'vitest';
import { sampleValue } from '../../../src/import/layout.js';

describe('sampleValue', () => {
  it('shows the first cell that fits the field', () => {
    expect(sampleValue('country', ['', '17 Rue des Exemples, Genève', 'Kenya'])).toBe('Kenya');
    expect(sampleValue('language', ['Wilhelmina Exempla', 'Français'])).toBe('Français');
    expect(sampleValue('score', ['+41 77 555 0000', 'ten', '7,5'])).toBe('7,5');
    expect(sampleValue('submittedAt', ['soon', '2020-03-02 10:00:00'])).toBe('2020-03-02 10:00:00');
  });

  it('shows nothing when no cell fits, and never an address or a phone number in a free-text column', () => {
    expect(sampleValue('country', ['17 Rue des Exemples, Genève'])).toBeNull();
    expect(sampleValue('score', ['+41 77 555 0000'])).toBeNull();
    expect(sampleValue('title', ['call me on +41 77 555 0000', 'Solar skills'])).toBe('Solar skills');
    expect(sampleValue('externalId', ['someone@example.org'])).toBeNull();
  });

  it('names the kind of a personal field instead of a value, and shortens long text', () => {
    expect(sampleValue('email', ['a@example.org'])).toBe('<email address>');
    expect(sampleValue('contactName', ['Ana Ruiz'])).toBe('<name>');
    expect(sampleValue('organization', ['Ruiz Consulting'])).toBe('<organisation name>');
    expect(sampleValue('description', ['x'.repeat(60)])).toBe(`${'x'.repeat(39)}…`);
    expect(sampleValue('title', [' ', ''])).toBeNull();
  });
});
