import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';
import { caseFile, importCase } from './support.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

// Headers from a tenth trial on unseen exports (Typeform in English and Spanish, French and
// Spanish Google Forms, a school district's hand-over form, a Moodle list) and a known fault:
// a form's bare "Email" (the applicant's) lost to a co-applicant's email column. Each case is a
// general wording, not one file's.
describe("another person's email beside the applicant's", () => {
  it('a bare "Email" is the applicant\'s, never a co-applicant\'s or a second contact\'s column, not even as a fallback', () => {
    for (const other of ['Co-applicant email', "Co-applicant's email", 'Coapplicant email', 'Joint applicant email', 'Second contact email', 'Email of the second contact person', 'Email (contact 2)', 'Other contact person email']) {
      expect(mapped(['Organisation', 'Email', other]).email, other).toEqual(['Email']);
    }
  });

  it('in French, Spanish and Portuguese too', () => {
    expect(mapped(['Organisme', 'Courriel', 'Courriel du second contact']).email).toEqual(['Courriel']);
    expect(mapped(['Organisme', 'Adresse e-mail', 'E-mail du co-porteur']).email).toEqual(['Adresse e-mail']);
    expect(mapped(['Organización', 'Correo electrónico', 'Correo electrónico del co-solicitante']).email).toEqual(['Correo electrónico']);
    expect(mapped(['Organización', 'Correo', 'Correo del contacto adicional']).email).toEqual(['Correo']);
    expect(mapped(['Organização', 'E-mail', 'E-mail do outro contato']).email).toEqual(['E-mail']);
  });

  it("nor their name or phone: the co-applicant's are not the contact's", () => {
    const m = mapped(['Organisation', 'Email', 'Name', 'Phone', 'Co-applicant name', 'Co-applicant phone']);
    expect(m.contactName).toEqual(['Name']);
    expect(m.phone).toEqual(['Phone']);
    expect(mapped(['Organisation', 'Email', 'Contacto 2'])).not.toHaveProperty('contactName');
  });

  it('a confirmation of the address ("Confirm email", "Confirmez votre email", "Repeat email") comes after the plain "Email", as its fallback', () => {
    for (const h of ['Confirm email', 'Confirmez votre email', 'Repeat email', 'Confirme seu e-mail', 'Please enter your email again']) {
      expect(mapped(['Name', 'Email', h]).email, h).toEqual(['Email', h]);
    }
    expect(mapped(['Name', 'Confirm email', 'Email']).email).toEqual(['Email', 'Confirm email']);
  });

  it("the applicant's other address or number stays theirs: the ordinal qualifies the field, or the contact details", () => {
    expect(mapped(['Organisation', 'Email', 'Alternative email']).email).toEqual(['Email', 'Alternative email']);
    expect(mapped(['Organisation', 'Email', 'Email (secondary)']).email).toEqual(['Email', 'Email (secondary)']);
    expect(mapped(['Organisation', 'Email', 'Alternate contact number']).phone).toEqual(['Alternate contact number']);
    expect(mapped(['Organisation', 'Email', 'Second contact no.']).phone).toEqual(['Second contact no.']);
    // a question's number is no ordinal
    expect(mapped(['Organisation', '2. Contact person email']).email).toEqual(['2. Contact person email']);
  });

  it("the applicant's own other address (after a possessive) is the fallback; another applicant's is not", () => {
    for (const own of ["Applicant's other email", 'Applicant’s secondary email', "Contact person's second email", "Applicant's alternative email"]) {
      expect(mapped(['Organisation', 'Email', own]).email, own).toEqual(['Email', own]);
    }
    for (const other of ["Other applicant's email", "Second applicant's email", "Co-applicant's other email", "Second contact's email"]) {
      expect(mapped(['Organisation', 'Email', other]).email, other).toEqual(['Email']);
    }
  });

  it("the possessive left out ('Applicant other email', 'Applicants other email') is still the applicant's own other address; a number still counts applicants", () => {
    for (const own of ['Applicant other email', 'Applicants other email', 'Contact person alternative email']) {
      expect(mapped(['Organisation', 'Email', own]).email, own).toEqual(['Email', own]);
    }
    for (const other of ['Applicant 2 email', 'Other applicant email', 'Email applicant other', 'Second contact email']) {
      expect(mapped(['Organisation', 'Email', other]).email, other).toEqual(['Email']);
    }
  });

  it("the applicant's other phone ('Alternative phone', 'Other phone', 'Teléfono alternativo', 'Autre téléphone') is the phone's fallback; a co-applicant's or an emergency contact's is not", () => {
    for (const own of ['Alternative phone', 'Other phone', 'Teléfono alternativo', 'Autre téléphone', 'Secondary phone']) {
      expect(mapped(['Organisation', 'Email', 'Phone', own]).phone, own).toEqual(['Phone', own]);
    }
    for (const other of ['Co-applicant phone', 'Emergency contact phone', 'Other applicant phone', 'Phone (contact 2)']) {
      expect(mapped(['Organisation', 'Email', 'Phone', other]).phone, other).toEqual(['Phone']);
    }
  });

  it('an import takes the other phone only where the main phone cell is empty', async () => {
    const csv = 'Organisation,Email,Phone,Autre téléphone\n'
      + 'Acme Training,ana@example.org,+33 1 23 45 67 89,+33 6 11 22 33 44\n'
      + 'Beta Skills,carla@example.org,,+33 6 55 66 77 88\n';
    const c = await importCase(caseFile('other-phone.csv', csv));
    const byOrganization = Object.fromEntries(c.apps.map((a) => [a.organization, a.phone]));
    expect(byOrganization['Acme Training']).toMatch(/23 ?45 ?67 ?89/);
    expect(byOrganization['Beta Skills']).toMatch(/55 ?66 ?77 ?88/);
    expect(c.report.rows).toBe(2);
  });

  it("an import takes the applicant's other address only where the main cell is empty, never a co-applicant's", async () => {
    const csv = "Organisation,Email,Applicant's other email,Co-applicant email\n"
      + 'Acme Training,ana@example.org,ana.home@example.org,ben@example.org\n'
      + 'Beta Skills,,carla.home@example.org,dan@example.org\n'
      + 'Gamma Works,,,eve@example.org\n';
    const c = await importCase(caseFile('other-email.csv', csv));
    const byOrganization = Object.fromEntries(c.apps.map((a) => [a.organization, a.email]));
    expect(byOrganization['Acme Training']).toBe('ana@example.org');
    expect(byOrganization['Beta Skills']).toBe('carla.home@example.org');
    // a row with neither of the applicant's addresses does not take the co-applicant's
    expect(c.apps.map((a) => a.email)).not.toContain('eve@example.org');
    expect(c.report.rows).toBe(3);
  });

  it('an import stores the applicant\'s address, whatever the co-applicant\'s column holds', async () => {
    const csv = 'Organisation,Email,Co-applicant name,Co-applicant email\n'
      + 'Acme Training,ana@example.org,Ben Roe,ben@example.org\n'
      + 'Beta Skills,carla@example.org,Dan Poe,dan@example.org\n';
    const c = await importCase(caseFile('co-applicants.csv', csv));
    expect(c.apps.map((a) => a.email).sort()).toEqual(['ana@example.org', 'carla@example.org']);
    expect(c.apps.map((a) => a.contactName)).toEqual([null, null]);
    // the report says what it knows: the column is named as a form tool names its own, nothing more
    expect(c.report.files[0].columns).toEqual({ organization: ['Organisation'], email: ['Email'] });
    expect(c.report.files[0].fields.email.evidence).toBe('named as a form tool names its own column');
    expect(c.report.files[0].unmappedColumns).toEqual(['Co-applicant name', 'Co-applicant email']);
  });
});

