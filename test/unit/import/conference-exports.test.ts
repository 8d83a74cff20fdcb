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
