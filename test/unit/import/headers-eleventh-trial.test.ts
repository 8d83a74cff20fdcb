import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';
import { caseFile, importCase } from './support.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

// Headers from an eleventh trial on unseen exports (a museum's call for proposals, a citizens'
// proposals platform, Luma and Eventbrite attendee reports, a hackathon's registration sheet, a
// Portuguese Google Form, a technology-watch list). Each case is a general wording, not one file's.
describe('a question asked several times over numbered columns', () => {
  it('"Referencia 1", "Referencia 2", "Referencia 3" are three links or references, none of them the application\'s number', () => {
    expect(mapped(['Nombre del contacto principal', 'Contacto (mail)', 'Referencia 1', 'Referencia 2', 'Referencia 3'])).not.toHaveProperty('externalId');
    expect(mapped(['Organisation', 'Email', 'Reference 1', 'Reference 2'])).not.toHaveProperty('externalId');
    expect(mapped(['Organisme', 'Courriel', 'Référence (1)', 'Référence (2)'])).not.toHaveProperty('externalId');
  });

  it("the application's own reference stays one, and a lone numbered column is no series", () => {
    expect(mapped(['Referencia', 'Organización', 'Correo', 'Enlace 1', 'Enlace 2']).externalId).toEqual(['Referencia']);
    expect(mapped(['Reference 1', 'Organisation', 'Email']).externalId).toEqual(['Reference 1']);
  });

  it("other fields keep their numbered columns: a second phone is the applicant's other number", () => {
    expect(mapped(['Organisation', 'Email', 'Phone 1', 'Phone 2']).phone).toEqual(['Phone 1', 'Phone 2']);
  });

  it('an import keeps no link for an application number', async () => {
    const csv = 'Organisation,Email,Reference 1,Reference 2\n'
      + 'Acme Training,ana@example.org,https://example.org/a1,https://example.org/a2\n'
      + 'Beta Skills,ben@example.org,https://example.org/b1,\n';
    const c = await importCase(caseFile('references.csv', csv));
    expect(c.apps).toHaveLength(2);
    expect(c.apps.map((a) => a.externalId)).toEqual([null, null]);
  });
});

describe('a bare "Name" in a list of things', () => {
  it('beside a description, with no email, phone or name parts anywhere, it is what the rows describe, not a contact', () => {
    expect(mapped(['nom', 'domaine', 'description', 'url'])).not.toHaveProperty('contactName');
    expect(mapped(['Name', 'Description', 'Website'])).not.toHaveProperty('contactName');
    expect(mapped(['Nombre', 'Descripción', 'Categoría'])).not.toHaveProperty('contactName');
  });

  it("a list of people keeps its bare name as the person's: with an email, a phone, or no description", () => {
    expect(mapped(['Name', 'Description', 'Email']).contactName).toEqual(['Name']);
    expect(mapped(['Nom', 'Description', 'Téléphone']).contactName).toEqual(['Nom']);
    expect(mapped(['Nom', 'Initiales', 'Affiliation', 'Rôle']).contactName).toEqual(['Nom']);
    expect(mapped(['name', 'entity', 'team', 'topics']).contactName).toEqual(['name']);
  });

  it('a header that says whose name it is stays the contact, description or not', () => {
    expect(mapped(['Full name', 'Project description']).contactName).toEqual(['Full name']);
    expect(mapped(['Nom du porteur de projet', 'Description']).contactName).toEqual(['Nom du porteur de projet']);
  });
});

describe('numbers written "N°", "Nº"', () => {
  it('"N° de participant", "Nº de Inscrição", "Numéro d\'inscription" number the registration', () => {
    for (const h of ['N° de participant', 'Nº de participant', 'N.º de inscripción', 'Nº de Inscrição', "Numéro d'inscription", 'Número de inscripción', 'Número de participante']) {
      expect(mapped(['Nom', 'E-mail', h]).externalId, h).toEqual([h]);
    }
  });

  it('as whole headers only: a registration number of something else is no application number', () => {
    expect(mapped(['Organisme', 'E-mail', "Numéro d'inscription au registre du commerce"])).not.toHaveProperty('externalId');
    expect(mapped(['Organisme', 'E-mail', 'Nombre de participants'])).not.toHaveProperty('externalId');
  });

  it('a number sign before a plural is a count, with or without its "de": "N° participants", "Nº inscripciones"', () => {
    for (const h of ['N° participants', 'Nº participantes', 'Nº de participantes', 'Nº inscripciones', 'Numéro de participants']) {
      expect(mapped(['Organisme', 'E-mail', h]), h).not.toHaveProperty('externalId');
    }
  });
});

