import { describe, expect, it } from 'vitest';
import { cleanParagraphs, cleanText, normaliseEmail, parseScore, splitCategories, splitList, RowNormaliser } from '../../../src/import/normalise.js';
import { matchHeaders, headerWords } from '../../../src/import/headers.js';
import { identityKey } from '../../../src/import/identity.js';

describe('cleanParagraphs', () => {
  it('keeps a blank line between paragraphs and single line breaks, and tidies other whitespace', () => {
    expect(cleanParagraphs('  First  paragraph\r\nstill first.\r\n \r\n\r\n\tSecond\u00a0 one.  \n\n\nThird ')).toBe('First paragraph\nstill first.\n\nSecond one.\n\nThird');
    expect(cleanParagraphs("'=1+1\n\nnext")).toBe('=1+1\n\nnext');
  });
});

describe('cleanText', () => {
  it('trims and collapses whitespace, drops control characters', () => {
    expect(cleanText('  Acme \t  Training\n Centre ')).toBe('Acme Training Centre');
    expect(cleanText('a\u0000b')).toBe('ab');
    expect(cleanText("'=HYPERLINK(\"x\")")).toBe('=HYPERLINK("x")');
  });
});

describe('normaliseEmail', () => {
  it('lower-cases and validates', () => {
    expect(normaliseEmail(' Ana.Perez@Example.ORG ')).toEqual({ email: 'ana.perez@example.org', valid: true });
    expect(normaliseEmail('mailto:x@example.net').email).toBe('x@example.net');
    expect(normaliseEmail('Ana <ana@example.org>').email).toBe('ana@example.org');
    expect(normaliseEmail('a@example.org; b@example.org').email).toBe('a@example.org');
    expect(normaliseEmail('not an email').valid).toBe(false);
    expect(normaliseEmail('x@localhost').valid).toBe(false);
    expect(normaliseEmail('')).toEqual({ email: null, valid: false });
  });
});

describe('parseScore', () => {
  it('reads decimal commas and points', () => {
    expect(parseScore('8,5')).toBe(8.5);
    expect(parseScore(' 8.5 ')).toBe(8.5);
    expect(parseScore('7')).toBe(7);
    expect(parseScore('8/10')).toBe(8);
    expect(parseScore('1.234,5')).toBe(1234.5);
    expect(parseScore('')).toBeNull();
    expect(parseScore('good')).toBe('invalid');
  });
});

describe('lists', () => {
  it('splits beneficiaries', () => {
    expect(splitList('Youth; Women, refugees | youth')).toEqual(['Youth', 'Women', 'refugees']);
  });
  it('keeps category names that contain commas together', () => {
    expect(splitCategories('Assessment, certification and recognition of skills, Training delivery')).toEqual([
      'Assessment, certification and recognition of skills',
      'Training delivery',
    ]);
    expect(splitCategories('Inclusion sociale; Entrepreneuriat')).toEqual(['Inclusion sociale', 'Entrepreneuriat']);
    expect(splitCategories('Something of our own, with a comma')).toEqual(['Something of our own, with a comma']);
  });
});

describe('headers', () => {
  const fields = (headers: string[]) => {
    const { mapping } = matchHeaders(headers);
    return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c])]));
  };
  it('recognises Google Forms style question headers', () => {
    const m = fields(['Timestamp', 'Email Address', 'Name of your organization', 'Type of organization', 'In which country is your organization based?', 'Contact first name', 'Contact last name']);
    expect(m.email).toEqual(['Email Address']);
    expect(m.organization).toEqual(['Name of your organization']);
    expect(m.organizationType).toEqual(['Type of organization']);
    expect(m.country).toEqual(['In which country is your organization based?']);
    expect(m.firstName).toEqual(['Contact first name']);
    expect(m.lastName).toEqual(['Contact last name']);
    expect(m.submittedAt).toEqual(['Timestamp']);
  });
  it('recognises French and Spanish headers', () => {
    const fr = fields(["Nom de l'organisation", 'Courriel', 'Pays', 'Prénom', 'Nom', 'Langue', 'Titre du projet', 'Bénéficiaires']);
    expect(fr.organization).toEqual(["Nom de l'organisation"]);
    expect(fr.email).toEqual(['Courriel']);
    expect(fr.country).toEqual(['Pays']);
    expect(fr.firstName).toEqual(['Prénom']);
    expect(fr.lastName).toEqual(['Nom']);
    const es = fields(['Nombre de la organización', 'Correo electrónico', 'País', 'Idioma', 'Título', 'Descripción', 'Puntuación']);
    expect(es.organization).toEqual(['Nombre de la organización']);
    expect(es.email).toEqual(['Correo electrónico']);
    expect(es.country).toEqual(['País']);
    expect(es.score).toEqual(['Puntuación']);
  });
  it('Microsoft Forms: the question columns win over the respondent columns', () => {
    const m = fields(['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Name of your organization', 'Contact person', 'Contact email']);
    expect(m.externalId).toEqual(['ID']);
    expect(m.submittedAt).toEqual(['Completion time']);
    expect(m.organization).toEqual(['Name of your organization']);
    expect(m.contactName?.[0]).toBe('Contact person');
    expect(m.email).toEqual(['Contact email']); // the respondent's "Email" is not a fallback when the form asks for one
  });
  it('folds case, accents and punctuation', () => {
    expect(headerWords('E-MAIL  ADDRESS:')).toEqual(headerWords('email address'));
  });
});

