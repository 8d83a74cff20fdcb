import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { bufferIO } from '../../../src/cli/io.js';
import { runExportContacts } from '../../../src/cli/export.js';
import { contactsCsv, type Contact } from '../../../src/export/contacts.js';
import { kumuCsv } from '../../../src/export/kumu.js';
import { rosterCsv, type RosterLine } from '../../../src/export/roster.js';
import { exportFixture } from './fixture.js';

// Rows end in CRLF as Excel writes them; a cell holding a bare LF (Outlook's multi-line
// Notes, a description without a comma) must still be quoted, or every reader splits the
// record at the line break (Python's csv module and Excel do; csv-parse is told to, like them).
const records = (text: string) =>
  parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];

describe('CSV exports quote cells that hold a line break', () => {
  let fx: ReturnType<typeof exportFixture>;
  beforeAll(() => { fx = exportFixture(); });

  it('outlook: one record per contact, the Notes keep their lines', async () => {
    const out = path.join(fx.dir, 'outlook.csv');
    const result = await runExportContacts({ dbPath: fx.dbPath, filters: { allCalls: true }, format: 'outlook', out }, bufferIO().io);
    const rows = records(fs.readFileSync(out, 'utf8'));
    const header = rows[0];
    expect(rows.slice(1).every((r) => r.length === header.length)).toBe(true);
    expect(rows).toHaveLength(result.counts.contacts + 1);
    const notes = header.indexOf('Notes');
    expect(rows.slice(1).every((r) => r[notes].startsWith('Salutation:'))).toBe(true);
    expect(rows.slice(1).some((r) => r[notes].includes('\n'))).toBe(true);
  });

  it('contacts csv, kumu csv and roster csv', async () => {
    const contact: Contact = {
      email: 'a@example.org', name: 'Line\nbreak', givenName: '', familyName: '', prefix: '', salutation: 'Dear colleague', language: 'en',
      phones: [], organizations: ['Org'], countries: [], regions: [], categories: [], rosters: [], roles: [], applicationIds: [1], titles: [], calls: ['2020'],
      organizationIds: [1], personIds: [1], memberIds: [1],
    };
    const contacts = records(await contactsCsv({ contacts: [contact], applications: 1, withoutEmail: [], merged: 0, noConsent: 0, members: 0 }));
    expect(contacts).toHaveLength(2);
    expect(contacts[1][0]).toBe('Line\nbreak');

    const kumu = records(await kumuCsv(['ID', 'Label', 'Description'], [{ ID: 'org-1', Label: 'Org', Description: 'first paragraph\n\nsecond paragraph' }]));
    expect(kumu).toEqual([['ID', 'Label', 'Description'], ['org-1', 'Org', 'first paragraph\n\nsecond paragraph']]);

    const line: RosterLine = {
      rank: 1, role: 'member', id: 1, organisation: 'Org', contact: 'Ana\nRuiz', country: null, countryCode: null, region: null, language: null,
      languageCode: null, categories: [], categoryCodes: [], score: 5, scoreSource: 'application', reasons: ['one'],
    };
    const roster = records(await rosterCsv([line]));
    expect(roster).toHaveLength(2);
    expect(roster[1][4]).toBe('Ana\nRuiz');
  });
});