describe("a form tool's own columns", () => {
  it('Typeform\'s closing "Tags" (in English and Spanish exports) are the tool\'s labels on responses, not the categories the applicant chose', () => {
    const english = mapped(['#', 'Organisation', 'Email', 'Response Type', 'Start Date (UTC)', 'Stage Date (UTC)', 'Submit Date (UTC)', 'Network ID', 'Tags']);
    expect(english).not.toHaveProperty('selfCategories');
    expect(english.externalId).toEqual(['#']);
    expect(mapped(['Organización', 'Correo', 'Submit Date (UTC)', 'Tags'])).not.toHaveProperty('selfCategories');
  });

  it('a "Tags" question of a plain list, or after a list\'s own "Email", is still the categories', () => {
    expect(mapped(['Organisation', 'Email', 'Tags']).selfCategories).toEqual(['Tags']);
    expect(mapped(['Organisation', 'Tags', 'Email']).selfCategories).toEqual(['Tags']);
    // a Google Form's first question after its "Timestamp": the tool's closing columns are at the end
    expect(mapped(['Timestamp', 'Tags', 'Name', 'Email']).selfCategories).toEqual(['Tags']);
  });
});

describe("the form's sender, named by a clause", () => {
  it('a form about someone else (a child) names its sender at the end: those columns are the contact, the organisation and the phone', () => {
    const m = mapped([
      'Timestamp', 'Email Address', 'Student Name (Last, First)', 'Student Name (Last, First)', 'Parent or Guardian Name:', 'Parent or Guardian Phone Number:',
      'Name of the individual who submitted this form: ', 'School name of the individual who submitted this form: ', 'Phone number of the individual who submitted this form: ',
    ]);
    expect(m.contactName).toEqual(['Name of the individual who submitted this form: ']);
    expect(m.organization).toEqual(['School name of the individual who submitted this form: ']);
    expect(m.phone).toEqual(['Phone number of the individual who submitted this form: ']);
    expect(m.email).toEqual(['Email Address']);
  });

  it('in French, Spanish and Portuguese: "qui remplit", "quien diligencia", "quem preencheu"', () => {
    expect(mapped(['Nom du participant', 'Nom de la personne qui remplit ce formulaire', 'Courriel']).contactName).toEqual(['Nom de la personne qui remplit ce formulaire']);
    expect(mapped(['Marca temporal', 'NOMBRE COMPLETO DE QUIEN DILIGENCIA LA FICHA', 'Nombre completo del participante']).contactName).toEqual(['NOMBRE COMPLETO DE QUIEN DILIGENCIA LA FICHA']);
    expect(mapped(['Nome do aluno', 'Nome completo de quem preencheu o formulário', 'E-mail']).contactName).toEqual(['Nome completo de quem preencheu o formulário']);
  });

  it('a form that names its contact apart from whoever typed it (an assistant): the contact is the named one, the sender comes last', () => {
    const m = mapped(['Organisation', 'Name of the person completing this form', 'Email of the person completing this form', 'Name of the project lead / contact person', 'Email of the project lead / contact person']);
    expect(m.contactName).toEqual(['Name of the project lead / contact person']);
    expect(m.email).toEqual(['Email of the project lead / contact person']);
    expect(m).not.toHaveProperty('title');
    expect(mapped(['Organisation', 'Name of the person completing this form', 'Name of the project lead / contact person', 'Email']).contactName).toEqual(['Name of the project lead / contact person']);
    expect(mapped(['Organización', 'Nombre de quien diligencia el formulario', 'Nombre del representante legal', 'Correo']).contactName).toEqual(['Nombre del representante legal']);
    expect(mapped(['Organisme', 'Nom de la personne qui remplit ce formulaire', 'Nom du responsable du projet', 'Courriel']).contactName).toEqual(['Nom du responsable du projet']);
    // alone, the sender is still read
    expect(mapped(['Organisation', 'Email of the person completing this form', 'Name of the person completing this form']).contactName).toEqual(['Name of the person completing this form']);
  });

  it('"Name of the project lead", "Nom du responsable du projet" name a person, not the project', () => {
    for (const h of ['Name of the project lead', 'Project lead', 'Nom du responsable du projet', 'Nombre del responsable del proyecto', 'Nome do responsável pelo projeto']) {
      const m = mapped(['Organisation', h, 'Email']);
      expect(m.contactName, h).toEqual([h]);
      expect(m, h).not.toHaveProperty('title');
    }
    expect(mapped(['Organisation', 'Project lead organisation', 'Email'])).not.toHaveProperty('contactName');
  });

  it('a clause about other people who completed something ("Names of students who completed the program") names no sender', () => {
    expect(mapped(['Organisation', 'Name', 'Email', 'Names of students who completed the program']).contactName).toEqual(['Name']);
    expect(mapped(['Organisation', 'Name', 'Email', 'Name of the employer who completes the evaluation']).organization).toEqual(['Organisation']);
    expect(mapped(['Organización', 'Nombre', 'Correo', 'Nombre de la empresa que completa el programa']).organization).toEqual(['Organización']);
    // a person noun or the form's name still makes it the sender
    expect(mapped(['Student Name', 'Name of the person who completed the evaluation', 'Email']).contactName).toEqual(['Name of the person who completed the evaluation']);
  });

  it('"Phone number of …" is a phone, not a count ("number of")', () => {
    expect(mapped(['Organisation', 'Email', 'Phone number of the contact person']).phone).toEqual(['Phone number of the contact person']);
    expect(mapped(['Organisation', 'Email', 'Number of staff'])).not.toHaveProperty('phone');
  });

  it("a bare \"School\" or \"School name\" is the applicant's school; a question that merely mentions a school is not", () => {
    expect(mapped(['Name', 'Email', 'School']).organization).toEqual(['School']);
    expect(mapped(['Nom', 'Courriel', "Nom de l'école"]).organization).toEqual(["Nom de l'école"]);
    expect(mapped(['Name', 'Email', 'If you answered yes to the above question, what was the name of the school and location?'])).not.toHaveProperty('organization');
  });
});