describe('RowNormaliser', () => {
  it('normalises a row and explains rejections', () => {
    const headers = ['Organisation', 'Email', 'Country', 'Language', 'Score', 'First name', 'Last name'];
    const n = new RowNormaliser(matchHeaders(headers).mapping, { headers });
    const ok = n.normalise(['  Acme  ', 'A@Example.org', 'Côte d’Ivoire', 'Français', '7,5', 'Ana', 'Diallo']);
    expect(ok.reasons).toEqual([]);
    expect(ok.application).toMatchObject({ organization: 'Acme', email: 'a@example.org', country: 'CI', region: 'Africa', language: 'fr', score: 7.5, contactName: 'Ana Diallo' });
    const bad = n.normalise(['', 'nope', 'Ruritania', '', '', '', '']);
    expect(bad.reasons).toEqual(['missing organisation', 'invalid email']);
    const unknown = n.normalise(['Acme', 'a@example.org', 'Ruritania', 'en', '', '', '']);
    expect(unknown.application.country).toBeNull();
    expect(unknown.application.countryRaw).toBe('Ruritania');
    // The warning names the row and the column, never what the cell holds.
    expect(n.warnings.lines()[0]).not.toContain('Ruritania');
    expect(n.warnings.lines()[0]).toMatch(/column “Country”: not a country skillsnet knows/);
  });
  it('Microsoft Forms "anonymous" in the Name column is no contact name', () => {
    const headers = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Organization', 'Contact email address'];
    const n = new RowNormaliser(matchHeaders(headers).mapping);
    const row = n.normalise(['1', '', '', 'anonymous', 'anonymous', 'Acme', 'a@example.org']);
    expect(row.reasons).toEqual([]);
    expect(row.application.contactName).toBeNull();
    expect(n.normalise(['2', '', '', 'anonymous', 'Anónimo', 'Acme', 'a@example.org']).application.contactName).toBeNull();
    expect(n.normalise(['3', '', '', 'x@example.org', 'Ana Diallo', 'Acme', 'a@example.org']).application.contactName).toBe('Ana Diallo');
  });
  it('identity: ID column, else email + organisation', () => {
    expect(identityKey({ externalId: 'SIC-1', email: 'a@example.org', organization: 'X' })).toBe('id:sic-1');
    expect(identityKey({ externalId: null, email: 'a@example.org', organization: ' ACME  Foundation' })).toBe(
      identityKey({ externalId: null, email: 'a@example.org', organization: 'acme foundation' }),
    );
  });
});

describe('RowNormaliser: a name column beside only one part of the name', () => {
  // A 2021 call's form asked "Nombre(s) de la persona de contacto" and "Apellido(s)": the family
  // name was kept apart and the contact was named "Mariam" in every list, contact and map.
  it('joins a name column that lacks the family name to it, and keeps a full name as it is', () => {
    const headers = ['Organización', 'Correo', 'Nombre(s) de la persona de contacto', 'Apellido(s)'];
    const mapping = matchHeaders(headers).mapping;
    const n = new RowNormaliser(mapping, { headers });
    const given = n.normalise(['Acme', 'm@example.org', 'Mariam', 'Al-Masri']).application;
    expect(given).toMatchObject({ contactName: 'Mariam Al-Masri', givenName: 'Mariam', familyName: 'Al-Masri' });
    const full = n.normalise(['Acme', 'm@example.org', 'Mariam Al Masri', 'Al-Masri']).application;
    expect(full).toMatchObject({ contactName: 'Mariam Al Masri', familyName: 'Al-Masri' });
  });
  it('puts a given-name column before a name column that lacks it', () => {
    const headers = ['Organisation', 'Email', 'Contact person', 'Contact first name'];
    const n = new RowNormaliser({ organization: [0], email: [1], contactName: [2], firstName: [3] }, { headers });
    expect(n.normalise(['Acme', 'a@example.org', 'Diallo', 'Awa']).application).toMatchObject({ contactName: 'Awa Diallo', givenName: 'Awa', familyName: 'Diallo' });
    expect(n.normalise(['Acme', 'a@example.org', 'Awa Diallo', 'Awa']).application).toMatchObject({ contactName: 'Awa Diallo', givenName: 'Awa', familyName: null });
  });
});
