import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';
import { headerTokens } from '../../../src/import/header-words.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

// Headers of real exports from a seventh trial: LimeSurvey (English, French, Spanish), Airtable
// grid views, web apps. Each case is a general wording, not one file's.
describe('LimeSurvey exports', () => {
  it('its own columns, written out in English and French, name the ID, the dates and the language', () => {
    const en = mapped(['Response ID', 'Date submitted', 'Last page', 'Start language', 'Date started', 'Date last action', 'Organisation', 'Email']);
    expect(en.externalId).toEqual(['Response ID']);
    expect(en.submittedAt?.[0]).toBe('Date submitted');
    expect(en.language).toEqual(['Start language']);
    const fr = mapped(['ID de la réponse', 'Date de soumission', 'Dernière page', 'Langue de départ', 'Date de lancement', 'Organisation', 'Courriel']);
    expect(fr.submittedAt?.[0]).toBe('Date de soumission');
    expect(fr.language).toEqual(['Langue de départ']);
  });

  it('its own start and last-action dates are whole headers: a project\'s start or launch date is no submission date', () => {
    for (const h of ['Date de lancement du projet', 'Date the project started', 'Date de la dernière action menée', 'Date started (project)']) {
      expect(mapped(['Organisation', 'Email', h, 'Description']).submittedAt, h).toBeUndefined();
    }
    expect(mapped(['Organisation', 'Email', 'Date started']).submittedAt).toEqual(['Date started']);
    expect(mapped(['Organisation', 'Courriel', 'Date de lancement']).submittedAt).toEqual(['Date de lancement']);
  });

  it('its question-code export names the submission date and the start language', () => {
    const m = mapped(['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'startdate', 'datestamp', 'Q1', 'Q2']);
    expect(m.externalId).toEqual(['id']);
    expect(m.submittedAt?.[0]).toBe('submitdate');
    expect(m.language).toEqual(['startlanguage']);
  });

  it('a language question of the form beats the start language the tool recorded', () => {
    const m = mapped(['Start language', 'Organisation', 'Email', 'Language of the application']);
    expect(m.language).toEqual(['Language of the application']);
  });
});

describe('HTML entities and help notes in headers', () => {
  it('an entity is the character it stands for', () => {
    expect(headerTokens('Nom &amp; Post-nom')).toEqual(headerTokens('Nom & Post-nom'));
    expect(headerTokens('Organisation&#39;s name')).toEqual(headerTokens("Organisation's name"));
    expect(headerTokens('Email&nbsp;address')).toEqual(['email', 'address']);
    // the accented letters of a French or Spanish header written as references
    expect(headerTokens('Pr&eacute;nom')).toEqual(headerTokens('Prénom'));
    expect(headerTokens('A&ntilde;o de fundaci&oacute;n')).toEqual(headerTokens('Año de fundación'));
  });

  it('a name question with an entity and both parts of the name is the contact name', () => {
    const m = mapped(['Organisation', 'Email', 'Nom &amp; Post-nom /Firstname and Surname']);
    expect(m.contactName).toEqual(['Nom &amp; Post-nom /Firstname and Surname']);
    expect(m.firstName).toBeUndefined();
  });

  it('a question followed by a note is read by its first sentence', () => {
    const note = 'Please enter your e-mail. We will not use it to link your answers and will not disclose it to third parties.';
    expect(mapped(['Organisation', note]).email).toEqual([note]);
    const org = 'Name of your organisation. If you apply with a partner, give the lead organisation only.';
    expect(mapped([org, 'Email']).organization).toEqual([org]);
  });

  it('a note does not rescue a question its first sentence does not name', () => {
    expect(mapped(['Organisation', 'Email', 'Do you have a website? If yes, give the address.']).website).toBeUndefined();
    expect(mapped(['Organisation', 'Email', 'Q1. How old are you?']).contactName).toBeUndefined();
  });
});

describe('words of other fields', () => {
  it('an English "Notes" column is remarks, a French "Note" the score', () => {
    expect(mapped(['Organisation', 'Email', 'Notes']).score).toBeUndefined();
    expect(mapped(['organization', 'email', 'notes']).score).toBeUndefined();
    expect(mapped(['Organisation', 'Courriel', 'Note']).score).toEqual(['Note']);
  });

  it('French marks written in the plural are still the score: "Notes du jury", "Notes des évaluateurs", "Notes /20"', () => {
    for (const h of ['Notes du jury', 'Notes des évaluateurs', 'Notes /20', 'Notes finales', 'Moyenne des notes']) {
      expect(mapped(['Organisation', 'Courriel', 'Pays', h]).score, h).toEqual([h]);
    }
    expect(mapped(['Organisation', 'Email', 'Reviewer notes']).score).toBeUndefined();
    expect(mapped(['Organisation', 'Email', 'Notes on the project']).score).toBeUndefined();
  });

  it('the respondent\'s own part in a project is not the project\'s description', () => {
    expect(mapped(['Organisation', 'Email', '6 - Describe your participation in this project:']).description).toBeUndefined();
    expect(mapped(['Organisation', 'Courriel', 'Décrivez votre rôle dans le projet']).description).toBeUndefined();
    expect(mapped(['Organisation', 'Email', 'Describe your project']).description).toEqual(['Describe your project']);
  });

  it('"fullname" and "desc", as web apps write them, are the contact name and the description', () => {
    const m = mapped(['date_soumission', 'fullname', 'email', 'organization', 'desc']);
    expect(m.contactName).toEqual(['fullname']);
    expect(m.description).toEqual(['desc']);
    expect(mapped(['title', 'description', 'desc', 'org', 'email']).description).toEqual(['description']);
  });
});
