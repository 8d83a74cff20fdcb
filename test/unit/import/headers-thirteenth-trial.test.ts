import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

// Headers from a thirteenth trial on unseen exports (a Jotform export, a hackathon's mentor
// platform, a master's programme's Google Forms quiz, a catalogue of scholarship calls, a course's
// selection sheet, a recruiting database). Each case is a general wording, not one file's.
describe("a call's own dates", () => {
  it("a call's opening date and its deadline are no submission date", () => {
    expect(mapped(['Nombre de la convocatoria de beca', 'Fecha de apertura de postulación', 'Fecha límite de postulación'])).not.toHaveProperty('submittedAt');
    expect(mapped(['Intitulé', "Date d'ouverture de l'appel", 'Date limite de candidature'])).not.toHaveProperty('submittedAt');
    expect(mapped(['Call', 'Opening date', 'Application deadline'])).not.toHaveProperty('submittedAt');
  });

  it('the form\'s own timestamp stays the submission date beside them', () => {
    expect(mapped(['Marca temporal', 'Fecha de apertura de postulación', 'Correo']).submittedAt).toEqual(['Marca temporal']);
    expect(mapped(['Fecha de postulación', 'Correo']).submittedAt).toEqual(['Fecha de postulación']);
  });
});

describe('an organisation that is not the respondent\'s', () => {
  it("an internship's or a fellowship's host is another party", () => {
    expect(mapped(['Nom de famille', 'Prénom', "Quel était le nom de l'organisme d'accueil ?1", "Quel est le nom de l'organisme d'accueil ?"])).not.toHaveProperty('organization');
    expect(mapped(['Name', 'Email', 'Host institution']).organization).toBeUndefined();
    expect(mapped(['Nombre', 'Correo', 'Institución de acogida'])).not.toHaveProperty('organization');
  });

  it("the respondent's own institution stays, beside the host", () => {
    expect(mapped(['Name', 'Home institution', 'Host institution']).organization).toEqual(['Home institution']);
    expect(mapped(['Nom de la structure', "Structure d'accueil", 'Courriel']).organization).toEqual(['Nom de la structure']);
  });

  it('an employer asked about in the past tense is a former one', () => {
    expect(mapped(['Nom', 'Courriel', "Quel était le nom de l'organisme employeur ?"])).not.toHaveProperty('organization');
    expect(mapped(['Name', 'Email', 'What was the name of the employer?'])).not.toHaveProperty('organization');
    expect(mapped(['Name', 'Employer', 'What was the name of your first employer?']).organization).toEqual(['Employer']);
  });
});

describe("a marking sheet's criteria", () => {
  it('criteria with their maximum marks in brackets hold marks, whatever their words name', () => {
    const sheet = mapped(['Name', 'Email', 'Math (82)', 'Crisis (7)', 'Total', 'Interview', 'Structure (50)', 'Argumentative (20)', 'Examples (30)']);
    expect(sheet).not.toHaveProperty('organization');
    expect(sheet.contactName).toEqual(['Name']);
    expect(mapped(['Nom', 'Courriel', 'Structure (20)', 'Clarté (10)'])).not.toHaveProperty('organization');
  });

  it('a score among the criteria stays the score, and a lone bracketed number marks nothing', () => {
    expect(mapped(['Name', 'Email', 'Clarity (20)', 'Impact (30)', 'Score (100)']).score).toEqual(['Score (100)']);
    expect(mapped(['Structure (2)', 'Email']).organization).toEqual(['Structure (2)']);
    expect(mapped(['Nom de la structure', 'Courriel', 'Structure (50)', 'Clarté (20)']).organization).toEqual(['Nom de la structure']);
  });
});

describe('a courtesy title and a résumé', () => {
  it('a bare "Title" right beside a first or last name is the person\'s courtesy title', () => {
    expect(mapped(['id', 'title', 'first_name', 'last_name', 'email'])).not.toHaveProperty('title');
    expect(mapped(['First name', 'Last name', 'Title', 'Email'])).not.toHaveProperty('title');
    expect(mapped(['Titre', 'Prénom', 'Nom', 'Courriel'])).not.toHaveProperty('title');
  });

  it("a title away from the name parts is the proposal's", () => {
    expect(mapped(['Title', 'Abstract', 'Email', 'First name', 'Last name']).title).toEqual(['Title']);
    expect(mapped(['Title', 'Name', 'Email']).title).toEqual(['Title']);
  });

  it('an English "resume" beside a cover letter is a CV, no description', () => {
    // (the cover letter itself is the description, for want of any other: fourteenth trial)
    expect(mapped(['first_name', 'last_name', 'email', 'resume', 'cover_letter']).description).toEqual(['cover_letter']);
    expect(mapped(['Name', 'Email', 'Resume', 'Letter of motivation']).description).toEqual(['Letter of motivation']);
  });

  it('a French "Résumé" and a "resume" with no cover letter stay the summary', () => {
    expect(mapped(['Titre', 'Résumé', 'Lettre de motivation']).description).toEqual(['Résumé']);
    expect(mapped(['Title', 'Resume', 'Keywords']).description).toEqual(['Resume']);
  });
});

