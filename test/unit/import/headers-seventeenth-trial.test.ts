import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

// The seventeenth trial's misses (Italian forms, Brazilian registration lists) and the known
// misses it was asked to mend, as general rules on wordings beyond the corpus files.
describe('Italian forms', () => {
  it("read Google Forms' Italian timestamp and the usual Italian field names", () => {
    const m = mapped(['Informazioni cronologiche', 'Indirizzo email', 'Nome e cognome', 'Nome dell\'organizzazione', 'Paese di residenza',
      'Cellulare', 'Sito web', 'Titolo del progetto', 'Descrizione del progetto']);
    expect(m.submittedAt).toEqual(['Informazioni cronologiche']);
    expect(m.organization).toEqual(['Nome dell\'organizzazione']);
    expect(m.country).toEqual(['Paese di residenza']);
    expect(m.phone).toEqual(['Cellulare']);
    expect(m.website).toEqual(['Sito web']);
    expect(m.title).toEqual(['Titolo del progetto']);
    expect(m.description).toEqual(['Descrizione del progetto']);
    expect(mapped(['Nome', 'Email', 'Azienda']).organization).toEqual(['Azienda']);
    expect(mapped(['Nome', 'Email', 'Ragione sociale']).organization).toEqual(['Ragione sociale']);
    expect(mapped(['Nome', 'Cognome', 'Posta elettronica']).email).toEqual(['Posta elettronica']);
  });

  it('put a certified mailbox ("Posta elettronica certificata", an organisation\'s legal PEC) after the contact\'s own email', () => {
    expect(mapped(['Ragione sociale', 'Posta elettronica certificata', 'Email referente', 'Nome referente']).email)
      .toEqual(['Email referente', 'Posta elettronica certificata']);
    expect(mapped(['Nome', 'Cognome', 'Posta elettronica certificata (PEC)', 'Email']).email?.[0]).toBe('Email');
    // (the only address there is stays the email)
    expect(mapped(['Nome', 'Cognome', 'Posta elettronica certificata']).email).toEqual(['Posta elettronica certificata']);
  });

  it("read an elided article as the small word it is (\"Nome dell'organizzazione\" is named whole, not in part)", () => {
    const { evidence } = matchHeaders(['Nome dell\'organizzazione', 'Indirizzo email']);
    expect(evidence.organization).toMatchObject({ column: 0, exact: true, confidence: 'high' });
    expect(evidence.email).toMatchObject({ column: 1, exact: true, confidence: 'high' });
  });

  it('read Italian possessives and where-words as the other languages\' are ("La tua azienda", "Azienda dove lavori")', () => {
    expect(mapped(['Nome', 'Email', 'La tua azienda']).organization).toEqual(['La tua azienda']);
    expect(mapped(['Nome', 'Email', 'Il tuo paese']).country).toEqual(['Il tuo paese']);
    expect(mapped(['Nome', 'Email', 'Il tuo cellulare']).phone).toEqual(['Il tuo cellulare']);
    for (const h of ['Azienda dove lavori', 'Ente presso cui lavora', 'Azienda di appartenenza']) expect(mapped(['Nome', 'Email', h]).organization, h).toEqual([h]);
    // where one worked, would like to work or did an internship is no organisation of the applicant's
    for (const h of ['Azienda dove lavoravi', 'Azienda dove vorresti lavorare', 'Azienda presso cui hai svolto il tirocinio']) {
      expect(mapped(['Nome', 'Email', h]), h).not.toHaveProperty('organization');
    }
    expect(mapped(['Nome', 'Email', 'Il tuo paese di nascita'])).not.toHaveProperty('country');
  });

  it("never take a parent's, guardian's or emergency contact's details for the applicant's", () => {
    expect(mapped(['Nome', 'Email', 'Numero di telefono del genitore'])).not.toHaveProperty('phone');
    expect(mapped(['Nome', 'Email del tutore'])).not.toHaveProperty('email');
    expect(mapped(['Nome', 'Email', 'Contatto di emergenza (telefono)'])).not.toHaveProperty('phone');
    expect(mapped(['Nome', 'Email', 'Numero di telefono']).phone).toEqual(['Numero di telefono']);
  });

  it('date a registration by "Data di iscrizione", "Data_Iscrizione", not by a region', () => {
    expect(mapped(['Nome', 'Email', 'Data di iscrizione']).submittedAt).toEqual(['Data di iscrizione']);
    expect(mapped(['Volontario', 'Email', 'Data_Iscrizione']).submittedAt).toEqual(['Data_Iscrizione']);
    expect(mapped(['Informazioni cronologiche', 'Regione', 'Provincia (sigla)'])).not.toHaveProperty('country');
  });

  it('ask yes or no with "Hai…?", "Avete…?", "Sei…?": such a column holds no website, phone or country', () => {
    expect(mapped(['Nome', 'Email', 'Hai un sito web?'])).not.toHaveProperty('website');
    expect(mapped(['Nome', 'Email', 'Avete un sito internet?'])).not.toHaveProperty('website');
    expect(mapped(['Nome', 'Email', 'Hai un cellulare?'])).not.toHaveProperty('phone');
    expect(mapped(['Nome', 'Email', 'Sito web']).website).toEqual(['Sito web']);
  });
});

