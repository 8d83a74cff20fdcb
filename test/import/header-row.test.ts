import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from '../helpers.js';

const dir = tempDir('skillsnet-header-row-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// The header is looked for among the top rows (title lines may come first); a data row whose
// values happen to read like headers ("ref", "not-an-email") must not be taken for it, or every
// row above it is silently skipped. Found by the robustness fuzz test.
describe('the header row among the top rows', () => {
  it('is the first dense row that reads like a header, not a later data row that reads more like one', () => {
    const f = path.join(dir, 'data.csv');
    fs.writeFileSync(f, 'Organisation,"col;with;semis",Email Address\nOrganisation 1,,person1@example.org\nOrganisation X,,\n,Fundación Andina,\n' +
      ',,person1@example.org\nOrganisation 1,,\nOrganisation 1,Fundación Andina,\n,Fundación Andina,person1@example.org\nOrganisation 1,ref,not-an-email\n');
    const r = json(runCli(['--db', path.join(dir, 'a.db'), 'import', f, '--call', 'c', '--json']));
    expect(r.rows).toBe(8);
    expect(r.rows).toBe(r.inserted + r.updated + r.unchanged + r.rejected);
  });

  it('title lines and a sparse line of section labels above the header are still skipped', () => {
    const f = path.join(dir, 'titled.csv');
    fs.writeFileSync(f, 'Skills Innovation Call 2024: applications,,,,,\n' +
      'Organisation details,,,Contact details,,\n' +
      'Organisation,Country,Type of organization,Contact person,Email,Phone\n' +
      'Acme,Kenya,NGO,Ana Diallo,ana@example.org,+254 1\n');
    const r = json(runCli(['--db', path.join(dir, 'b.db'), 'import', f, '--call', 'c', '--json']));
    expect(r).toMatchObject({ rows: 1, inserted: 1 });
    expect(r.files[0].columns).toMatchObject({ organization: ['Organisation'], email: ['Email'], contactName: ['Contact person'] });
  });
});

describe('the header row is not moved to a fuller data row below it', () => {
  it('a data row with one cell more than the header stays data', () => {
    const f = path.join(dir, 'extra.csv');
    fs.writeFileSync(f, 'organization,Email Address\nOrganisation 1,not-an-email,extra\n');
    const r = json(runCli(['--db', path.join(dir, 'c.db'), 'import', f, '--call', 'c', '--json']));
    expect(r).toMatchObject({ rows: 1, rejected: 1 });
  });
});

describe('a row with a value beyond the header is data, not a second header row', () => {
  it('is imported (and rejected for its email), never swallowed as a header', () => {
    const f = path.join(dir, 'beyond.csv');
    fs.writeFileSync(f, 'Name of your organization,Email Address\n,not-an-email,extra\n');
    const r = json(runCli(['--db', path.join(dir, 'd.db'), 'import', f, '--call', 'c', '--json']));
    expect(r).toMatchObject({ rows: 1, rejected: 1 });
  });
});
