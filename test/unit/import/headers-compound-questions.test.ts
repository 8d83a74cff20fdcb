import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';

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

describe('a beneficiaries question that also asks how many', () => {
  it.each([
    'Who are your beneficiaries and how many?',
    'Qui sont vos bénéficiaires et combien ?',
    'Groupes cibles et nombre de bénéficiaires',
    'Bénéficiaires (nombre et profil)',
    '¿Quiénes son los beneficiarios y cuántos?',
    'Target group (number and type)',
    'Grupos destinatarios (número y tipo)',
  ])('"%s" is the beneficiaries', (question) => {
    const m = mapped(['Organisation', 'Email', 'Country', question]);
    expect(m.beneficiaries).toEqual([question]);
    expect(m.organizationType).toBeUndefined();
    expect(m.contactName).toBeUndefined();
  });

  it('beside a pure count, the compound question is the beneficiaries and the count is nothing', () => {
    const m = mapped(['Organisation', 'Email', 'Number of beneficiaries', 'Who are your beneficiaries and how many?']);
    expect(m.beneficiaries).toEqual(['Who are your beneficiaries and how many?']);
    const fr = mapped(['Organisation', 'Courriel', 'Nombre de bénéficiaires', 'Bénéficiaires (nombre et profil)']);
    expect(fr.beneficiaries).toEqual(['Bénéficiaires (nombre et profil)']);
    expect(fr.contactName).toBeUndefined();
  });

  it('a target-group question is never the organisation type, even when another column is the beneficiaries', () => {
    const m = mapped(['Organisation', 'Email', 'Type of organisation', 'Target group (number and type)']);
    expect(m.organizationType).toEqual(['Type of organisation']);
    expect(m.beneficiaries).toEqual(['Target group (number and type)']);
    const two = mapped(['Organisation', 'Email', 'Target groups', 'Target group (number and type)']);
    expect(two.organizationType).toBeUndefined();
  });

  it.each([
    'Number of beneficiaries',
    'Estimated number of beneficiaries',
    'Nombre de bénéficiaires',
    'Nombre total de bénéficiaires directs',
    'Cantidad de beneficiarios',
    'Número de beneficiarios',
    'How many beneficiaries?',
    'Total beneficiaries',
  ])('"%s" is a count: neither the beneficiaries nor a name', (question) => {
    const m = mapped(['Organisation', 'Email', question]);
    expect(m.beneficiaries).toBeUndefined();
    expect(m.contactName).toBeUndefined();
    expect(m.organizationType).toBeUndefined();
  });
});

describe('email columns of other people', () => {
  it.each([
    'Email of the partner organisation',
    'Partner email',
    'Referee email address',
    "Supervisor's email",
    'Courriel du partenaire',
    'Adresse électronique du témoin',
    'Correo electrónico del socio',
  ])('"%s" is never the applicant\'s email, not even as a fallback', (other) => {
    expect(mapped(['Organisation', 'Contact email', 'Country', other]).email).toEqual(['Contact email']);
    expect(mapped(['Organisation', other]).email).toBeUndefined();
  });

  it('nor does it win over the respondent address a form tool records', () => {
    expect(mapped(['Timestamp', 'Email Address', 'Organisation', 'Referee email']).email).toEqual(['Email Address']);
    expect(mapped(['ID', 'Start time', 'Email', 'Name', 'Organisation', 'Email of the partner organisation']).email).toEqual(['Email']);
  });

  it('nor are their names and phones the contact\'s', () => {
    const m = mapped(['Organisation', 'Email', 'Name of the referee', 'Referee phone', 'Nom du partenaire']);
    expect(m.contactName).toBeUndefined();
    expect(m.phone).toBeUndefined();
  });

  it('an email question that names nobody the form knows is not a fallback either', () => {
    expect(mapped(['Organisation', 'Contact email', 'Email of the ILO officer who told you about the call']).email).toEqual(['Contact email']);
  });

  it('the applicant side is still recognised: the lead partner, the project lead, the organisation', () => {
    expect(mapped(['Organisation', 'Email of the lead partner']).email).toEqual(['Email of the lead partner']);
    expect(mapped(['Organización', 'Correo electrónico', 'Correo electrónico del responsable del proyecto']).email)
      .toEqual(['Correo electrónico', 'Correo electrónico del responsable del proyecto']);
    expect(mapped(['Organisation', 'Contact email', 'Email of the organisation']).email).toEqual(['Contact email', 'Email of the organisation']);
    expect(mapped(['Organisation', 'Courriel', 'Autre adresse électronique']).email).toEqual(['Courriel', 'Autre adresse électronique']);
    expect(mapped(['Organisation', 'Courriel', 'Courriel du partenaire chef de file']).email).toEqual(['Courriel', 'Courriel du partenaire chef de file']);
  });
});

describe('the contact person under the French and Spanish word for it', () => {
  it('"personne de référence", "persona de referencia" and "référent du projet" are the applicant\'s contact, not a third party nor an ID', () => {
    const fr = mapped(['Organisation', 'Courriel de la personne de référence', 'Nom de la personne de référence', 'Téléphone de la personne de référence', 'Pays']);
    expect(fr.email).toEqual(['Courriel de la personne de référence']);
    expect(fr.contactName).toEqual(['Nom de la personne de référence']);
    expect(fr.phone).toEqual(['Téléphone de la personne de référence']);
    expect(fr.externalId).toBeUndefined();
    const es = mapped(['Organización', 'Correo electrónico de la persona de referencia', 'Nombre de la persona de referencia', 'País', 'Referencia']);
    expect(es.email).toEqual(['Correo electrónico de la persona de referencia']);
    expect(es.contactName).toEqual(['Nombre de la persona de referencia']);
    expect(es.externalId).toEqual(['Referencia']);
    expect(mapped(['Organisation', 'Courriel du référent du projet', 'Pays']).email).toEqual(['Courriel du référent du projet']);
    // a referee is still someone else
    expect(mapped(['Organisation', 'Email', 'Referee email', 'Referee name']).email).toEqual(['Email']);
  });

  it('a name word followed by a job word names the job, not a person: "Nombre del puesto", "Nombre de postes créés"', () => {
    for (const question of ['Nombre de postes créés', 'Nombre del puesto', 'Name of the position']) {
      const m = mapped(['Organisation', 'Courriel', 'Pays', question]);
      expect(m.contactName, question).toBeUndefined();
    }
    expect(mapped(['Organisation', 'Email', 'Country', 'Name and position of the contact person']).contactName).toEqual(['Name and position of the contact person']);
  });
});