describe('Brazilian registration lists', () => {
  it('date a record by its "dataCadastro" (the registration), not by its last edit', () => {
    expect(mapped(['id', 'nome', 'email', 'edicao', 'dataCadastro']).submittedAt).toEqual(['dataCadastro']);
    expect(mapped(['Nome', 'E-mail', 'Data de cadastro']).submittedAt).toEqual(['Data de cadastro']);
  });

  it('take a bare enrolment number ("Matrícula", "matricula") for the ID; a question about it is not', () => {
    expect(mapped(['Matrícula', 'Nome', 'Curso']).externalId).toEqual(['Matrícula']);
    expect(mapped(['matricula', 'curso', 'nome', 'email']).externalId).toEqual(['matricula']);
    expect(mapped(['Nome', 'Email', 'Você fez a matrícula no curso?'])).not.toHaveProperty('externalId');
  });

  it('read a landline or work phone after an abbreviated Tel ("TelFixo", "TelTrabalho")', () => {
    for (const h of ['TelFixo', 'TelTrabalho', 'Tel fixo']) expect(mapped(['Nome', 'Email', h]).phone, h).toEqual([h]);
  });
});

describe('the organisation asked by where one works or studies', () => {
  it('"Company where you work" is the organisation; where one worked before is not', () => {
    expect(mapped(['Timestamp', 'Full name', 'Email', 'Company where you work']).organization).toEqual(['Company where you work']);
    expect(mapped(['Name', 'Email', 'Company you work for']).organization).toEqual(['Company you work for']);
    expect(mapped(['Name', 'Email', 'Company where you worked before'])).not.toHaveProperty('organization');
    // an organisation one works with is a partner; an organisation's work is what it does
    for (const h of ['Organizations you work with', 'Organization you work with', 'Your organization\'s work']) {
      expect(mapped(['Name', 'Email', h]), h).not.toHaveProperty('organization');
    }
  });

  it('a bare "Établissement" is the organisation for want of a better column, and gives way to one', () => {
    expect(mapped(['Horodateur', 'Nom', 'Prénom', 'Établissement', 'Email']).organization).toEqual(['Établissement']);
    expect(mapped(['Nom', 'Prénom', 'Nom de l\'établissement', 'Email']).organization).toEqual(['Nom de l\'établissement']);
    expect(mapped(['Nom', 'Établissement', 'Nom de l\'organisation', 'Email']).organization?.[0]).toBe('Nom de l\'organisation');
    expect(mapped(['Nom', 'Email', 'Dans quel établissement étiez-vous inscrit ?'])).not.toHaveProperty('organization');
  });
});

describe("a directory naming each organisation's contact person", () => {
  it('keeps the bare "Name" for the organisation founded on a date; the contact person has the email', () => {
    const m = mapped(['Name', 'Address', 'Date founded', 'Contact person', 'Contact email']);
    expect(m.organization).toEqual(['Name']);
    expect(m.contactName).toEqual(['Contact person']);
    expect(m.email).toEqual(['Contact email']);
    expect(mapped(['Nom', 'Adresse', 'Année de fondation', 'Personne de contact', 'Email de contact']).organization).toEqual(['Nom']);
    // in Italian: founded ("fondazione") or incorporated ("costituzione"), its "referente" the contact person
    const it = mapped(['Nome', 'Indirizzo', 'Data di costituzione', 'Nome del referente', 'Telefono del referente']);
    expect(it.organization).toEqual(['Nome']);
    expect(it.contactName).toEqual(['Nome del referente']);
    expect(mapped(['Nome', 'Indirizzo', 'Anno di fondazione', 'Nome del referente', 'Email del referente']).organization).toEqual(['Nome']);
    expect(mapped(['Nome', 'Email', 'Data di costituzione'])).not.toHaveProperty('organization');
    expect(mapped(['Nome', 'Data di nascita', 'Data di costituzione', 'Nome del referente', 'Email'])).not.toHaveProperty('organization');
  });

  it('not where the rows are people: no founding date, name parts, a gender, or only an emergency contact', () => {
    expect(mapped(['Name', 'Address', 'Contact person', 'Contact email'])).not.toHaveProperty('organization');
    expect(mapped(['Name', 'Email', 'Year founded'])).not.toHaveProperty('organization');
    expect(mapped(['Name', 'Gender', 'Date founded', 'Contact person', 'Contact email'])).not.toHaveProperty('organization');
    expect(mapped(['Name', 'First name', 'Year founded', 'Contact person'])).not.toHaveProperty('organization');
    expect(mapped(['Name', 'Emergency contact person', 'Year founded', 'Email'])).not.toHaveProperty('organization');
  });
});

describe("an organisation's entry in a register", () => {
  it('is its legal registration, not the application\'s date, in every language', () => {
    for (const h of ['Data di iscrizione al Registro delle imprese', 'Data iscrizione all\'albo', 'Data de cadastro no CNPJ',
      'Date d\'inscription au registre du commerce', 'Fecha de inscripción en el registro mercantil', 'Date of registration with Companies House']) {
      expect(mapped(['Nome', 'Email', h]), h).not.toHaveProperty('submittedAt');
    }
    // a professional's order or council, a third-sector or social register, a job centre: the
    // Italian and Brazilian registration words ("Data di iscrizione", "Data de cadastro") read them too
    for (const h of ['Data di iscrizione all\'Ordine degli Ingegneri', 'Data di iscrizione al RUNTS', 'Data iscrizione CCIAA',
      'Data di iscrizione al Centro per l\'impiego', 'Data de inscrição na OAB', 'Data de inscrição no conselho de classe',
      'Data de cadastro no CadÚnico', 'Data de cadastro no MEI', 'Date d\'inscription à Pôle emploi', 'Date d\'inscription au barreau',
      'Date d\'inscription au RNA', 'Date of registration with the Charity Commission']) {
      expect(mapped(['Nome', 'Email', h]), h).not.toHaveProperty('submittedAt');
    }
    // the registration itself still dates the application
    for (const h of ['Data di iscrizione', 'Fecha de registro', 'Date d\'inscription', 'Registration date', 'Data di iscrizione al corso', 'Data de cadastro']) {
      expect(mapped(['Nome', 'Email', h]).submittedAt, h).toEqual([h]);
    }
  });
});
