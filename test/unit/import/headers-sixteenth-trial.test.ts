import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

// The known misses of the fifteenth trial's files, mended as general rules, on wordings beyond them.
describe('two words side by side with a slash in one phrase', () => {
  it('are read as either phrase when the phrase as written names nothing ("Nome do Grupo / Escola")', () => {
    expect(mapped(['Carimbo de data/hora', 'Endereço de e-mail', 'Nome do Grupo / Escola']).organization).toEqual(['Nome do Grupo / Escola']);
    expect(mapped(['Timestamp', 'Email', 'Group/School name']).organization).toEqual(['Group/School name']);
  });

  it('are not read apart where a rule ruled the phrase out ("Quel était le nom de votre entreprise / projet ?": a past organisation, no title)', () => {
    expect(mapped(['Horodateur', 'Email', 'Quel était le nom de votre entreprise / projet ?'])).not.toHaveProperty('title');
    expect(mapped(['Horodateur', 'Email', 'Quel était le nom de votre entreprise / projet ?'])).not.toHaveProperty('organization');
  });

  it('name no person when the two words are roles ("Team Leader/Member" asks which one the person is)', () => {
    expect(mapped(['Name', 'Email', 'Team Leader/Member']).contactName).toEqual(['Name']);
    expect(mapped(['Email', 'Team Leader/Member'])).not.toHaveProperty('contactName');
  });

  it('leave a phrase that names a field as it is ("Nom / Prénom" is the whole name)', () => {
    expect(mapped(['Email', 'Nom / Prénom']).contactName).toEqual(['Nom / Prénom']);
  });
});

describe("a phone's kind after an abbreviated Tel", () => {
  it('is the applicant\'s home or mobile phone ("TelRes", "TelCel", "Tel. comercial")', () => {
    for (const h of ['TelRes', 'TelCel', 'Tel cel', 'Tel residencial', 'Tel. comercial']) {
      expect(mapped(['Nome', 'Email', h]).phone, h).toEqual([h]);
    }
  });
});

describe('the name of the device a row describes', () => {
  it('is its title as the whole header only', () => {
    for (const h of ['device_name', 'Device name', 'Nombre del dispositivo']) {
      expect(mapped(['contact_name', 'contact_email', h]).title, h).toEqual([h]);
    }
    expect(mapped(['Name', 'Email', 'Name of the device you use most'])).not.toHaveProperty('title');
  });
});

describe("a record's last change", () => {
  it('is the date of the application where no other column dates it', () => {
    for (const h of ['FechaModifica', 'Fecha modificación', 'last_updated', 'Última Atualização', 'Date de modification']) {
      expect(mapped(['Nombre', 'Correo', h]).submittedAt, h).toEqual([h]);
    }
  });

  it('gives way to any column that dates the submission, and is no fallback', () => {
    expect(mapped(['Timestamp', 'Email', 'Last updated']).submittedAt).toEqual(['Timestamp']);
    expect(mapped(['Nombre', 'Correo', 'Fecha de registro', 'FechaModifica']).submittedAt).toEqual(['Fecha de registro']);
  });

  it('is who changed it, not when, after "by" ("Updated By", "Last updated by")', () => {
    expect(mapped(['Name', 'Email', 'Updated By'])).not.toHaveProperty('submittedAt');
    expect(mapped(['Name', 'Email', 'Last updated by'])).not.toHaveProperty('submittedAt');
  });

  it('is still no submission date inside a longer header ("Submission last updated" beside nothing else)', () => {
    expect(mapped(['Name', 'Email', 'Submission last updated'])).not.toHaveProperty('submittedAt');
  });
});

describe('the organisation one works at', () => {
  it('is asked with "where you work" ("Empresa o departamento donde trabaja", "Entreprise où vous travaillez")', () => {
    for (const h of ['Empresa o departamento donde trabaja', 'Empresa donde trabaja', 'Empresa onde trabalha', 'Entreprise où vous travaillez']) {
      expect(mapped(['Nombre', 'Correo', h]).organization, h).toEqual([h]);
    }
  });
});

