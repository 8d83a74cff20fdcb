import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

// Headers of real exports from an eighth trial: registration and application lists kept by web
// apps in English, French and Spanish, a data catalogue's Google Form. Each case is a general
// wording, not one file's.
describe('a split name whose given-name column is called plainly "name"', () => {
  it('"name" beside "surname" is the given name, though a form tool names its own column "Name"', () => {
    for (const headers of [
      ['Unique Code', 'name', 'surname', 'email', 'attending'],
      ['Organisation', 'Surname', 'Name', 'Email'],
      ['Nom', 'Prénom', 'Courriel', 'Structure'],
    ]) {
      const m = mapped(headers);
      expect(m.contactName, headers.join(', ')).toBeUndefined();
      expect([...(m.firstName ?? []), ...(m.lastName ?? [])].sort(), headers.join(', ')).toHaveLength(2);
    }
    const m = mapped(['Unique Code', 'name', 'surname', 'email', 'attending']);
    expect(m.firstName).toEqual(['name']);
    expect(m.lastName).toEqual(['surname']);
  });

  it('"Nombre(s)" after both family names ("Apellido paterno", "Apellido materno") is the given names', () => {
    const m = mapped(['Apellido paterno', 'Apellido materno', 'Nombre(s)', 'Clave CCT', 'Pregunta1']);
    expect(m.lastName).toEqual(['Apellido paterno', 'Apellido materno']);
    expect(m.firstName).toEqual(['Nombre(s)']);
    expect(m.contactName).toBeUndefined();
  });

  it("among a form tool's own columns (Microsoft Forms' \"Email, Name\") the tool's \"Name\" stays the respondent's whole name", () => {
    const m = mapped(['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Surname', 'Organisation']);
    expect(m.contactName).toEqual(['Name']);
    expect(m.firstName).toBeUndefined();
  });
});

describe('both Spanish family names', () => {
  it('"Apellido paterno", "Apellido materno", "Primer apellido", "Segundo apellido" are the family name', () => {
    for (const h of ['Apellido paterno', 'Apellido materno', 'Primer apellido', 'Segundo apellido']) {
      expect(mapped(['Organización', 'Correo', h]).lastName, h).toEqual([h]);
    }
  });

  it('side by side, both are the family name: the second is not left out of the contact\'s name', () => {
    expect(mapped(['Nombre', 'Primer apellido', 'Segundo apellido', 'Correo']).lastName).toEqual(['Primer apellido', 'Segundo apellido']);
    // two family-name columns that do not say which is which are no such pair
    expect(mapped(['Apellido', 'Apellido del representante legal', 'Nombre', 'Correo']).lastName).toHaveLength(1);
  });

  it('an import keeps both in the contact name, and one alone when the other is empty', async () => {
    const { run, tempDir, json } = await import('../support/run.js');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const dir = tempDir();
    const file = path.join(dir, 'docentes.csv');
    fs.writeFileSync(file, 'Apellido paterno,Apellido materno,Nombre(s),Correo electrónico,Organización,País\nGarcía,López,María José,mj@example.org,Fundación X,México\nPérez,,Luis,luis@example.org,Escuela Y,México\n');
    const db = path.join(dir, 'a.db');
    expect((await run(['--db', db, 'import', file, '--call', '2024'])).code).toBe(0);
    const names = json<Array<{ contactName: string }>>(await run(['--db', db, 'list', '--json'])).map((a) => a.contactName).sort();
    expect(names).toEqual(['Luis Pérez', 'María José García López']);
  });
});

describe("a row's own identifier", () => {
  it('the ID of the learner, candidate, applicant or registration a list holds is the application ID', () => {
    for (const h of ['apprenant_id', 'id_candidat', 'candidate_id', 'Applicant ID', 'inscription_id', 'Registration ID', 'id_inscripcion', 'ID solicitante']) {
      expect(mapped([h, 'Nom', 'Email']).externalId, h).toEqual([h]);
    }
  });

  it('the first of two such IDs names the row; the other (a learner enrolled several times) is not read', () => {
    const m = mapped(['inscription_id', 'apprenant_id', 'formation_id', 'date_inscription', 'statut']);
    expect(m.externalId).toEqual(['inscription_id']);
  });

  it('a registration\'s unique code is its ID, a postal or country code is not', () => {
    for (const h of ['Unique Code', 'Code unique', 'Código único', 'Registration code', "Code d'inscription", 'Código de inscripción']) {
      expect(mapped([h, 'Name', 'Email']).externalId, h).toEqual([h]);
    }
    for (const h of ['Postal code', 'Country code', 'Code postal', 'Código postal']) {
      expect(mapped([h, 'Name', 'Email']).externalId, h).toBeUndefined();
    }
  });
});

describe("an interview's score", () => {
  it('"score_entretien", "Interview score", "Puntaje de la entrevista" are the score', () => {
    for (const h of ['score_entretien', 'Interview score', 'Puntaje de la entrevista', "Note d'entretien"]) {
      expect(mapped(['Nom', 'Email', h]).score, h).toEqual([h]);
    }
  });
});

describe('the contributor who sent an entry', () => {
  it('"Contributor Name" is the contact name, before a bare "Contact" (the entry\'s own contact)', () => {
    const m = mapped(['Timestamp', 'Data Name', 'Description', 'URL', 'Organization', 'Contact', 'Notes', 'Contributor Email', 'Contributor Name', 'Email Address']);
    expect(m.contactName).toEqual(['Contributor Name']);
    expect(m.email?.[0]).toBe('Contributor Email');
  });

  it('in French and Spanish too; the contributor\'s email is no name', () => {
    expect(mapped(['Contact', 'Nom du contributeur', 'Courriel']).contactName).toEqual(['Nom du contributeur']);
    expect(mapped(['Contacto', 'Nombre del aportante', 'Correo']).contactName).toEqual(['Nombre del aportante']);
    expect(mapped(['Organisation', 'Contributor email']).contactName).toBeUndefined();
  });
});

describe('the groups a problem affects', () => {
  it('"key_group_affected", "Groupes affectés", "Población afectada" are the beneficiaries; how many are affected is a count', () => {
    for (const h of ['key_group_affected', 'Which groups are affected?', 'Groupes affectés', 'Population affectée par le problème', 'Población afectada', 'Grupos afectados']) {
      expect(mapped(['Organisation', 'Email', h]).beneficiaries, h).toEqual([h]);
    }
    expect(mapped(['Organisation', 'Email', 'Number of people affected']).beneficiaries).toBeUndefined();
    expect(mapped(['Organisation', 'Email', 'Nombre de personnes affectées']).beneficiaries).toBeUndefined();
  });
});
