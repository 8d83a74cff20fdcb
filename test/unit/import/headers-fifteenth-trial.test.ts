import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

// The fifteenth trial's rules, and the known misses it mended, tried on wordings beyond its files.
describe("another account's email address", () => {
  it("written with the field's phrase, gives way to the form tool's own email column and is no fallback", () => {
    for (const h of ['ChatGPT email address', 'GitHub email address', 'Your Slack e-mail address', 'Dirección de correo electrónico de GitHub']) {
      const head = h.startsWith('Dirección') ? ['Marca temporal', 'Dirección de correo electrónico'] : ['Timestamp', 'Email Address'];
      expect(mapped([...head, 'Name', h, 'Organisation']).email, h).toEqual([head[1]]);
    }
  });

  it("still comes first where its words name the applicant's side, or where it is the file's only email", () => {
    expect(mapped(['Timestamp', 'Email Address', 'Name', 'Organisation email address']).email?.[0]).toBe('Organisation email address');
    expect(mapped(['Timestamp', 'Email Address', 'Name', 'Contact person email address']).email?.[0]).toBe('Contact person email address');
    expect(mapped(['Timestamp', 'Name', 'ChatGPT email address']).email).toEqual(['ChatGPT email address']);
  });
});

describe('the Spanish "o" between two answers', () => {
  it('offers the organisation beside its department, as "or", "ou" and a slash do', () => {
    for (const h of ['Empresa o departamento', 'Institución o unidad', 'Entidad o división']) {
      expect(mapped(['Nombre', 'Correo', h]).organization, h).toEqual([h]);
    }
  });

  it('is not the Portuguese article after a verb or a question word', () => {
    for (const h of ['Qual o departamento da empresa?', 'Informe o departamento da empresa', 'Departamento de la empresa']) {
      expect(mapped(['Nome', 'Email', h]), h).not.toHaveProperty('organization');
    }
  });
});

describe('a judging grid without marks', () => {
  it('holds ratings in each criterion, "Structure" included, in any of the four languages', () => {
    expect(mapped(['Timestamp', 'Name', 'Email', 'Project title', 'Structure', 'Clarity', 'Originality'])).not.toHaveProperty('organization');
    expect(mapped(['Nom', 'Courriel', 'Titre du projet', 'Clarté', 'Structure', 'Pertinence', 'Total'])).not.toHaveProperty('organization');
    expect(mapped(['Nombre', 'Correo', 'Estructura', 'Claridad', 'Originalidad'])).not.toHaveProperty('organization');
  });

  it('needs three criteria side by side: one "Structure" among questions is the organisation', () => {
    expect(mapped(['N°', 'Pays', 'Structure', 'Contact', 'Tel/WhatsApp', 'Observations']).organization).toEqual(['Structure']);
    expect(mapped(['Nom', 'Prénom', 'Structure', 'Clarté', 'Pays']).organization).toEqual(['Structure']);
    expect(mapped(['Nom', 'Courriel', 'Structure', 'Pertinence du projet', 'Originalité du projet', 'Clarté du projet']).organization).toEqual(['Structure']);
  });
});

describe("an event platform's guest id", () => {
  it('is the row\'s id as the whole header ("api_id"), nothing inside a question', () => {
    expect(mapped(['api_id', 'name', 'email', 'approval_status']).externalId).toEqual(['api_id']);
    expect(mapped(['Product', 'API ID of the service you use', 'email'])).not.toHaveProperty('externalId');
  });
});