// The rules the sixteenth trial's new files asked for, on wordings beyond them.
describe('a question whether something was sent', () => {
  it('is a yes/no answer, not the date of submission ("Submission Submitted?", "Submitted?")', () => {
    for (const h of ['Submission Submitted?', 'Submitted?', '¿Enviado?']) {
      expect(mapped(['Name', 'Email', h]), h).not.toHaveProperty('submittedAt');
    }
  });

  it('still asks for a date with a word of when ("Date submitted?")', () => {
    expect(mapped(['Name', 'Email', 'Date submitted?']).submittedAt).toEqual(['Date submitted?']);
  });
});

describe('a bare English "Resume"', () => {
  it("is the person's CV in a file that names no proposal's title", () => {
    expect(mapped(['Name', 'Email', 'College', 'Resume', 'Gender'])).not.toHaveProperty('description');
  });

  it('is the summary beside a title, and an accented "Résumé" always is', () => {
    expect(mapped(['Titre', 'Resume', 'Email']).description).toEqual(['Resume']);
    expect(mapped(['Nom', 'Email', 'Résumé']).description).toEqual(['Résumé']);
  });
});

describe("a team's name", () => {
  it('is the organisation where nothing else names one ("Team Name", "team_name", "Nombre del equipo")', () => {
    for (const h of ['Team Name', 'team_name', 'Nombre del equipo', "Nom de l'équipe"]) {
      expect(mapped(['Name', 'Email', h]).organization, h).toEqual([h]);
    }
  });

  it('gives way to any other organisation column, and a bare "team" (a work team) is none', () => {
    expect(mapped(['Name', 'Email', 'Team Name', 'College']).organization).toEqual(['College']);
    expect(mapped(['fullname', 'job', 'team', 'interest'])).not.toHaveProperty('organization');
  });
});

describe('the time of registration', () => {
  it('is the submission date ("Registered At", "Date registered")', () => {
    for (const h of ['Registered At', 'registered_on', 'Date registered']) {
      expect(mapped(['Name', 'Email', h]).submittedAt, h).toEqual([h]);
    }
  });
});

describe('a bare "name" in a directory of organisations', () => {
  it('is the organisation when a column says when it was founded and none asks for a person', () => {
    expect(mapped(['id', 'name', 'class', 'establishment_time', 'address'])).toEqual({ externalId: ['id'], organization: ['name'] });
    expect(mapped(['Nom', 'Année de fondation', 'Adresse']).organization).toEqual(['Nom']);
  });

  it("stays the person's name beside a person's phone or another organisation column", () => {
    expect(mapped(['Name', 'Phone number', 'Year founded']).contactName).toEqual(['Name']);
    expect(mapped(['Name', 'Email', 'Startup name', 'Year founded']).contactName).toEqual(['Name']);
    expect(mapped(['id', 'name', 'address']).contactName).toEqual(['name']);
  });
});

describe("Typeform's newer closing columns", () => {
  it('end the export after its own Tags ("Network ID, Tags, Ending"), which are not the applicant\'s categories', () => {
    const headers = ['#', 'First name', 'Last name', 'Email', 'Country', 'Response Type', 'Start Date (UTC)', 'Stage Date (UTC)', 'Submit Date (UTC)', 'Network ID', 'Tags', 'Ending'];
    const found = mapped(headers);
    expect(found).not.toHaveProperty('selfCategories');
    expect(found.submittedAt?.[0]).toBe('Submit Date (UTC)');
  });

  it("leave a form's own Tags question to the applicant", () => {
    expect(mapped(['#', 'Name', 'Email', 'Tags', 'Response Type', 'Submit Date (UTC)', 'Network ID', 'Tags', 'Ending']).selfCategories).toEqual(['Tags']);
  });
});
