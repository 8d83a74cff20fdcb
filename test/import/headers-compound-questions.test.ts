import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../src/import/headers.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

// Forms often ask two things in one question: the contact's name and job, the beneficiary groups
// and how many. The question is still about the name, or the groups.
describe('a question asking for the name and the job of the contact', () => {
  it.each([
    'Name and position of the contact person',
    'Nom et fonction du responsable',
    'Nombre y cargo de la persona de contacto',
    'Full name and job title',
    'Nom complet et poste occupé',
    'Contact person (name, role)',
  ])('"%s" is the contact name', (question) => {
    const m = mapped(['Organisation', 'Email', 'Country', question, 'Project title']);
    expect(m.contactName).toEqual([question]);
    expect(m.title).toEqual(['Project title']);
    expect(m.firstName).toBeUndefined();
    expect(m.lastName).toBeUndefined();
  });

  it('a job title is never the project title, with or without a name in the question', () => {
    for (const question of ['Full name and job title', 'Job title', 'Titre du poste', 'Título del puesto', 'Title / position']) {
      const m = mapped(['Organisation', 'Email', 'Country', question, 'Description']);
      expect(m.title, question).toBeUndefined();
    }
    expect(mapped(['Organisation', 'Email', 'Full name and job title', 'Description']).contactName).toEqual(['Full name and job title']);
  });

  it('a question about the job alone is still not the name', () => {
    for (const question of ['Position of the contact person', 'Fonction du responsable', 'Cargo de la persona de contacto', 'Job title']) {
      const m = mapped(['Organisation', 'Email', question]);
      expect(m.contactName, question).toBeUndefined();
      expect(m.firstName, question).toBeUndefined();
      expect(m.lastName, question).toBeUndefined();
    }
  });

  it('beside a separate job question, the name question keeps the name', () => {
    const m = mapped(['Organización', 'Correo', 'Nombre y cargo de la persona de contacto', 'Cargo', 'Título del proyecto']);
    expect(m.contactName).toEqual(['Nombre y cargo de la persona de contacto']);
    expect(m.title).toEqual(['Título del proyecto']);
  });
});