describe('a motivation statement and a member', () => {
  it('a bare "Motivation", "motivo", "Lettre de motivation" is the application\'s description; a reason asked about something else is not', () => {
    for (const h of ['Motivation', 'motivo', 'Motivación', 'Lettre de motivation', 'Carta de motivación', 'Motivation letter']) {
      expect(mapped(['Nom', 'Email', h]).description, h).toEqual([h]);
    }
    expect(mapped(['Nom', 'Email', 'Motivo de si/no trabaja'])).not.toHaveProperty('description');
    expect(mapped(['Nom', 'Email', 'What motivated you to start your company?'])).not.toHaveProperty('description');
  });

  it('"member_name", "Nombre del miembro" name the member who registers; a team member numbered among others does not', () => {
    expect(mapped(['member_name', 'team_name', 'email_address']).contactName).toEqual(['member_name']);
    expect(mapped(['Nombre del miembro', 'Correo']).contactName).toEqual(['Nombre del miembro']);
    expect(mapped(['Submitter First Name', 'Submitter Email', 'Team Member 1 First Name', 'Team Member 1 Email']).firstName).toEqual(['Submitter First Name']);
  });
});

describe("a learner's or participant's \"Contact\"", () => {
  it('"Contact de l\'apprenant" beside the email holds phone numbers: the cells make it the phone, and no contact name', async () => {
    const csv = "Horodateur,Nom de l'apprenant,Prénoms de l'apprenant,Contact de l'apprenant,Email de l'apprenant,Nom du centre de formation\n"
      + '12/03/2026 10:00:00,Exemple,Awa,+229 97 00 00 01,awa@example.org,Centre Exemple\n'
      + '13/03/2026 11:00:00,Exemple,Koffi,+229 97 00 00 02,koffi@example.org,CFA Exemple\n'
      + '14/03/2026 09:30:00,Modèle,Afi,+229 97 00 00 03,afi@example.org,Centre Exemple\n';
    const c = await importCase(caseFile('apprenants.csv', csv));
    expect(c.report.files[0].columns.phone).toEqual(["Contact de l'apprenant"]);
    expect(c.report.files[0].fields.phone.evidence).toMatch(/contact.*phone numbers/);
    expect(c.apps.map((a) => a.phone).filter(Boolean)).toHaveLength(3);
  });
});

