import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

// Question wordings of real call forms in the three languages, beside the columns that must not
// steal their fields: a person's job title is not their name, a count of beneficiaries is not the list.
describe('question headers of real call forms', () => {
  it('French: the name question is the contact name, the job-title question is not', () => {
    const m = mapped(['Horodateur', 'Adresse e-mail', 'Nom de l’organisation', 'Fonction de la personne de contact',
      'Nom et prénom du/de la responsable', 'Pays d’implantation', 'Groupes cibles', 'Nombre de bénéficiaires']);
    expect(m.contactName).toEqual(['Nom et prénom du/de la responsable']);
    expect(m.firstName).toBeUndefined();
    expect(m.lastName).toBeUndefined();
    expect(m.beneficiaries).toEqual(['Groupes cibles']);
  });

  it('English and Spanish: a job title or position is never the name', () => {
    expect(mapped(['Organization', 'Email', 'Position of the contact person']).contactName).toBeUndefined();
    expect(mapped(['Organización', 'Correo', 'Cargo de la persona de contacto']).contactName).toBeUndefined();
    expect(mapped(['Organisation', 'Courriel', 'Nom et prénom']).contactName).toEqual(['Nom et prénom']);
    expect(mapped(['Organización', 'Correo', 'Nombre y apellidos']).contactName).toEqual(['Nombre y apellidos']);
  });

  it('Spanish: "Población beneficiaria" is the beneficiaries, "Número de beneficiarios" a count', () => {
    const m = mapped(['Nombre de la organización', 'Correo electrónico', 'Población beneficiaria', 'Número de beneficiarios']);
    expect(m.organization).toEqual(['Nombre de la organización']);
    expect(m.beneficiaries).toEqual(['Población beneficiaria']);
  });

  it('a count of beneficiaries alone is not taken for the beneficiaries', () => {
    expect(mapped(['Organization', 'Email', 'Number of beneficiaries reached so far']).beneficiaries).toBeUndefined();
    expect(mapped(['Organisation', 'Courriel', 'Nombre de bénéficiaires']).beneficiaries).toBeUndefined();
    expect(mapped(['Organización', 'Correo', '¿Cuántos beneficiarios?']).beneficiaries).toBeUndefined();
  });

  it('"Which groups benefit…" and "Which skills area(s)…" questions are recognised', () => {
    const m = mapped(['Timestamp', 'Email Address', 'Organisation name', 'Which skills area(s) does your innovation address?',
      'Which groups benefit from your innovation?']);
    expect(m.selfCategories).toEqual(['Which skills area(s) does your innovation address?']);
    expect(m.beneficiaries).toEqual(['Which groups benefit from your innovation?']);
    expect(mapped(['Organización', 'Correo', 'Área(s) de habilidades']).selfCategories).toEqual(['Área(s) de habilidades']);
  });
});

describe('KoboToolbox / ODK exports', () => {
  it('group paths are read by their last part, and Kobo metadata columns map to nothing but the ID and time', () => {
    const m = mapped(['start', 'end', 'today', 'deviceid', 'group_org/org_name', 'group_org/org_type', 'group_contact/contact_name',
      'group_contact/contact_email', 'group_org/country', 'group_project/title', 'group_project/description', 'group_project/beneficiaries',
      '_id', '_uuid', '_submission_time', '_validation_status', '_notes', '_status', '_submitted_by', '__version__', '_tags', '_index']);
    expect(m).toMatchObject({
      organization: ['group_org/org_name'], organizationType: ['group_org/org_type'], contactName: ['group_contact/contact_name'],
      email: ['group_contact/contact_email'], country: ['group_org/country'], title: ['group_project/title'],
      description: ['group_project/description'], beneficiaries: ['group_project/beneficiaries'], externalId: ['_id'],
      submittedAt: ['_submission_time'],
    });
    expect(m.score).toBeUndefined();
  });
});

describe('the organisation country beside the countries of implementation', () => {
  it.each([
    [['Organisation', 'Courriel', 'Pays de mise en œuvre de l’innovation', 'Pays d’enregistrement de l’organisation'], 'Pays d’enregistrement de l’organisation'],
    [['Organización', 'Correo', 'Países donde se implementa la innovación', 'País de registro de la organización'], 'País de registro de la organización'],
    [['Organization', 'Email', 'Countries of implementation', 'Country where the organization is registered'], 'Country where the organization is registered'],
  ])('%j: the country is the organisation’s', (headers, country) => {
    expect(mapped(headers).country).toEqual([country]);
  });

  it('a country of implementation alone is still the country', () => {
    expect(mapped(['Organisation', 'Courriel', 'Pays de mise en œuvre']).country).toEqual(['Pays de mise en œuvre']);
  });
});

