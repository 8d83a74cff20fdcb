import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

// The fourteenth trial's rules tried on wordings its files did not have.
describe('a bare "Total" on a marking sheet', () => {
  it("is the score only right after the marked criteria: a budget's or a count's further along is not", () => {
    expect(mapped(['Name', 'Email', 'Clarity (20)', 'Impact (30)', 'Budget (USD)', 'Total'])).not.toHaveProperty('score');
    expect(mapped(['Name', 'Email', 'Clarity (20)', 'Impact (30)', 'Number of participants', 'Women', 'Men', 'Total'])).not.toHaveProperty('score');
    expect(mapped(['Name', 'Email', 'Clarity (20)', 'Impact (30)', 'Total', 'Budget item', 'Total']).score).toEqual(['Total']);
    expect(mapped(['Name', 'Email', 'Clarity (20)', 'Impact (30)', '', 'Total']).score).toEqual(['Total']);
  });
});

describe("an email question about the applicant's own address", () => {
  it('comes before a tool\'s own column, whatever words say it is theirs to be reached at', () => {
    for (const h of ['Best email to reach you', 'Email for correspondence', 'Email for notifications', 'Seu melhor email', 'University email', 'Student email', 'Adresse mail du porteur']) {
      expect(mapped(['name', 'email', h, 'Organisation']).email, h).toEqual([h]);
    }
  });

  it('comes first where a word about the applicant stands among words of any kind', () => {
    expect(mapped(['Timestamp', 'Email Address', 'Email we will reply to', 'Organisation']).email).toEqual(['Email we will reply to']);
  });

  it("another service's account is still no fallback", () => {
    expect(mapped(['name', 'email', 'Your GitHub email', 'Organisation']).email).toEqual(['email']);
  });
});

describe('a research area', () => {
  it('gives way to a question about the skills categories, and a question mentioning one to the research area itself', () => {
    expect(mapped(['Name', 'Email', 'Research area', 'Which skills category does your innovation address?']).selfCategories).toEqual(['Which skills category does your innovation address?']);
    expect(mapped(['Nombre', 'Correo', 'Área de investigación', 'Categoría']).selfCategories).toEqual(['Categoría']);
    expect(mapped(['Nom', 'Courriel', 'Domaine de recherche', 'Catégorie de compétences']).selfCategories).toEqual(['Catégorie de compétences']);
    expect(mapped(['Sexo', 'Área de pesquisa', 'Email', 'Cite três pesquisadoras de referência para sua área de pesquisa']).selfCategories).toEqual(['Área de pesquisa']);
    expect(mapped(['Name', 'Email', 'What is your research area?']).selfCategories).toEqual(['What is your research area?']);
  });
});

describe("an organisation's department", () => {
  it('names the organisation offered as an alternative to it, not as what the header asks for', () => {
    for (const h of ['Structure / Service', 'Structure/Service', 'Structure ou service', 'Company or department', 'Empresa ou departamento']) {
      expect(mapped(['Nom', 'Courriel', h]).organization, h).toEqual([h]);
    }
    for (const h of ['Company department', 'Department of the organization', 'Departamento de la empresa', 'Service de la structure', 'Organisation unit', 'Qual o departamento da empresa?', 'Où est le service de la structure ?']) {
      expect(mapped(['Nom', 'Courriel', h]), h).not.toHaveProperty('organization');
    }
  });
});

describe('a cover letter beside a summary in other words', () => {
  it('is no description where the summary is the Portuguese "Resumo", the French "Synthèse", the Spanish "Síntesis"', () => {
    expect(mapped(['Nome', 'Email', 'Organização', 'Resumo', 'Carta de apresentação']).description).toEqual(['Resumo']);
    expect(mapped(['Nom', 'Courriel', 'Organisme', 'Synthèse du projet', 'Lettre de motivation']).description).toEqual(['Synthèse du projet']);
    expect(mapped(['Nombre', 'Correo', 'Organización', 'Síntesis', 'Carta de presentación']).description).toEqual(['Síntesis']);
    expect(mapped(['Nom', 'Courriel', 'Organisme', 'Note de synthèse'])).not.toHaveProperty('description');
  });
});

describe('a legal structure', () => {
  it('is the organisation type, not the organisation ("structure" names the organisation alone)', () => {
    for (const h of ['Legal structure', 'Structure juridique', 'Estructura jurídica', 'Estrutura jurídica']) {
      const m = mapped(['Nom', 'Courriel', h]);
      expect(m.organizationType, h).toEqual([h]);
      expect(m, h).not.toHaveProperty('organization');
    }
  });
});