describe('whole-header stand-ins lose to any other column naming the field', () => {
  it('an innovation\'s description beats a "Motivation", an organisation a "School", a thematic area "Skills", the tool\'s timestamp a "Date requested"', () => {
    expect(mapped(['Name', 'Email', 'Brief description of the innovation', 'Motivation']).description).toEqual(['Brief description of the innovation']);
    expect(mapped(['Nom', 'Email', 'Lettre de motivation', 'Résumé du projet']).description).toEqual(['Résumé du projet']);
    expect(mapped(['Name', 'School', 'Name of the organisation you represent']).organization).toEqual(['Name of the organisation you represent']);
    expect(mapped(['Nom', 'École', 'Structure']).organization).toEqual(['Structure']);
    expect(mapped(['Name', 'Email', 'Thematic area of your project', 'Skills']).selfCategories).toEqual(['Thematic area of your project']);
    expect(mapped(['Timestamp', 'Name', 'Email', 'Date requested']).submittedAt).toEqual(['Timestamp']);
    expect(mapped(['Marca temporal', 'Nombre', 'Correo', 'Date de la demande']).submittedAt).toEqual(['Marca temporal']);
  });
});

describe('a rating on a scale, a length note', () => {
  it('"Motivation (1-5)", "Motivación (de 1 a 5)", "Skills (1 = low, 5 = high)" rate on a scale: no description, no categories; "Score (0-100)" stays the score', () => {
    for (const h of ['Motivation (1-5)', 'Motivation (1 to 5)', 'Motivación (de 1 a 5)', 'Motivation (sur 10)', 'Motivation /5', 'Skills (1 = low, 5 = high)', 'Description (0-10)']) {
      expect(Object.keys(mapped(['Name', 'Email', h])).sort(), h).toEqual(['contactName', 'email']);
    }
    expect(mapped(['Name', 'Email', 'Score (0-100)']).score).toEqual(['Score (0-100)']);
    expect(mapped(['Name', 'Email', 'Beneficiaries (children 0-5 years)']).beneficiaries).toEqual(['Beneficiaries (children 0-5 years)']);
  });

  it('"Description (max 500 words)", "Description (500 mots maximum)", "Descripción (máximo 300 palabras)": a length note leaves the field named', () => {
    for (const h of ['Description (max 500 words)', 'Description (500 mots maximum)', 'Descripción (máximo 300 palabras)', 'Description (limit: 2000 characters)']) {
      expect(mapped(['Name', 'Email', h]).description, h).toEqual([h]);
    }
  });

  it('an import stores no rating as the description', async () => {
    const csv = 'Organisation,Name,Email,Motivation (1-5)\n'
      + 'Acme Training,Ana Roe,ana@example.org,4\nBeta Skills,Ben Poe,ben@example.org,5\nGamma Centre,Carla Doe,carla@example.org,3\n';
    const c = await importCase(caseFile('ratings.csv', csv));
    expect(c.apps.map((a) => a.description)).toEqual([null, null, null]);
    expect(c.report.files[0].unmappedColumns).toEqual(['Motivation (1-5)']);
  });
});

