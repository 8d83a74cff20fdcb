import { describe, expect, it } from 'vitest';
import { judgeColumn } from '../../../src/import/column-evidence.js';
import { explainHeader, matchHeaders } from '../../../src/import/headers.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

// The eighteenth trial's faults (LimeSurvey's token, a funding round's date, Zoho Forms' own
// columns) and the known misses it was asked to mend, as general rules beyond the corpus files.
describe('a survey tool\'s access token', () => {
  it('gives way to the response\'s own id (LimeSurvey: "id" or the participants table\'s "tid", then "token")', () => {
    expect(mapped(['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'token', 'startdate', 'datestamp']).externalId).toEqual(['id']);
    expect(mapped(['tid', 'firstname', 'lastname', 'email', 'emailstatus', 'token', 'language']).externalId).toEqual(['tid']);
    expect(mapped(['#', 'Name', 'Email', 'Token']).externalId).toEqual(['#']);
  });

  it('reads a bare "tid" as the id only beside the token it numbers (elsewhere a tax or terminal ID)', () => {
    expect(mapped(['Name', 'Email', 'TID'])).not.toHaveProperty('externalId');
  });

  it('is still the id where no column is one (a Typeform "Token")', () => {
    expect(mapped(['Token', 'Name', 'Email']).externalId).toEqual(['Token']);
  });
});

describe('Zoho Forms\' own columns', () => {
  it('read "Added Time" as the submission time, and neither the referring page nor the task owner (the form owner\'s account) as the applicant\'s', () => {
    const m = mapped(['Name', 'Phone', 'Email', 'Added Time', 'Referrer Name', 'Task Owner']);
    expect(m.submittedAt).toEqual(['Added Time']);
    expect(m.email).toEqual(['Email']);
    expect(m.contactName).toEqual(['Name']);
    // (alone, the owner's account is still no one's email or name)
    expect(mapped(['Organisation', 'Task Owner', 'Referrer Name'])).not.toHaveProperty('email');
    expect(mapped(['Organisation', 'Task Owner', 'Referrer Name'])).not.toHaveProperty('contactName');
    // (only the whole header: a match's stoppage time is no submission)
    expect(mapped(['Player', 'Email', 'Added time (minutes)'])).not.toHaveProperty('submittedAt');
  });
});

describe('a bare date right after a sum of money', () => {
  it('dates the sum (a funding round, a payment), not the response', () => {
    expect(mapped(['Startup', 'Country HQ', 'Launch', 'Sector', 'Amount', 'Date'])).not.toHaveProperty('submittedAt');
    expect(mapped(['Name', 'Email', 'Total paid', 'Date'])).not.toHaveProperty('submittedAt');
    expect(mapped(['Nombre', 'Email', 'Monto', 'Fecha'])).not.toHaveProperty('submittedAt');
    expect(mapped(['Nome', 'Email', 'Valor', 'Data'])).not.toHaveProperty('submittedAt');
  });

  it('stays the submission date elsewhere (first, or after another column)', () => {
    expect(mapped(['Date', 'Name', 'Email', 'Amount']).submittedAt).toEqual(['Date']);
    expect(mapped(['Name', 'Email', 'Date', 'Amount']).submittedAt).toEqual(['Date']);
    expect(mapped(['Name', 'Email', 'Country', 'Date']).submittedAt).toEqual(['Date']);
    // (a sum the applicant asks for is the application's: the date beside it may be the application's)
    expect(mapped(['Name', 'Email', 'Montant demandé', 'Date']).submittedAt).toEqual(['Date']);
  });
});

describe('a person named by a role in the organisation', () => {
  it('is the contact\'s name, not the organisation\'s', () => {
    for (const h of ["Nom du référent de l'entreprise", 'Nome do responsável pela empresa', "Nome del referente dell'azienda", 'Nom du responsable de la structure',
      'Name of the company representative', "Name of the company's representative", 'Organisation contact name']) {
      const fields = explainHeader(h).fields.map((f) => f.field);
      expect(fields, h).not.toContain('organization');
      expect(fields, h).toContain('contactName');
    }
    expect(mapped(['Raison sociale', "Nom du référent de l'entreprise", 'Email']).organization).toEqual(['Raison sociale']);
  });

  it('leaves the organisation named first, or qualified by the role word, to the organisation', () => {
    for (const h of ["Nom de l'organisme référent", "Nom de l'entreprise du responsable", 'Lead organisation name', 'Company name', 'Nom de la structure', 'Name of the company head office']) {
      expect(explainHeader(h).fields.map((f) => f.field), h).toContain('organization');
    }
  });

  it('is no contact name where the organisation comes first and the role says whose it is ("Nome da empresa do responsável")', () => {
    for (const h of ['Nome da empresa do responsável', "Nom de l'entreprise du référent", 'Nome da organização do coordenador']) {
      const fields = explainHeader(h).fields.map((f) => f.field);
      expect(fields, h).toContain('organization');
      expect(fields, h).not.toContain('contactName');
    }
    expect(mapped(['Nome da empresa do responsável', 'Email']).organization).toEqual(['Nome da empresa do responsável']);
    expect(mapped(['Nome da empresa do responsável', 'Nome do responsável', 'Email']).contactName).toEqual(['Nome do responsável']);
  });
});

describe("a supplier's name or address", () => {
  it('is a third party\'s beside the applicant\'s own organisation or email', () => {
    expect(mapped(['Nome', 'Email', 'Ragione sociale del fornitore'])).not.toHaveProperty('organization');
    expect(mapped(['Nom', 'Email du fournisseur', 'Email']).email).toEqual(['Email']);
    expect(mapped(['Name', 'Email', "Supplier's phone", 'Phone']).phone).toEqual(['Phone']);
  });

  it('leaves a supplier word that qualifies the applicant alone (a supplier\'s own registration)', () => {
    expect(mapped(['Nom', 'Email', "Nom de l'entreprise (fournisseur agréé)"]).organization).toEqual(["Nom de l'entreprise (fournisseur agréé)"]);
  });

  it('is the applicant\'s in a call for suppliers, where no column names the applicant\'s own organisation or email', () => {
    const training = ['Nom du fournisseur de formation', 'Email du fournisseur', 'Téléphone du fournisseur', 'Pays'];
    expect(mapped(training)).toMatchObject({ organization: ['Nom du fournisseur de formation'], email: ['Email du fournisseur'], phone: ['Téléphone du fournisseur'] });
    expect(mapped(["Supplier's name", "Supplier's email"])).toMatchObject({ organization: ["Supplier's name"], email: ["Supplier's email"] });
    // (beside the applicant's own email, the supplier is still a third party)
    expect(mapped(['Raison sociale', 'Email', 'Email du fournisseur']).email).toEqual(['Email']);
  });
});

describe('the known misses', () => {
  it('read a head office\'s country ("Country HQ") as the country', () => {
    expect(mapped(['Startup', 'Country HQ', 'Email']).country).toEqual(['Country HQ']);
    expect(mapped(['Company', 'HQ country', 'Email']).country).toEqual(['HQ country']);
  });

  it('read a register\'s "matricule" as the list\'s own record number, behind an application\'s id', () => {
    expect(mapped(['matricule', 'nom', 'téléphone']).externalId).toEqual(['matricule']);
    expect(mapped(['Application ID', 'Matricule', 'Nom', 'Email']).externalId?.[0]).toBe('Application ID');
    expect(mapped(['Nom', 'Email', 'Matricule du parrain'])).not.toHaveProperty('externalId');
  });

  it('read Meetup\'s Italian RSVP time, and an Italian enrolment\'s completion date, as the submission date', () => {
    expect(mapped(['Nome', 'ID utente', 'Titolo', 'RSVP', 'Ospiti', 'Risposto il']).submittedAt).toEqual(['Risposto il']);
    expect(mapped(['Name', 'Email', 'RSVPed on']).submittedAt).toEqual(['RSVPed on']);
    expect(mapped(['CodiceFiscale', 'Nome', 'Email', 'DataPerfezionamento']).submittedAt).toEqual(['DataPerfezionamento']);
    // (only the whole header: another file's completion date is not this one's)
    expect(mapped(['Nome', 'Email', 'Data perfezionamento pratica precedente'])).not.toHaveProperty('submittedAt');
  });

  it('never read a platform user\'s account number (Meetup\'s "ID utente") as the application\'s id', () => {
    expect(mapped(['Nome', 'ID utente', 'Titolo', 'Risposto il'])).not.toHaveProperty('externalId');
  });

  it('read a sign-up list\'s bare "Volontario" as the volunteer, only where no other column names the person', () => {
    expect(mapped(['Volontario', 'ID_Turno', 'Email', 'Data_Iscrizione']).contactName).toEqual(['Volontario']);
    expect(mapped(['Volontaria', 'Email', 'Turno']).contactName).toEqual(['Volontaria']);
    // (an English "Volunteer" is as often a yes/no flag: not read)
    expect(mapped(['Email', 'Volunteer', 'Shift'])).not.toHaveProperty('contactName');
    expect(mapped(['Nome', 'Cognome', 'Email', 'Volontario'])).not.toHaveProperty('contactName');
  });

  it('hears an Italian or Portuguese yes ("Sì", "Sim", "Não") as the yes/no answers no name column holds', () => {
    expect(judgeColumn('contactName', ['Sì', 'No', 'Sì', 'Sì', 'No'])).toMatchObject({ verdict: 'disagree', holds: 'yes/no answers' });
    expect(judgeColumn('contactName', ['Sim', 'Não', 'Sim', 'Não'])).toMatchObject({ verdict: 'disagree', holds: 'yes/no answers' });
    expect(judgeColumn('contactName', ['Simone Rossi', 'Nao Tanaka', 'Sì Li'])).not.toMatchObject({ holds: 'yes/no answers' });
  });

  it('read a physician\'s bare "especialidade" as the categories, behind a category question', () => {
    expect(mapped(['nome', 'email', 'crm', 'especialidade']).selfCategories).toEqual(['especialidade']);
    expect(mapped(['Nome', 'Email', 'Categoria', 'Especialidade']).selfCategories?.[0]).toBe('Categoria');
  });
});
