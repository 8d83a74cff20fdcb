import { describe, expect, it } from 'vitest';
import { eitherReading, matchHeaders } from '../../../src/import/headers.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

// The sixteenth trial's rules tried on wordings its files did not have.
describe('an unaccented "Resume" in a file that names no title', () => {
  it('is the summary where the other headers are French (an export that dropped the accents)', () => {
    expect(mapped(['Nom', 'Prenom', 'Email', 'Telephone', 'Resume']).description).toEqual(['Resume']);
    expect(mapped(['Nom', 'Email', 'Structure', 'Resume']).description).toEqual(['Resume']);
    expect(mapped(['Nom de la structure', 'Adresse e-mail', 'RESUME']).description).toEqual(['RESUME']);
  });

  it("is still the person's CV where the file is English", () => {
    expect(mapped(['Name', 'Email', 'Company', 'Resume'])).not.toHaveProperty('description');
    expect(mapped(['Name', 'Email', 'College', 'Resume', 'Graduation Year'])).not.toHaveProperty('description');
  });
});

describe('a bare "name" beside a year of founding', () => {
  it("stays the person's name where another column asks a person's age, gender, birth date or nationality", () => {
    expect(mapped(['Name', 'Gender', 'Age', 'Year business established', 'Sector']).contactName).toEqual(['Name']);
    expect(mapped(['Name', 'Date of birth', 'Year founded']).contactName).toEqual(['Name']);
    expect(mapped(['Nombre', 'Nacionalidad', 'Año de fundación']).contactName).toEqual(['Nombre']);
  });

  it("stays the person's name beside a bare \"Email\" (a form tool's own column as much as a question)", () => {
    expect(mapped(['Name', 'Email', 'Year founded']).contactName).toEqual(['Name']);
    expect(mapped(['Nom', 'Email', 'Année de fondation']).contactName).toEqual(['Nom']);
    expect(mapped(['Name', 'Email Address', 'Founded', 'Sector']).contactName).toEqual(['Name']);
  });

  it('stays the person\'s name beside a yes/no question about a business ("Is your business incorporated?")', () => {
    expect(mapped(['Name', 'City', 'Is your business incorporated?', 'Sector']).contactName).toEqual(['Name']);
  });

  it('is still the organisation in a directory that says when each was founded', () => {
    expect(mapped(['Name', 'Address', 'When was it founded?']).organization).toEqual(['Name']);
    expect(mapped(['name', 'founded', 'country', 'website']).organization).toEqual(['name']);
  });
});

describe("a team's name beside another organisation column", () => {
  it('gives way to a school or an account as well ("Team name, School": the school)', () => {
    expect(mapped(['Name', 'Email', 'Team name', 'School']).organization).toEqual(['School']);
    expect(mapped(['Nombre', 'Correo', 'Nombre del equipo', 'Colegio']).organization).toEqual(['Colegio']);
    expect(mapped(['Nom', 'Email', "Nom de l'équipe", 'École']).organization).toEqual(['École']);
  });

  it('is the organisation where nothing else names one, wherever it stands', () => {
    expect(mapped(['Name', 'Email', 'City', 'Team name']).organization).toEqual(['Team name']);
  });
});

describe('where an organisation was registered', () => {
  it('is no submission date ("Registered in", "Registered with", "Registrado en", "Inscrit à")', () => {
    for (const h of ['Registered in', 'Registered with', 'Registered under', 'Country registered in', 'Registrado en', 'Registrada en', 'Inscrit à', 'Registado em']) {
      expect(mapped(['Name', 'Email', h]), h).not.toHaveProperty('submittedAt');
    }
  });

  it('is no submission date without the "at" or "on" that makes it a moment ("Registered participants", "Registered by", "Registered for")', () => {
    for (const h of ['Registered participants', 'Registered by', 'Registered for', 'Registered', 'Requested']) {
      expect(mapped(['Name', 'Email', h]), h).not.toHaveProperty('submittedAt');
    }
  });

  it('is still the time of registration "at" or "on" it', () => {
    for (const h of ['Registered At', 'Registered on', 'registered_at']) {
      expect(mapped(['Name', 'Email', h]).submittedAt, h).toEqual([h]);
    }
  });
});

describe('a question whether one works in a company', () => {
  it('is a yes/no answer, no organisation ("Vous travaillez dans une entreprise ?", "Trabalha em empresa?")', () => {
    for (const h of ['Vous travaillez dans une entreprise ?', 'Travaillez-vous dans une entreprise ?', 'Trabalha em empresa?', 'Você trabalha em uma empresa?', '¿Trabaja usted en una empresa?']) {
      expect(mapped(['Nom', 'Email', h]), h).not.toHaveProperty('organization');
    }
  });

  it('still names it when it asks which ("Dans quelle entreprise travaillez-vous ?", "Empresa donde trabaja")', () => {
    for (const h of ['Dans quelle entreprise travaillez-vous ?', 'Vous travaillez dans quelle entreprise ?', 'Empresa donde trabaja', '¿En qué empresa trabaja?', 'Empresa onde trabalha']) {
      expect(mapped(['Nom', 'Email', h]).organization, h).toEqual([h]);
    }
  });
});

describe('the two readings of a phrase with a slash', () => {
  it('are the phrase with either word ("Nome do Grupo / Escola"), none for text over several lines', () => {
    expect(eitherReading('Nome do Grupo / Escola')).toEqual(['Nome do Escola', 'Nome do Grupo']);
    expect(eitherReading('Group/School name')).toEqual(['School name', 'Group name']);
    expect(eitherReading('Ville / Pays')).toBeNull();
    expect(eitherReading('group_org/org_name')).toBeNull();
    expect(eitherReading('Nome do Grupo / Escola\n(opcional)')).toBeNull();
  });

  it('are found at once in a header of tens of thousands of characters (a pasted text)', () => {
    const long = `${'a'.repeat(50_000)} b/c`;
    const started = performance.now();
    expect(eitherReading(long)).toEqual([`${'a'.repeat(50_000)} c`, `${'a'.repeat(50_000)} b`]);
    expect(eitherReading(`${'a'.repeat(50_000)} /`)).toBeNull();
    expect(performance.now() - started).toBeLessThan(500);
  });
});