describe('bare headers of lists kept by web apps', () => {
  it('"topics", "competences", "Skills" alone are the categories the applicant picks; inside a longer question they are not', () => {
    for (const h of ['topics', 'competences', 'Compétences', 'Competencias', 'Skills']) {
      expect(mapped(['name', 'email', h]).selfCategories, h).toEqual([h]);
    }
    expect(mapped(['name', 'email', 'Skills required'])).not.toHaveProperty('selfCategories');
    expect(mapped(['name', 'email', 'social skills'])).not.toHaveProperty('selfCategories');
  });

  it('a "Skills" column of sentences (a free-text question) fills no categories with prose; a list of skills still does', async () => {
    const prose = 'Name,Email,Organisation,Skills\n'
      + 'Ana Roe,ana@example.org,Acme Training,"Participants will learn to repair solar panels and manage a small workshop, including bookkeeping."\n'
      + 'Ben Poe,ben@example.org,Beta Skills,"Young women gain digital skills such as coding and web design through a six-month bootcamp."\n'
      + 'Carla Doe,carla@example.org,Gamma Centre,"Farmers learn climate-smart agriculture techniques and cooperative management over twelve weeks."\n';
    const c = await importCase(caseFile('skills-prose.csv', prose));
    expect(c.apps.map((a) => a.selfCategories)).toEqual([[], [], []]);
    expect(c.report.files[0].unmappedColumns).toEqual(['Skills']);
    expect(c.report.files[0].notUsed[0].holds).toMatch(/sentences/);
    const list = 'Name,Email,Organisation,Skills\n'
      + 'Ana Roe,ana@example.org,Acme Training,"Solar repair, bookkeeping, customer service, welding, electrical safety, first aid, teamwork, planning"\n'
      + 'Ben Poe,ben@example.org,Beta Skills,"Coding, web design"\n'
      + 'Carla Doe,carla@example.org,Gamma Centre,"Climate-smart agriculture, cooperative management"\n';
    const d = await importCase(caseFile('skills-list.csv', list));
    expect(d.report.files[0].columns.selfCategories).toEqual(['Skills']);
  });

  it('"date_requested", "Request date", "Date de la demande" are the submission date of a request log', () => {
    for (const h of ['date_requested', 'Request date', 'Date de la demande']) {
      expect(mapped(['name', 'email', h]).submittedAt, h).toEqual([h]);
    }
  });
});
