/**
 * An empty list says what to try: it said "0 members. Details: skillsnet member show member-N"
 * under a --search that a typo left empty, and the same under an empty database.
 */
import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../support/run.js';

describe('the line under an empty list', () => {
  it('list and members: a --search is one piece of text; filters to drop; a database with nothing yet', async () => {
    const dir = tempDir('skillsnet-empty-');
    const db = path.join(dir, 'n.db');
    const sk = (...args: string[]) => run(['--db', db, ...args], { cwd: dir });
    expect((await sk('init')).code).toBe(0);
    expect((await sk('list')).stderr).toBe('No application to list: import a call with skillsnet import FILE --call NAME.\n');
    expect((await sk('members')).stderr).toBe('No member to list: skillsnet import FILE --call NAME, or skillsnet member add.\n');
    fs.writeFileSync(path.join(dir, 'a.csv'), 'Organisation,Email,Country\nAssociation Avenir Compétences,awa@example.org,Senegal\n');
    expect((await sk('import', 'a.csv', '--call', '2021')).code).toBe(0);
    const typo = await sk('members', '--search', 'Avenr Competences');
    expect(typo.code).toBe(0);
    expect(typo.stderr).toBe('No member matches. --search looks for "Avenr Competences" as one piece of text (case and accents aside): try one word of it, or part of a name or address.\n');
    expect((await sk('members', '--search', 'avenir competences')).stderr).toMatch(/^1 member\. Details/);
    expect((await sk('list', '--region', 'Americas')).stderr).toBe('No application matches these filters: drop one, or see what there is with skillsnet stats.\n');
    // (stats counts applications, not members: the members' line points at the whole list)
    expect((await sk('members', '--region', 'Americas')).stderr).toBe('No member matches these filters: drop one, or see what there is with skillsnet members.\n');
    expect((await sk('list', '--search', 'Avenr')).stderr).toMatch(/^No application matches\. --search looks for "Avenr"/);
  });
});
