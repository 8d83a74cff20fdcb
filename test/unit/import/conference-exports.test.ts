/**
 * What a trial on seventeen real exports the importer had never seen found (ConfTool, Oxford
 * Abstracts, Fillout, Google Sheets registration lists, a web app's project table, a two-row
 * incubator sheet): the wrong column read as the title, the contact, the website or the
 * submission date, in silence. Invented rows in the real headers' shapes.
 */
import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';
import { accounted, caseFile, importCase, rows } from './support.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

describe('the title is the proposal\'s, not the session\'s', () => {
  it('paper, abstract, proposal, project and submission titles are the title; session, track, panel and event titles are not', () => {
    for (const h of ['Paper title', 'paper_title', 'Abstract Title', 'Proposal title', 'Project title', 'Submission title', 'Titre de l\'article']) {
      expect(mapped(['Organisation', 'Email', h]).title, h).toEqual([h]);
    }
    for (const h of ['Session title', 'session_title', 'Track title', 'Panel title', 'Event title', 'Titre de la séance']) {
      expect(mapped(['Organisation', 'Email', h]).title, h).toBeUndefined();
    }
    expect(mapped(['Organisation', 'Email', 'session_title', 'paper_title']).title).toEqual(['paper_title']);
  });

  it('two papers of one author in one session stay two applications', async () => {
    // a ConfTool export: one row per author and paper, the session the paper was put in beside it
    const csv = rows('author_name;author_email;Organisation;paperID;paper_title;session_title', [
      'Ejemplo, Ana;ana@example.org;Instituto Ejemplo;201;Cooperatives that train;Panel 1: Skills',
      'Ejemplo, Ana;ana@example.org;Instituto Ejemplo;202;Apprenticeships online;Panel 1: Skills',
      'Example, Grace;grace@example.net;Example College;203;Green jobs;Panel 2: Jobs',
    ]);
    const { report, apps } = await importCase(caseFile('biographies.csv', csv));
    expect(accounted(report)).toBe(true);
    expect(report.inserted).toBe(3);
    expect(report.files[0].fields.title.columns).toEqual(['paper_title']);
    expect(apps.map((a) => a.title).sort()).toEqual(['Apprenticeships online', 'Cooperatives that train', 'Green jobs']);
  });
});

describe('a project\'s start and end dates are not the submission date', () => {
  it('a start or end of something named in the header is no submission date; a submission\'s or registration\'s is', () => {
    for (const h of ['Project end date', 'Date de fin du projet', 'Fecha de inicio del proyecto', 'Contract start date', 'Submission created by']) {
      expect(mapped(['Organisation', 'Email', h]).submittedAt, h).toBeUndefined();
    }
    for (const h of ['Submission created', 'Submission started', 'participant_registration_date', 'Submitted At', 'Date Applied', 'Fecha de inscripción', 'Start Date (UTC)']) {
      expect(mapped(['Organisation', 'Email', h]).submittedAt, h).toEqual([h]);
    }
    // "Submitted at" says when, "Submitted by" who
    const m = mapped(['Timestamp', 'Organisation', 'Email', 'Submitted At', 'Submitted by']);
    expect(m.submittedAt).toEqual(['Timestamp']);
    expect(m.contactName).toEqual(['Submitted by']);
  });

  it('a bare start or end date whose cells have no time of day is a timeline, not used', async () => {
    const csv = rows('Titre,DateDebut,DateFin,Institution,ResponsableEmail', [
      'Santé connectée,2024-01-01,2024-12-31,Institut Ejemplo,ana@example.org',
      'Énergie solaire,2024-03-01,2025-02-28,École Exemple,grace@example.net',
      'Eau potable,2023-09-15,2024-06-30,Centre Modèle,awa@example.com',
    ]);
    const { report, apps, run } = await importCase(caseFile('projets.csv', csv));
    expect(report.inserted).toBe(3);
    expect(report.files[0].fields.submittedAt).toBeUndefined();
    expect(apps.every((a) => a.submittedAt == null)).toBe(true);
    expect(run.stderr).toMatch(/"DateFin" names the submission date but holds dates without a time of day/);
  });

  it('a form tool\'s start and end carry a time of day and stay the submission date', async () => {
    const csv = rows('Respondent ID,Start Date,End Date,Organisation,Email', [
      '1001,03/12/2020 10:33:01 AM,03/12/2020 10:41:12 AM,Org A,a@example.org',
      '1002,03/13/2020 09:01:00 AM,03/13/2020 09:20:45 AM,Org B,b@example.net',
      '1003,03/14/2020 04:10:10 PM,03/14/2020 04:30:00 PM,Org C,c@example.com',
    ]);
    const { report, apps } = await importCase(caseFile('survey.csv', csv));
    expect(report.files[0].fields.submittedAt.columns[0]).toBe('End Date');
    expect(apps.map((a) => a.submittedAt)).toContain('2020-03-12T10:41:12');
  });

  it('the form\'s timestamp is taken over a better-named end date of the project', async () => {
    const csv = rows('Timestamp,Organización,Correo,Fecha de finalización', [
      '3/2/2020 9:24:33,Org A,a@example.org,31/12/2021',
      '3/3/2020 10:00:00,Org B,b@example.net,30/06/2022',
      '3/4/2020 11:30:00,Org C,c@example.com,31/03/2021',
    ]);
    const { report } = await importCase(caseFile('respuestas.csv', csv));
    expect(report.files[0].fields.submittedAt.columns).toEqual(['Timestamp']);
  });
});