describe('form tools in French and Spanish: their own columns lose to the questions', () => {
  it('SurveyMonkey in French: "Prénom"/"Nom" are the respondent, the question names the contact', () => {
    const m = mapped(['ID du répondant', 'ID du collecteur', 'Date de début', 'Date de fin', 'Adresse IP', 'Adresse e-mail', 'Prénom', 'Nom',
      'Données personnalisées 1', 'Nom de votre organisation', 'Nom et prénom de la personne de contact',
      'Adresse électronique de la personne de contact', 'Pays', 'Quels groupes bénéficient de votre innovation ?']);
    expect(m).toMatchObject({
      externalId: ['ID du répondant'], organization: ['Nom de votre organisation'], contactName: ['Nom et prénom de la personne de contact'],
      email: ['Adresse électronique de la personne de contact'], country: ['Pays'], beneficiaries: ['Quels groupes bénéficient de votre innovation ?'],
      submittedAt: ['Date de fin'],
    });
  });

  it('SurveyMonkey in Spanish', () => {
    const m = mapped(['ID de encuestado', 'ID de recopilador', 'Fecha de inicio', 'Fecha de finalización', 'Dirección IP',
      'Dirección de correo electrónico', 'Nombre', 'Apellido', 'Datos personalizados 1', 'Nombre de su organización',
      'Nombre de la persona de contacto', 'Correo electrónico de la persona de contacto', '¿Qué grupos se benefician de su innovación?']);
    expect(m).toMatchObject({
      externalId: ['ID de encuestado'], organization: ['Nombre de su organización'], contactName: ['Nombre de la persona de contacto'],
      email: ['Correo electrónico de la persona de contacto'], beneficiaries: ['¿Qué grupos se benefician de su innovación?'],
      submittedAt: ['Fecha de finalización'],
    });
  });

  it('an Excel sheet with only "Prénom" and "Nom" still has its contact name', () => {
    expect(mapped(['Organisation', 'Courriel', 'Prénom', 'Nom'])).toMatchObject({ firstName: ['Prénom'], lastName: ['Nom'] });
    expect(mapped(['Organización', 'Correo electrónico', 'Nombre', 'Apellido'])).toMatchObject({ firstName: ['Nombre'], lastName: ['Apellido'], email: ['Correo electrónico'] });
  });
});

describe('SurveyMonkey answer columns (preferred) still pick their best synonym', () => {
  it('"Nom et prénom de la personne de contact" is the contact name beside the respondent\'s "Prénom", and a count is no name', () => {
    const headers = ['Prénom', 'Nom', 'Nom de votre organisation', 'Nom et prénom de la personne de contact', 'Courriel', 'Nombre de bénéficiaires'];
    const { mapping } = matchHeaders(headers, new Set([2, 3, 4, 5]));
    expect(mapping.contactName).toEqual([3]);
    expect(matchHeaders(['Organisation', 'Courriel', 'Nombre de bénéficiaires'], new Set([0, 1, 2])).mapping.contactName).toBeUndefined();
  });
});

describe('Microsoft Forms in Spanish', () => {
  it('the contact email question is the email; the respondent column ("anonymous") only a fallback', () => {
    const m = mapped(['Id.', 'Hora de inicio', 'Hora de finalización', 'Correo electrónico', 'Nombre', 'Hora de la última modificación',
      'Nombre de la organización', 'Nombre de la persona de contacto', 'Correo electrónico de contacto', 'País']);
    expect(m.email?.[0]).toBe('Correo electrónico de contacto');
    expect(m.contactName).toEqual(['Nombre de la persona de contacto']);
  });

  it('a partly matching email question is kept as a fallback behind an exact one', () => {
    const m = mapped(['Organización', 'Correo electrónico', 'Correo electrónico del responsable del proyecto']);
    expect(m.email).toEqual(['Correo electrónico', 'Correo electrónico del responsable del proyecto']);
  });
});

describe('a sign-up form names the person by their role', () => {
  it('"Player Name" is the contact name, as "Participant name" is; the player\'s photo or coach is not', () => {
    // a sports auction's sign-up sheet (real-headers corpus): the player is the one who applies
    const m = mapped(['Column1', 'Player Name', 'Select Sport', 'Gender', 'Player Image ', "Name of the player's coach"]);
    expect(m.contactName).toEqual(['Player Name']);
    expect(m.organization).toBeUndefined();
    expect(mapped(['Marca temporal', 'Nombre del jugador', 'Categoría']).contactName).toEqual(['Nombre del jugador']);
    expect(mapped(['Horodateur', 'Nom du joueur', 'Club']).contactName).toEqual(['Nom du joueur']);
    expect(mapped(['Timestamp', 'Attendee name', 'Email']).contactName).toEqual(['Attendee name']);
    expect(mapped(['Timestamp', 'Player Image', 'Player position']).contactName).toBeUndefined();
  });
});