describe('ticketing and event platforms (Luma, Eventbrite)', () => {
  it("an attendee's or registrant's ID is the row's number; the event's is not", () => {
    expect(mapped(['Attendee ID', 'Email', 'Full Name', 'Luma Event ID']).externalId).toEqual(['Attendee ID']);
    expect(mapped(['Registrant ID', 'Email']).externalId).toEqual(['Registrant ID']);
    expect(mapped(['Email', 'Full Name', 'Event ID'])).not.toHaveProperty('externalId');
  });

  it('the RSVP time and the order date are when the person registered; the event\'s date and the check-in are not', () => {
    expect(mapped(['Email', 'Full Name', 'Event Name', 'RSVP Time', 'Check-in Timestamp', 'Event Date']).submittedAt).toEqual(['RSVP Time']);
    expect(mapped(['Order #', 'Order Date', 'First Name', 'Last Name', 'Email']).submittedAt).toEqual(['Order Date']);
    expect(mapped(['Date de la commande', 'Nom', 'Prénom', 'E-mail']).submittedAt).toEqual(['Date de la commande']);
    expect(mapped(['Fecha del pedido', 'Nombre', 'Correo']).submittedAt).toEqual(['Fecha del pedido']);
    // as whole headers only: an order of something else is no registration
    expect(mapped(['Organisation', 'Email', 'Purchase order date'])).not.toHaveProperty('submittedAt');
  });
});

describe('other wordings', () => {
  it('a proposal\'s "proposer" (proponent, proponente) is its contact, as a whole header', () => {
    for (const h of ['proposer', 'Proponent', 'Proponente']) expect(mapped(['title', 'description', h]).contactName, h).toEqual([h]);
    expect(mapped(['title', 'description', 'Proposer organisation'])).not.toHaveProperty('contactName');
  });

  it('a Portuguese question with its article: "E um celular para contato:" is the phone', () => {
    expect(mapped(['Carimbo de data/hora', 'Nome', 'E um celular para contato:']).phone).toEqual(['E um celular para contato:']);
    expect(mapped(['Nome', 'Um telefone de contato']).phone).toEqual(['Um telefone de contato']);
  });

  it('the description of the work (an artistic call\'s "obra", "œuvre") is the proposal\'s description', () => {
    expect(mapped(['Nombre de la Propuesta', 'Breve descripción de la obra']).description).toEqual(['Breve descripción de la obra']);
    expect(mapped(["Titre de l'œuvre", "Description de l'œuvre"]).description).toEqual(["Description de l'œuvre"]);
  });
});

describe('a group of questions asked again for each item of a list', () => {
  const degrees = ['Nome Completo', 'Seu e-mail', 'Nome do Curso', 'Tipo de curso', 'Instituição', 'Ano de conclusão', 'Nome do curso', 'Tipo de curso', 'Instituição', 'Ano de conclusão'];

  it("the institution of each degree is not the organisation, first choice or fallback", () => {
    expect(mapped(degrees)).not.toHaveProperty('organization');
    expect(mapped(['Name', 'Email', 'Employer', 'From', 'To', 'Employer', 'From', 'To'])).not.toHaveProperty('organization');
  });

  it("nor each publication's title the application's", () => {
    const pubs = ['Nome', 'E-mail', 'Título da publicação', 'Local de publicação', 'Primeiro autor', 'Título da publicação', 'Local de publicação', 'Primeiro autor'];
    expect(mapped(pubs)).not.toHaveProperty('title');
  });

  it("the organisation asked once beside the groups is the applicant's, and a header repeated alone stays one question", () => {
    expect(mapped([...degrees, 'Empregador']).organization).toEqual(['Empregador']);
    expect(mapped(['Organisation', 'Email Address', 'Project title', 'Email Address']).email).toEqual(['Email Address', 'Email Address']);
    expect(mapped(['Institution', 'Email', 'Degree', 'Year']).organization).toEqual(['Institution']);
  });

  it("people's details keep their first group: a team's first member is read as before", () => {
    // (every copy of the same header is read, the first non-empty cell of a row winning)
    expect(mapped(['Team name', 'Member name', 'Member email', 'Member name', 'Member email']).email).toEqual(['Member email', 'Member email']);
  });
});

describe('a name asked in capitals', () => {
  it('"Nome (Em Maiúscula)", "Name (in capitals)", "Nombre (en mayúsculas)" are the name', () => {
    for (const h of ['Nome (Em Maiúscula)', 'Name (in capitals)', 'Nombre (en mayúsculas)', 'Nom (en majuscules)']) {
      expect(mapped(['Carimbo de data/hora', h, 'E-mail']).contactName, h).toEqual([h]);
    }
  });
});

