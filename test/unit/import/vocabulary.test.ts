import { describe, expect, it } from 'vitest';
import { canonicalTerm } from '../../../src/import/vocabulary.js';
import { RowNormaliser } from '../../../src/import/normalise.js';
import { matchHeaders } from '../../../src/import/headers.js';

describe('shared vocabulary for organisation types and beneficiaries', () => {
  it.each([
    ['NGO', 'NGO'], ['ONG', 'NGO'], ['Organización no gubernamental', 'NGO'], ['ong', 'NGO'],
    ['Cooperative', 'Cooperative'], ['Coopérative', 'Cooperative'], ['Cooperativa', 'Cooperative'],
    ['Syndicat', "Workers' organization"], ['Organisation d’employeurs', "Employers' organization"],
    ['Université', 'Academic institution'], ['  Entreprise sociale ', 'Social enterprise'],
    // how TVET institutions call themselves in French and Spanish forms
    ['Établissement de FTP', 'Training provider'], ['Institution de FTP', 'Training provider'], ['Institución de EFTP', 'Training provider'],
    ['TVET centre', 'Training provider'],
    // plurals, as a quotas file or a form's list names the kind ("Trade unions": a warning that no application had it, before)
    ['Trade unions', "Workers' organization"], ['Syndicats', "Workers' organization"], ['Sindicatos', "Workers' organization"],
    ['Universities', 'Academic institution'], ['Universidades', 'Academic institution'], ["Employers' organizations", "Employers' organization"],
    ['Government agencies', 'Government agency'], ['Cooperativas', 'Cooperative'],
    ['Organização não governamental', 'NGO'], ['Associação', 'NGO'], ['Universidade', 'Academic institution'], ['Prefeitura', 'Government agency'],
  ])('organisation type %s -> %s', (raw, expected) => {
    expect(canonicalTerm('organizationTypes', raw)).toBe(expected);
  });

  it.each([
    ['Women', 'Women'], ['Femmes', 'Women'], ['Mujeres', 'Women'],
    ['Youth', 'Youth'], ['Jeunes', 'Youth'], ['Jóvenes', 'Youth'], ['JOVENES', 'Youth'],
    ["Demandeurs d'emploi", 'Job seekers'], ['Personas con discapacidad', 'Persons with disabilities'],
    ['Población rural', 'Rural workers'], ['Population rurale', 'Rural workers'], ['Rural population', 'Rural workers'],
    ['Pequeñas y medianas empresas', 'Small and medium enterprises'], ["Travailleurs de l'économie informelle", 'Informal economy workers'],
    // Brazilian forms in a Latin American call: "Jovens" stood beside "Youth" as a group of its own
    ['Jovens', 'Youth'], ['Mulheres', 'Women'], ['Pessoas com deficiência', 'Persons with disabilities'], ['Trabalhadores rurais', 'Rural workers'],
    ['Povos indígenas', 'Indigenous peoples'], ['Micro e pequenas empresas', 'Small and medium enterprises'],
  ])('beneficiary %s -> %s', (raw, expected) => {
    expect(canonicalTerm('beneficiaries', raw)).toBe(expected);
  });

  it.each([
    ['Centre de FTP', 'Training provider'], ["Centre d'EFTP", 'Training provider'], ['Centro de EFTP', 'Training provider'],
    ['TVET school', 'Training provider'], ['Institution de la FTP', 'Training provider'], ['NGO office', 'NGO'],
    ['Institute of Technology', 'Institute of Technology'], ['Centre for Skills Development', 'Centre for Skills Development'],
  ])('a generic word for a place around a known type: %s -> %s', (raw, expected) => {
    expect(canonicalTerm('organizationTypes', raw)).toBe(expected);
  });

  it('keeps unknown values as written, trimmed', () => {
    expect(canonicalTerm('organizationTypes', '  Faith-based group ')).toBe('Faith-based group');
    expect(canonicalTerm('beneficiaries', 'Fishers')).toBe('Fishers');
  });

  it('the normaliser stores one group once, whatever the language', () => {
    const headers = ['Organisation', 'Courriel', "Type d'organisation", 'Bénéficiaires'];
    const n = new RowNormaliser(matchHeaders(headers).mapping);
    const { application } = n.normalise(['Org', 'a@example.org', 'ONG', 'Jeunes; Femmes; Youth; Pêcheurs']);
    expect(application.organizationType).toBe('NGO');
    expect(application.beneficiaries).toEqual(['Youth', 'Women', 'Pêcheurs']);
  });
});

describe('organisation types and beneficiary groups in the three languages (issue 11)', () => {
  it('normalises French and Spanish spellings and notes in brackets', async () => {
    const { canonicalTerm } = await import('../../../src/import/vocabulary.js');
    expect(canonicalTerm('organizationTypes', 'Institution de formation')).toBe('Training provider');
    expect(canonicalTerm('organizationTypes', 'Institución de formación')).toBe('Training provider');
    expect(canonicalTerm('organizationTypes', 'TVET institution')).toBe('Training provider');
    expect(canonicalTerm('beneficiaries', 'Élèves du secondaire')).toBe('Students');
    expect(canonicalTerm('beneficiaries', 'Youth (15-24)')).toBe('Youth');
    expect(canonicalTerm('beneficiaries', 'Artisans')).toBe('Artisans');
  });

  it('the public sector is a government agency, a CBO an NGO; NEET and NINI are youth, low-skilled workers workers', async () => {
    const { canonicalTerm } = await import('../../../src/import/vocabulary.js');
    for (const t of ['Public sector', 'Secteur public', 'Sector público']) expect(canonicalTerm('organizationTypes', t), t).toBe('Government agency');
    expect(canonicalTerm('organizationTypes', 'CBO')).toBe('NGO');
    for (const t of ['NEET', 'NEETs', 'NINI', 'Jóvenes que ni estudian ni trabajan']) expect(canonicalTerm('beneficiaries', t), t).toBe('Youth');
    for (const t of ['Low-skilled workers', 'Travailleurs peu qualifiés', 'Trabajadores poco calificados']) expect(canonicalTerm('beneficiaries', t), t).toBe('Workers');
  });
});
