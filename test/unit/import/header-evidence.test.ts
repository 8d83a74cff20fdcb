/**
 * The wrong mappings issue 11 saw on real exports, header by header: whole words only, and the
 * evidence against a field (a yes/no question, a rating grid, a count, a third party, a birth
 * date, another kind of type, the working language). Each header sits beside the column that
 * does hold the field, or alone.
 */
import { describe, expect, it } from 'vitest';
import { explainHeader, matchHeaders } from '../../../src/import/headers.js';

function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}
const fieldsOf = (header: string) => explainHeader(header).fields.map((f) => f.field);

describe('whole words, never fragments', () => {
  it('"pay" is not "pays"; "point" is not "points"; "completed" alone is no date', () => {
    expect(fieldsOf('Does the centre pay salary to caregivers')).not.toContain('country');
    expect(mapped(['Organisation', 'Email', 'Does the centre pay salary to caregivers', 'Pays']).country).toEqual(['Pays']);
    expect(fieldsOf("Avez-vous des suggestions sur ce qui doit être mis en place d'un point de vue RSE ?")).not.toContain('score');
    expect(fieldsOf('At what point would you consider a home near transit?')).not.toContain('score');
    expect(mapped(['Timestamp', 'What is your highest level of education completed?', 'Organisation', 'Email']).submittedAt).toEqual(['Timestamp']);
  });

  it('a one-word synonym inside a long header counts only beside words its field allows', () => {
    for (const h of ['Type of support company wants to provide', 'Tipo de documento', 'customer_type', 'What type of hot mid-day meal is provided?', '¿Qué tipo de mascota tienes?']) {
      expect(fieldsOf(h), h).not.toContain('organizationType');
    }
    expect(fieldsOf('Type of organisation')).toContain('organizationType');
    expect(fieldsOf('Tipo de entidad')).toContain('organizationType');
    expect(fieldsOf('In which country do you work?')).toContain('country');
    expect(fieldsOf('district_name')).not.toContain('contactName');
    expect(fieldsOf('Name of Director or Lead Caregiver')).toContain('contactName');
  });
});

describe('evidence against a field', () => {
  it('a third party: "Contacto de emergencia" is nobody the form knows', () => {
    expect(mapped(['Organización', 'Correo', 'Contacto de emergencia', 'Nombre', 'Apellidos'])).toMatchObject({ firstName: ['Nombre'], lastName: ['Apellidos'] });
    expect(fieldsOf('Contacto de emergencia')).toEqual([]);
  });

  it('a count is not a name; "Name of Director" is', () => {
    const m = mapped(['ECD Centre', 'Number of nutrition focal points and ECD centre staff', 'Name of Director or Lead Caregiver', 'phone']);
    expect(m.contactName).toEqual(['Name of Director or Lead Caregiver']);
  });

  it('a birth date is not the submission date', () => {
    expect(mapped(['date_of_birth', 'Organisation', 'Email']).submittedAt).toBeUndefined();
    expect(mapped(['Date de naissance', 'Horodateur', 'Organisation', 'Courriel']).submittedAt).toEqual(['Horodateur']);
  });

  it('a rating grid is not the categories, a rating question not the score', () => {
    const grid = [1, 2, 3, 4, 5, 6, 7].map((i) => `Concernant les 7 domaines de la RSE, comment évaluez-vous votre niveau de connaissance ? [Domaine ${i}]`);
    expect(mapped(['Horodateur', 'Organisation', 'Courriel', ...grid]).selfCategories).toBeUndefined();
    expect(fieldsOf('À quel point êtes-vous confiant dans la précision des résultats ?')).toEqual([]);
    expect(fieldsOf('How would you rate the training? [Score]')).toEqual([]);
  });

  it('a yes/no question is not the field it mentions', () => {
    for (const h of ['¿Tiene celular?', 'Le terrain a-t-il un site internet ?', 'Is your employer primarily a tech company/organization?', 'Do you have a website?']) {
      expect(fieldsOf(h), h).toEqual([]);
    }
  });

  it('"which of the following best describes…" is no description; a place is no country', () => {
    expect(fieldsOf('Which of the following best describes your current occupation?')).toEqual([]);
    expect(fieldsOf('What state or country were you born in?')).toEqual([]);
    expect(fieldsOf('LinkedIn profile URL')).toEqual([]);
  });

  it('the preferred working language is not the language of the text', () => {
    for (const h of ['Idioma de trabajo preferido', 'Preferred working language', 'Langue de travail', 'Preferred language']) {
      const f = fieldsOf(h);
      expect(f, h).toContain('workingLanguage');
      expect(f, h).not.toContain('language');
    }
    expect(mapped(['Organisation', 'Email', 'Language of the application', 'Preferred working language'])).toMatchObject({
      language: ['Language of the application'], workingLanguage: ['Preferred working language'],
    });
    expect(fieldsOf('What are the familiar languages used?')).toEqual([]);
  });

  it('tool identifiers are split: RecipientEmail, StartDate, UserLanguage; Typeform\'s "#" is the ID', () => {
    expect(mapped(['ResponseId', 'StartDate', 'EndDate', 'RecipientFirstName', 'RecipientLastName', 'RecipientEmail', 'UserLanguage', '#'])).toMatchObject({
      email: ['RecipientEmail'], firstName: ['RecipientFirstName'], lastName: ['RecipientLastName'], language: ['UserLanguage'], submittedAt: ['EndDate'],
    });
    expect(mapped(['#', 'Organisation', 'Email']).externalId).toEqual(['#']);
  });
});