describe('Spanish, French and Portuguese questions for a name and a code', () => {
  it('"¿Cómo te llamas?", "Comment vous appelez-vous ?", "Como você se chama?" ask the contact\'s name', () => {
    expect(mapped(['Marca temporal', '¿Cómo te llamas?', '¿Qué edad tienes?']).contactName).toEqual(['¿Cómo te llamas?']);
    expect(mapped(['Horodateur', 'Comment vous appelez-vous ?', 'Adresse e-mail']).contactName).toEqual(['Comment vous appelez-vous ?']);
    expect(mapped(['Carimbo de data/hora', 'Como você se chama?', 'E-mail']).contactName).toEqual(['Como você se chama?']);
    expect(mapped(['Marca temporal', '¿Cuál es el nombre de tu organización?', 'Correo']).organization).toEqual(['¿Cuál es el nombre de tu organización?']);
  });

  it('"¿Cómo se llama tu proyecto?" names no person', () => {
    expect(mapped(['Marca temporal', '¿Cómo se llama tu proyecto?', 'Correo'])).not.toHaveProperty('contactName');
  });

  it('a bare "Codigo" or "Código" is the request\'s code; "Código postal" is not', () => {
    expect(mapped(['Email', 'Nombre', 'Codigo']).externalId).toEqual(['Codigo']);
    expect(mapped(['Nome', 'E-mail', 'Código']).externalId).toEqual(['Código']);
    expect(mapped(['Nombre', 'Correo', 'Código postal'])).not.toHaveProperty('externalId');
    expect(mapped(['Número de solicitud', 'Nombre', 'Código']).externalId?.[0]).toBe('Número de solicitud');
  });
});

describe('a mentor list and a startup list', () => {
  it('a bare "Expertise" is the areas the person picks, below a category question', () => {
    expect(mapped(['Nome', 'Empresa', 'EXPERTISE ']).selfCategories).toEqual(['EXPERTISE ']);
    expect(mapped(['Category', 'Expertise', 'Email']).selfCategories?.[0]).toBe('Category');
    expect(mapped(['Name', 'Level of expertise'])).not.toHaveProperty('selfCategories');
  });

  it('a business\'s or a startup\'s description is the description', () => {
    expect(mapped(['Company Name', 'Website', 'Business Description']).description).toEqual(['Business Description']);
    expect(mapped(['Startup name', 'Startup description']).description).toEqual(['Startup description']);
  });
});

describe('numbered copies are no marking sheet', () => {
  it('"Email", "Email (2)", "Phone", "Phone (2)": second copies of questions keep their field', () => {
    const m = mapped(['Organisation', 'Email', 'Email (2)', 'Phone', 'Phone (2)']);
    expect(m.email?.[0]).toBe('Email');
    expect(m.phone).toEqual(['Phone', 'Phone (2)']);
  });
});

// A review of the rules above on wordings the trial did not have: each rule keeps to what it
// was made for and leaves the field where the same words mean it.
describe('the rules above, kept to what they are for', () => {
  it('a past tense further on in the header is a clause about something else, not a former organisation', () => {
    expect(mapped(['Name', 'Email', 'Organisation name (if the application was submitted on behalf of one)']).organization).toHaveLength(1);
    expect(mapped(['Nombre', 'Correo', 'Nombre de la organización (si la postulación fue presentada por una organización)']).organization).toHaveLength(1);
    expect(mapped(['Nome', 'E-mail', 'Nome da organização (caso a inscrição foi feita por uma)']).organization).toHaveLength(1);
    expect(mapped(['Nom', 'Courriel', 'Structure qui était porteuse du projet']).organization).toHaveLength(1);
    expect(mapped(['Nome', 'E-mail', 'Qual era o nome da empresa?'])).not.toHaveProperty('organization');
    expect(mapped(['Nombre', 'Correo', '¿Cuál fue la empresa donde hizo la práctica?'])).not.toHaveProperty('organization');
  });

  it("a French homepage and a reception desk's address are the organisation's own", () => {
    expect(mapped(['Nom de la structure', 'Courriel', "Site web (page d'accueil)"]).website).toEqual(["Site web (page d'accueil)"]);
    expect(mapped(['Nom de la structure', "Adresse e-mail d'accueil"]).email).toEqual(["Adresse e-mail d'accueil"]);
    expect(mapped(['Nom de la structure', "Courriel d'accueil"]).email).toEqual(["Courriel d'accueil"]);
    expect(mapped(['Nom', 'Courriel', "Courriel de l'organisme d'accueil"]).email).toEqual(['Courriel']);
  });

  it("a text question's word limit in brackets is no marking criterion", () => {
    const form = mapped(['Name', 'Email', 'Project title (20)', 'Project summary (300)', 'Organisation']);
    expect(form.title).toEqual(['Project title (20)']);
    expect(form.description).toEqual(['Project summary (300)']);
    expect(mapped(['Name', 'Email', 'Keywords (5)', 'Abstract (250)']).selfCategories).toEqual(['Keywords (5)']);
  });

  it('a bare "Title" beside the names of a file that describes a proposal is the proposal\'s', () => {
    expect(mapped(['Submission ID', 'Title', 'First Name', 'Last Name', 'Email', 'Organization', 'Abstract']).title).toEqual(['Title']);
    expect(mapped(['Title', 'First Name', 'Email', 'Category', 'Abstract', 'Keywords']).title).toEqual(['Title']);
    expect(mapped(['Nombre', 'Apellido', 'Título', 'Correo', 'Resumen']).title).toEqual(['Título']);
    // a CV is no proposal's description: the recruiting list's "title" stays a courtesy title
    expect(mapped(['id', 'title', 'first_name', 'last_name', 'email', 'resume', 'cover_letter'])).not.toHaveProperty('title');
    // nor is a motivation letter: the person's, not a proposal's
    expect(mapped(['First name', 'Last name', 'Title', 'Email', 'Motivation'])).not.toHaveProperty('title');
  });
});