// Review of the eleventh trial: inputs its rules were not tried on.
describe('a bare "Name" beside a title of its own', () => {
  it("is the person's when another column names the item (the project's title): the rows are applications", () => {
    expect(mapped(['Name', 'Organisation', 'Project title', 'Project description']).contactName).toEqual(['Name']);
    expect(mapped(['Nombre', 'Institución', 'Título del proyecto', 'Descripción del proyecto']).contactName).toEqual(['Nombre']);
    expect(mapped(['Nom', 'Structure', 'Titre du projet', 'Description']).contactName).toEqual(['Nom']);
  });
});

describe('a group asked again for each person (lead applicant, partners, team members)', () => {
  it("the first person's organisation is the application's when the form asks it nowhere else", () => {
    expect(mapped(['Project title', 'Description', 'Name', 'Organisation', 'Email', 'Name', 'Organisation', 'Email']).organization).toEqual(['Organisation', 'Organisation']);
    expect(mapped(['Project title', 'Lead partner name', 'Organisation', 'Email', 'Partner name', 'Organisation', 'Email']).organization).toEqual(['Organisation', 'Organisation']);
    expect(mapped(['Titre du projet', 'Nom', 'Structure', 'Téléphone', 'Nom', 'Structure', 'Téléphone']).organization).toEqual(['Structure', 'Structure']);
  });

  it('a branch of a form asking the same questions again keeps its title and description', () => {
    const branches = ['Timestamp', 'Applying as', 'Organisation name', 'Project title', 'Project description', 'Email', 'Project title', 'Project description', 'Email'];
    expect(mapped(branches).title).toEqual(['Project title', 'Project title']);
    expect(mapped(branches).description).toEqual(['Project description', 'Project description']);
  });

  it("referees' organisations stay theirs beside the applicant's own, asked once", () => {
    expect(mapped(['Name', 'Email', 'Organisation', 'Referee name', 'Referee organisation', 'Referee email', 'Referee name', 'Referee organisation', 'Referee email']).organization).toEqual(['Organisation']);
  });
});

describe('a group asked again under numbers ("Degree 1, Institution 1", "Degree 2, Institution 2")', () => {
  it('numbered copies of a group are the same group: no degree\'s institution or employer is the organisation', () => {
    expect(mapped(['Name', 'Email', 'Degree 1', 'Institution 1', 'Year 1', 'Degree 2', 'Institution 2', 'Year 2'])).not.toHaveProperty('organization');
    expect(mapped(['Nome', 'E-mail', 'Curso (1)', 'Instituição (1)', 'Ano (1)', 'Curso (2)', 'Instituição (2)', 'Ano (2)'])).not.toHaveProperty('organization');
    expect(mapped(['Name', 'Email', 'Employer 1', 'Position 1', 'Employer 2', 'Position 2'])).not.toHaveProperty('organization');
  });

  it("the applicant's own unnumbered institution before the numbered degrees stays the organisation", () => {
    expect(mapped(['Name', 'Email', 'Institution', 'Degree 1', 'Institution 1', 'Degree 2', 'Institution 2']).organization).toEqual(['Institution']);
  });

  it('one question asked again side by side is no group: every copy is read, as before', () => {
    expect(mapped(['Organisation', 'Email', 'Description', 'Description', 'Description']).description).toEqual(['Description', 'Description', 'Description']);
  });
});

describe("an attendee's number in English, as in French", () => {
  it('Eventbrite\'s "Attendee #" (its French "N° de participant"), "Participant number" are the row\'s number', () => {
    const eventbrite = ['Order #', 'Order Date', 'First Name', 'Last Name', 'Email', 'Quantity', 'Ticket Type', 'Attendee #', 'Attendee Status'];
    expect(mapped(eventbrite).externalId).toEqual(['Attendee #']);
    expect(mapped(['Participant number', 'Name', 'Email']).externalId).toEqual(['Participant number']);
    expect(mapped(['Attendee number', 'Name', 'Email']).externalId).toEqual(['Attendee number']);
  });

  it('a trailing "#" is the word number: "Phone #" is the phone; an order\'s or a ticket\'s number is no application\'s', () => {
    expect(mapped(['Name', 'Email', 'Phone #']).phone).toEqual(['Phone #']);
    expect(mapped(['Order #', 'Name', 'Email', 'Ticket #'])).not.toHaveProperty('externalId');
    expect(mapped(['Organisation', 'Email', 'Number of participants'])).not.toHaveProperty('externalId');
    expect(mapped(['Organisation', 'Email', 'Participant number of the lead partner'])).not.toHaveProperty('externalId');
  });
});

