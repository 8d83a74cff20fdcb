import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

// Headers from a fourteenth trial on unseen exports (a university's list of enrolled students, a
// hackathon's applications exported from Luma, a winter school's Google Form, a French Google Form
// of care coordinators, a hackathon's project list, a workshop's submissions). Each case is a
// general wording, not one file's.
describe('family names shortened by a records system', () => {
  it('"apaterno", "amaterno" are both family names, and "nombre" beside them the given names', () => {
    const m = mapped(['cuenta', 'apaterno', 'amaterno', 'nombre', 'carrera', 'promedio']);
    expect(m.lastName).toEqual(['apaterno', 'amaterno']);
    expect(m.firstName).toEqual(['nombre']);
    expect(m).not.toHaveProperty('contactName');
    expect(mapped(['ap_paterno', 'ap_materno', 'nombre', 'correo']).lastName).toEqual(['ap_paterno', 'ap_materno']);
  });
});

describe("another account's address", () => {
  it('"Your ChatGPT email" beside a tool\'s own "email" is no contact address, not even a fallback', () => {
    expect(mapped(['name', 'first_name', 'last_name', 'email', 'phone_number', 'Company/Institute', 'Your Chatgpt Email']).email).toEqual(['email']);
    expect(mapped(['Name', 'Email Address', 'PayPal email']).email).toEqual(['Email Address']);
  });

  it("the applicant's own email questions still come before the tool's column", () => {
    expect(mapped(['Email Address', 'Your work email']).email).toEqual(['Your work email']);
    expect(mapped(['Name', 'Your Chatgpt Email']).email).toEqual(['Your Chatgpt Email']);
    expect(mapped(['Email', 'Email (secondary)']).email).toEqual(['Email', 'Email (secondary)']);
  });
});

describe("a poster's authors", () => {
  it('an "Autor" column beside the form\'s own given and family names is no contact name', () => {
    const m = mapped(['Timestamp', 'email', 'firstname', 'lastname', 'Institute', 'TitleOfPoster', 'Autor', 'Affiliation', 'Abstract']);
    expect(m).not.toHaveProperty('contactName');
    expect(m.firstName).toEqual(['firstname']);
    expect(m.lastName).toEqual(['lastname']);
  });

  it("a row's own author, named with its name parts, and a lone author column stay the contact", () => {
    expect(mapped(['author_name', 'author_firstname', 'author_lastname', 'author_email']).contactName).toEqual(['author_name']);
    expect(mapped(['Title', 'Author', 'Email']).contactName).toEqual(['Author']);
  });
});

describe('new header words', () => {
  it('"Structure / Service", "Organisme / Service" name the organisation; a type of service does not', () => {
    expect(mapped(['Horodateur', 'Nom', 'Prénom', 'Fonction', 'Structure / Service', 'Téléphone', 'E-mail']).organization).toEqual(['Structure / Service']);
    expect(mapped(['Organisme / Service', 'Courriel']).organization).toEqual(['Organisme / Service']);
    expect(mapped(['Type de service', 'Courriel'])).not.toHaveProperty('organization');
  });

  it("a hackathon's or a conference's tracks are the categories it picks; tracking something is not", () => {
    expect(mapped(['id', 'projectName', 'tracks', 'notes']).selfCategories).toEqual(['tracks']);
    expect(mapped(['Title', 'Track', 'Email']).selfCategories).toEqual(['Track']);
    expect(mapped(['Tracking number', 'Email'])).not.toHaveProperty('selfCategories');
  });

  it("a research area the respondent names is their categories; a field of study (a major) is not", () => {
    for (const h of ['Área de pesquisa', 'Research area', 'Área de investigación', 'Domaine de recherche', 'What is your research area?']) {
      expect(mapped(['Sexo', h, 'Email']).selfCategories, h).toEqual([h]);
    }
    expect(mapped(['What is your field of study or major?', 'Email'])).not.toHaveProperty('selfCategories');
  });

  it("a poster's title is the title, a German \"mobil\" the phone", () => {
    expect(mapped(['firstname', 'lastname', 'TitleOfPoster', 'Abstract']).title).toEqual(['TitleOfPoster']);
    expect(mapped(['Poster title', 'Email']).title).toEqual(['Poster title']);
    expect(mapped(['email', 'mobil']).phone).toEqual(['mobil']);
  });
});

describe('known misses of earlier trials', () => {
  it('a bare "Total" after marked criteria is the score; a "Total" of anything else is not', () => {
    expect(mapped(['Name', 'Email', 'Math (82)', 'Crisis (7)', 'Total', 'Interview', 'Structure (50)', 'Examples (30)', 'Total']).score).toEqual(['Total', 'Total']);
    expect(mapped(['Name', 'Email', 'Budget item', 'Total'])).not.toHaveProperty('score');
    expect(mapped(['Name', 'Email', 'Total', 'Clarity (20)', 'Impact (30)'])).not.toHaveProperty('score');
    expect(mapped(['Name', 'Clarity (20)', 'Impact (30)', 'Score', 'Total']).score).toEqual(['Score']);
  });

  it('a cover letter is the description where nothing else describes the application', () => {
    expect(mapped(['first_name', 'last_name', 'email', 'resume', 'cover_letter', 'status']).description).toEqual(['cover_letter']);
    expect(mapped(['Nombre', 'Correo', 'Carta de presentación']).description).toEqual(['Carta de presentación']);
    expect(mapped(['Name', 'Email', 'Project description', 'Cover letter']).description).toEqual(['Project description']);
  });

  it("a project's or an application's code is its ID; a postal, country or promo code, or code inside a question, is not", () => {
    for (const h of ['Código del proyecto', 'Project code', 'Code', 'Code du projet', 'Application code']) {
      expect(mapped([h, 'Email', 'Organisation']).externalId, h).toEqual([h]);
    }
    for (const h of ['Código postal', 'Zip code', 'Code postal', 'Code promo', 'Promo code', 'Course code', '¿Cómo gestionará el equipo el código fuente del proyecto?']) {
      expect(mapped([h, 'Email', 'Organisation']), h).not.toHaveProperty('externalId');
    }
    expect(mapped(['Application ID', 'Project code', 'Email']).externalId).toEqual(['Application ID']);
  });
});
