import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[], preferred?: Set<number>): Record<string, string[]> {
  const { mapping } = matchHeaders(headers, preferred);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

describe('form-tool metadata columns lose to question columns', () => {
  it('Microsoft Forms: "Contact email address" is the email, not the respondent column "Email"', () => {
    const m = mapped(['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Name of your organization', 'Contact email address', 'Country']);
    expect(m.email).toEqual(['Contact email address']);
    expect(m.organization).toEqual(['Name of your organization']);
    expect(m.country).toEqual(['Country']);
  });

  it('Google Forms: "Email of the contact person" is the email; the respondent address is not a fallback', () => {
    const m = mapped(['Timestamp', 'Email Address', 'Name of your organization', 'Email of the contact person']);
    expect(m.email).toEqual(['Email of the contact person']);
    expect(m.contactName).toBeUndefined();
  });

  it('with a "Name of the contact person" column too, the contact email column is kept', () => {
    const m = mapped(['Timestamp', 'Email Address', 'Name of your organization', 'Name of the contact person', 'Email of the contact person']);
    expect(m.email).toEqual(['Email of the contact person']);
    expect(m.contactName).toEqual(['Name of the contact person']);
  });

  it('SurveyMonkey metadata: questions win; metadata maps only where no question exists', () => {
    const h = ['Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'IP Address', 'Email Address', 'First Name', 'Last Name', 'Custom Data', 'Organization', 'Email of contact person'];
    const m = mapped(h, new Set([9, 10]));
    expect(m.email).toEqual(['Email of contact person']);
    expect(m.externalId).toEqual(['Respondent ID']);
    expect(m.submittedAt).toEqual(['End Date']);
  });

  it('the respondent email is used when the form asks no email question', () => {
    expect(mapped(['Timestamp', 'Email Address', 'Name of your organization']).email).toEqual(['Email Address']);
    expect(mapped(['ID', 'Email', 'Name', 'Organisation']).email).toEqual(['Email']);
  });
});

describe('email, phone and website headers are never the contact name', () => {
  it.each([
    ['Courriel de la personne de contact', 'Nom de l’organisation'],
    ['Correo electrónico de la persona de contacto', 'Nombre de la organización'],
    ['Email of the contact person', 'Organization'],
  ])('%s is the email', (emailHeader, org) => {
    const m = mapped([org, emailHeader, 'Téléphone de la personne de contact']);
    expect(m.email).toEqual([emailHeader]);
    expect(m.contactName).toBeUndefined();
    expect(m.phone).toEqual(['Téléphone de la personne de contact']);
  });
});

describe('British and American spellings, word order', () => {
  it.each(['Organisation name', 'Organization name', 'Name of the organisation', 'ORGANISATION NAME:'])('%s is the organisation', (h) => {
    const m = mapped(['Respondent ID', h, 'Country', 'Contact email']);
    expect(m.organization).toEqual([h]);
    expect(m.contactName).toBeUndefined();
  });

  it('is the same with SurveyMonkey answer columns preferred', () => {
    const m = mapped(['Respondent ID', 'Organisation name', 'Country', 'Contact email'], new Set([1, 2, 3]));
    expect(m.organization).toEqual(['Organisation name']);
    expect(m.email).toEqual(['Contact email']);
  });
});

describe('common synonyms (fr, es)', () => {
  it('Note -> score, Contact -> contact name, N° de dossier -> application ID', () => {
    const m = mapped(['N° de dossier', 'Organisation', 'Courriel', 'Note', 'Contact']);
    expect(m).toMatchObject({ externalId: ['N° de dossier'], score: ['Note'], contactName: ['Contact'] });
  });
  it.each([
    ['Note finale', 'score'], ['Points', 'score'], ['Puntuación', 'score'], ['Puntaje', 'score'], ['Calificación', 'score'],
    ['Personne de contact', 'contactName'], ['Contacto', 'contactName'],
    ['Número de solicitud', 'externalId'], ['Reference', 'externalId'],
  ])('%s -> %s', (h, field) => {
    expect(mapped(['Organisation', 'Email', h])[field]).toEqual([h]);
  });
});

describe('first and last names', () => {
  it.each([
    [['Nombre', 'Apellidos'], 'Nombre', 'Apellidos'],
    [['Nombre', 'Apellido'], 'Nombre', 'Apellido'],
    [['Prénom du contact', 'Nom du contact'], 'Prénom du contact', 'Nom du contact'],
    [['Prénom', 'Nom'], 'Prénom', 'Nom'],
    [['Given name', 'Surname'], 'Given name', 'Surname'],
    [['First Name', 'Family name'], 'First Name', 'Family name'],
    [['First name of the contact', 'Last name of the contact'], 'First name of the contact', 'Last name of the contact'],
    [['Nombre de la persona de contacto', 'Apellidos de la persona de contacto'], 'Nombre de la persona de contacto', 'Apellidos de la persona de contacto'],
  ])('%j', (names, first, last) => {
    const m = mapped(['Organisation', 'Email', ...names]);
    expect(m.firstName).toEqual([first]);
    expect(m.lastName).toEqual([last]);
    expect(m.contactName).toBeUndefined();
  });

  it('a lone "Nom du contact" stays the full contact name', () => {
    expect(mapped(['Organisation', 'Email', 'Nom du contact']).contactName).toEqual(['Nom du contact']);
  });
});

describe('common misspellings of a header word', () => {
  it('"Email Adress" is an email address, named as plainly as "Email Address"', () => {
    const { mapping, evidence } = matchHeaders(['Name', 'Email Adress', 'Company', 'Home Adress']);
    expect(mapping.email).toEqual([1]);
    expect(evidence.email).toEqual(matchHeaders(['Name', 'Email Address', 'Company', 'Home Address']).evidence.email);
    expect(mapping.organization).toEqual([2]);
    // the French "adresse" is no misspelling: "Adresse e-mail" stays the email
    expect(matchHeaders(['Horodateur', 'Adresse e-mail', 'Structure']).mapping.email).toEqual([1]);
  });
});

describe("the contact named by their role (a founder, a team or project leader, a French call's porteur de projet)", () => {
  const contactOf = (header: string) => mapped(['Organisation', header, 'Email', 'Country']).contactName ?? [];
  it.each([
    'Founder', 'Founder PoC', 'POC Name', 'Lead applicant', 'Team leader name', 'Team lead name', 'Project leader', 'Principal investigator',
    'Porteur de projet', 'Nom du porteur de projet', 'Chef de projet', 'Líder del proyecto', 'Jefe de proyecto', 'Nombre del líder del equipo',
  ])('"%s" is the contact name', (header) => {
    expect(contactOf(header)).toEqual([header]);
  });

  it.each([
    // the role qualifies an organisation, a team or a project: not the person
    'Lead applicant organisation', 'Organisme porteur du projet', "Nom de l'organisme porteur du projet", 'Nom de la structure porteuse',
    'Founder organisation', 'Project leader organisation', 'Team name', 'Nombre del equipo',
  ])('"%s" is not', (header) => {
    expect(contactOf(header)).toEqual([]);
  });

  it('a lead applicant organisation column is the organisation', () => {
    expect(mapped(['Lead applicant organisation', 'Lead applicant', 'Email']).organization).toEqual(['Lead applicant organisation']);
    expect(mapped(['Lead applicant organisation', 'Lead applicant', 'Email']).contactName).toEqual(['Lead applicant']);
  });
});

describe('project titles as French and Spanish calls write them', () => {
  it.each(['Intitulé du projet', "Intitulé de l'innovation", "Titre de l'innovation", 'Titre de la proposition', 'Título de la propuesta', 'Título de la innovación', 'Proposal name'])(
    '"%s" is the title, recognised as a whole (high confidence)',
    (header) => {
      const { mapping, evidence } = matchHeaders(['Organisation', 'Email', header, 'Description']);
      expect(mapping.title).toEqual([2]);
      expect(evidence.title?.confidence).toBe('high');
    },
  );
});

describe('more headers of calls for proposals in the three languages', () => {
  it.each([
    ['Structure porteuse', 'organization'], ['Organisme porteur', 'organization'], ['Entidad solicitante', 'organization'],
    ['Naturaleza jurídica', 'organizationType'], ['Nature juridique', 'organizationType'],
    ['Población meta', 'beneficiaries'], ['Date de dépôt', 'submittedAt'],
    ['Which skills category best describes your innovation?', 'selfCategories'], ['Quelle catégorie décrit le mieux votre innovation ?', 'selfCategories'],
    ['¿Qué categoría describe mejor su innovación?', 'selfCategories'],
  ])('"%s" is the %s', (header, field) => {
    const headers = ['Nom du contact', 'Email', header];
    const m = mapped(headers);
    expect(m[field], JSON.stringify(m)).toEqual([header]);
  });
});

describe('question headers of innovation calls', () => {
  it.each([
    ['Country(ies) of implementation', 'country'], ['País(es) de implementación', 'country'],
    ['Dans quel pays votre organisation est-elle basée ?', 'country'],
    ['Website or social media page', 'website'],
    ['Please select the category that best fits your innovation', 'selfCategories'], ["Dans quelle catégorie s'inscrit votre innovation ?", 'selfCategories'],
    ['¿En qué categoría se enmarca su innovación?', 'selfCategories'],
  ])('"%s" is the %s', (header, field) => {
    const m = mapped(['Nom du contact', 'Email', header]);
    expect(m[field], JSON.stringify(m)).toEqual([header]);
  });

  it('a French yes/no question with an inverted verb is still no field; one that asks which is', () => {
    expect(mapped(['Est-ce que votre organisation a un site web ?']).website).toBeUndefined();
    expect(mapped(['Votre structure est-elle une ONG ?']).organizationType).toBeUndefined();
  });

  it('the category of an organisation or of beneficiaries stays theirs', () => {
    expect(mapped(['Please select the category of your organisation']).organizationType).toEqual(['Please select the category of your organisation']);
    expect(mapped(['Select the category of beneficiaries']).beneficiaries).toEqual(['Select the category of beneficiaries']);
  });
});

describe('"Tell us about your project" asks for the description (sixth trial)', () => {
  it('in English, French and Spanish, beside a title question', () => {
    for (const q of ['Tell us about your innovation', 'Parlez-nous de votre projet', 'Présentez votre initiative', 'Cuéntenos sobre su propuesta', 'Háblenos de su proyecto']) {
      const m = mapped(['#', 'Organisation name', 'Your email', 'Give your innovation a title', q]);
      expect(m.description, q).toEqual([q]);
      expect(m.title, q).toEqual(['Give your innovation a title']);
    }
  });

  it('is no description when it is about something else', () => {
    expect(mapped(['Organisation name', 'Email', 'Tell us about yourself']).description).toBeUndefined();
  });
});

describe('a checkbox question about the categories, with its instruction (sixth trial)', () => {
  it('"(tick all that apply)", "(Check all that apply)", "marque todas las que apliquen" leave it the applicant\'s categories', () => {
    for (const q of [
      'Which skills categories does your innovation address? (tick all that apply)',
      'Which categories best describe your innovation? (Check all that apply)',
      'Catégories que couvre votre projet (cochez toutes les réponses possibles)',
      'Categorías que aborda su propuesta (marque todas las que apliquen)',
    ]) expect(mapped(['Organisation name', 'Email', q]).selfCategories, q).toEqual([q]);
  });

  it('a category of something else is still none', () => {
    expect(mapped(['Organisation name', 'Email', 'Which category of product do you check?']).selfCategories).toBeUndefined();
  });
});

describe('"First & last name" in one column is the contact name (sixth trial)', () => {
  it('is not the first name alone', () => {
    expect(mapped(['First & last name', 'Organization', 'Email']).contactName).toEqual(['First & last name']);
    expect(mapped(['First and last name', 'Organization', 'Email']).firstName).toBeUndefined();
  });
});

describe('a header that names both parts of the name', () => {
  it.each(['First and last name of the contact person', 'Full name (first and last)', 'Last name, first name', 'contact/Prénom & Nom', 'Nombre y apellido de la persona de contacto'])('"%s" is the whole contact name, never one part', (header) => {
    const m = mapped(['Organisation', 'Email', header]);
    expect(m.contactName).toEqual([header]);
    expect(m.firstName).toBeUndefined();
    expect(m.lastName).toBeUndefined();
  });

  it.each(['Last name / surname', 'Surname (family name)', 'Last Name (Surname)', 'Family name / surname'])('"%s" is still the family name beside a first name', (header) => {
    const m = mapped(['Organisation name', 'Email', 'First name', header]);
    expect(m.firstName).toEqual(['First name']);
    expect(m.lastName).toEqual([header]);
  });

  it('beside separate first and last name columns, those stay the parts', () => {
    const m = mapped(['Organisation', 'Email', 'First name', 'Last name']);
    expect(m.firstName).toEqual(['First name']);
    expect(m.lastName).toEqual(['Last name']);
    const fr = mapped(['Structure', 'Courriel', 'Prénom du contact', 'Nom du contact']);
    expect(fr.firstName).toEqual(['Prénom du contact']);
    expect(fr.lastName).toEqual(['Nom du contact']);
  });
});

describe('words joined by a slash', () => {
  it.each([
    [['Email', 'Country/Region'], { email: ['Email'], country: ['Country/Region'] }],
    [['Email', 'País/región'], { email: ['Email'], country: ['País/región'] }],
    // a KoboToolbox path is still read by its last part
    [['group_org/org_email', 'group_org/country'], { email: ['group_org/org_email'], country: ['group_org/country'] }],
  ])('%j', (headers, expected) => {
    expect(mapped(headers)).toEqual(expected);
  });
});