describe('a name asked in block letters', () => {
  it('"Name (BLOCK CAPITALS)", "Nom (en lettres capitales)", "Nome (em letra de forma)", "Nombre (en letra de imprenta)" are the name', () => {
    for (const h of ['Name (BLOCK CAPITALS)', 'Full name in block letters', 'Nom (en lettres capitales)', 'NOM en lettres d’imprimerie', 'Nome (em letra de forma)', 'Nombre (en letra de imprenta)', 'Nombre (letra de molde)']) {
      expect(mapped(['Timestamp', h, 'Email']).contactName, h).toEqual([h]);
    }
  });

  it('an administrative block is no writing instruction: "Block name" names no person', () => {
    expect(mapped(['Timestamp', 'District', 'Block name', 'Email'])).not.toHaveProperty('contactName');
  });
});

describe("a bare name beside a person's age, gender, birth date or nationality", () => {
  it('is the person\'s: rows with an age or a gender are people, whatever they describe', () => {
    expect(mapped(['Name', 'Gender', 'Age', 'Country', 'Description of your idea']).contactName).toEqual(['Name']);
    expect(mapped(['Nom', 'Sexe', 'Date de naissance', 'Description du projet']).contactName).toEqual(['Nom']);
    expect(mapped(['Nombre', 'Fecha de nacimiento', 'Descripción']).contactName).toEqual(['Nombre']);
    expect(mapped(['Name', 'Nationality', 'Description']).contactName).toEqual(['Name']);
  });

  it("a thing's date or its beneficiaries' ages are no person's", () => {
    expect(mapped(['Name', 'Date', 'Description', 'Website'])).not.toHaveProperty('contactName');
    expect(mapped(['Name', 'Target age group', 'Description'])).not.toHaveProperty('contactName');
  });
});

describe("an order's date beside the form's own timestamp", () => {
  it("a form tool's timestamp is when the form was sent; an order date names the field only when nothing else does", () => {
    expect(mapped(['Timestamp', 'Organisation', 'Email', 'Order date']).submittedAt).toEqual(['Timestamp']);
    expect(mapped(['Horodateur', 'Nom', 'E-mail', 'Date de la commande']).submittedAt).toEqual(['Horodateur']);
    expect(mapped(['Marca temporal', 'Nombre', 'Correo', 'Fecha del pedido']).submittedAt).toEqual(['Marca temporal']);
  });
});

describe('Portuguese "atual" (current), as "current", "actuel", "actual"', () => {
  it('"Empregador atual", "Instituição atual" are the organisation, "País atual" the country', () => {
    expect(mapped(['Nome', 'E-mail', 'Empregador atual']).organization).toEqual(['Empregador atual']);
    expect(mapped(['Nome', 'E-mail', 'Instituição atual']).organization).toEqual(['Instituição atual']);
    expect(mapped(['Nome', 'E-mail', 'País atual']).country).toEqual(['País atual']);
  });
});

describe('the same questions asked again in a later section, for a partner', () => {
  it("the lead's organisation, asked before the project's questions and again for the partner, is still read", () => {
    expect(mapped(['Name', 'Email', 'Organisation', 'Country', 'Project title', 'Partner name', 'Organisation', 'Country']).organization).toEqual(['Organisation', 'Organisation']);
    expect(mapped(['Name', 'Email', 'Organisation', 'Website', 'Project title', 'Partner organisation', 'Organisation', 'Website']).website).toEqual(['Website', 'Website']);
  });

  it('a list asked in a row (each degree after the last) is still no organisation', () => {
    expect(mapped(['Name', 'Email', 'Degree', 'Institution', 'Year', 'Degree', 'Institution', 'Year', 'Project title'])).not.toHaveProperty('organization');
  });

  it('questions numbered by the form ("1. Reference", "9. Reference") are no numbered series', () => {
    expect(mapped(['1. Reference', '2. Organisation', '3. Email', '9. Reference']).externalId).toEqual(['1. Reference']);
  });
});

describe('a list whose items are parted by columns with no header', () => {
  it('is still a list: "Degree 1, Institution 1, (blank), Degree 2, Institution 2" names no organisation', () => {
    expect(mapped(['Name', 'Email', 'Degree 1', 'Institution 1', '', 'Degree 2', 'Institution 2', ''])).not.toHaveProperty('organization');
  });
});
