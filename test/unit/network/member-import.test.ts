/**
 * member import as an officer meets it: rows numbered as `rejects` numbers them, problems that
 * name the column and never the value, a bad language that does not cost the row, the columns
 * nobody read, --map when the headers are odd, and --dry-run before the database exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { json, run, tempDir } from '../support/run.js';

const LIST = [
  'Organisation,Contact name,Email,Country,Langue de travail,Shoe size',
  'Cámara Uno,Rosa Muestra,rosa@example.org,Peru,es,42',
  '',
  'Cámara Dos,Klaus Beispiel,klaus@example.org,Narnia,klingon,43',
  ',,,,,44',
  'Cámara Tres,Ana Ejemplo,not-an-address,Chile,fr,45',
].join('\n') + '\n';

describe('member import', () => {
  it('numbers rows as rejects does, names columns not values, keeps a row with a bad language, and lists the columns it did not read', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const file = path.join(dir, 'stakeholders.csv');
    fs.writeFileSync(file, LIST);
    const r = await run(['--db', db, 'member', 'import', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = json(r);
    expect(report).toMatchObject({ rows: 4, added: 3, rejected: 1, unmappedColumns: ['Shoe size'] });
    expect(report.problems).toEqual([
      { row: 2, problem: 'column Langue de travail: not a language skillsnet knows (stored without a working language)' },
      { row: 2, problem: 'column Country: not a country skillsnet knows (kept as written, without a region)' },
      { row: 3, problem: 'rejected: no organisation, name or email' },
      { row: 4, problem: 'column Email: not an email address (left out)' },
    ]);
    for (const value of ['klingon', 'Narnia', 'not-an-address', 'Klaus', 'Ana Ejemplo']) expect(JSON.stringify(report.problems)).not.toContain(value);
    for (const value of ['klingon', 'not-an-address', 'Klaus', 'Ana Ejemplo']) expect(r.stdout + r.stderr).not.toContain(value);
    const klaus = json(await run(['--db', db, 'members', '--json'])).find((m: any) => m.organization === 'Cámara Dos');
    expect(klaus).toMatchObject({ workingLanguage: null });

    // the same file through import: its rejects number the row without organisation the same way
    const imported = await run(['--db', path.join(dir, 'apps.db'), 'import', file, '--call', '2020', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const rejects = json(await run(['--db', path.join(dir, 'apps.db'), 'rejects', '--json']));
    expect(rejects.map((x: any) => x.rowNumber)).toContain(3);

    const text = await run(['--db', db, 'member', 'import', file, '--dry-run']);
    expect(text.stderr).toMatch(/^warning: data row 2: column Langue de travail: not a language/m);
    expect(text.stderr).toMatch(/Not read: "Shoe size"/);
  });

  it('counts a member the same file brings again as unchanged, and keeps in the history a contact name a later row replaced', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const file = path.join(dir, 'stakeholders.csv');
    fs.writeFileSync(file, 'Organisation,Contact name,Email,Country\nCámara Uno,Rosa Muestra,rosa@example.org,Peru\nCámara Dos,Klaus Beispiel,klaus@example.org,Chile\n');
    expect(json(await run(['--db', db, 'member', 'import', file, '--json']))).toMatchObject({ rows: 2, added: 2, updated: 0, unchanged: 0 });
    const again = await run(['--db', db, 'member', 'import', file, '--json']);
    expect(json(again)).toMatchObject({ rows: 2, added: 0, updated: 0, unchanged: 2, rejected: 0 });
    const human = await run(['--db', db, 'member', 'import', file]);
    expect(human.stdout).toContain('0 already there (updated), 2 already there (unchanged)');

    const renamed = await run(['--db', db, 'member', 'add', '--organization', 'Cámara Uno', '--country', 'Peru', '--name', 'Rosa Otra', '--email', 'rosa@example.org']);
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(renamed.stdout).toMatch(/was there already; changed: its contact person's name/);
    const member = json(await run(['--db', db, 'members', '--json'])).find((m: any) => m.organization === 'Cámara Uno');
    expect(member.name).toBe('Rosa Otra');
    const change = json(await run(['--db', db, 'history', '--json']))[0];
    expect(change).toMatchObject({ action: 'member add', fields: ['people.name'] });
    const store = new Database(db, { readonly: true });
    expect(store.prepare("SELECT old_value, new_value FROM history_values WHERE history_id = ? AND column_name = 'name'").get(change.id)).toEqual({ old_value: 'Rosa Muestra', new_value: 'Rosa Otra' });
    store.close();
    const colleague = await run(['--db', db, 'member', 'add', '--organization', 'Cámara Uno', '--country', 'Peru', '--name', 'Luis Soto', '--email', 'luis@example.org']);
    expect(colleague.stdout).toMatch(/was there already; changed: a person added \(person-\d+\)/);
  });

  it('under --json, a refused file still prints one JSON document with the error (exit 1), as import does', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const file = path.join(dir, 'odd.csv');
    fs.writeFileSync(file, 'Shoe size,Favourite colour\n42,blue\n');
    for (const target of [file, path.join(dir, 'missing.csv')]) {
      const r = await run(['--db', db, 'member', 'import', target, '--json']);
      expect(r.code).toBe(1);
      const doc = json(r);
      expect(doc.error).toMatch(new RegExp(path.basename(target)));
      expect(doc.files[0].file).toBe(path.basename(target));
    }
  });

  it('takes --map as import does when a column is not recognised (the error suggests it)', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const file = path.join(dir, 'odd.csv');
    fs.writeFileSync(file, 'Alpha,Beta\nCámara Uno,rosa@example.org\n');
    const missing = await run(['--db', db, 'member', 'import', file]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--map/);
    expect(fs.existsSync(db)).toBe(false); // nothing imported: no empty database left behind
    fs.writeFileSync(path.join(dir, 'mapping.json'), JSON.stringify({ organization: 'Alpha', email: 'Beta' }));
    const mapped = await run(['--db', db, 'member', 'import', file, '--map', path.join(dir, 'mapping.json'), '--json']);
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(json(mapped)).toMatchObject({ added: 1, columns: { organization: ['Alpha'], email: ['Beta'] } });
    expect(fs.existsSync(path.join(dir, 'n.db'))).toBe(true);
  });

  it('--dry-run works before the database exists, and leaves none behind', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'new.db');
    const file = path.join(dir, 'stakeholders.csv');
    fs.writeFileSync(file, LIST);
    const r = await run(['--db', db, 'member', 'import', file, '--dry-run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ dryRun: true, rows: 4, added: 3 });
    expect(fs.existsSync(db)).toBe(false);
  });
});

describe('a colleague added at an organisation that applied', () => {
  it('leaves its application\'s contact person the contact (the colleague took over the invitations and contact lists)', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    fs.writeFileSync(path.join(dir, 'call.csv'), 'Organisation,Contact name,Email,Country\nTaller Sur,Ana Ejemplo,ana@example.org,Peru\n');
    expect((await run(['--db', db, 'import', path.join(dir, 'call.csv'), '--call', '2020'])).code).toBe(0);
    const colleague = await run(['--db', db, 'member', 'add', '--organization', 'TALLER SUR', '--country', 'PE', '--name', 'Luis Soto', '--email', 'luis@example.org', '--role', 'partner']);
    expect(colleague.code, colleague.stderr).toBe(0);
    expect(colleague.stdout).toMatch(/was there already; role partner added; changed: a person added \(person-\d+\)/);
    fs.writeFileSync(path.join(dir, 'partners.csv'), 'Organisation;Nom du contact;Courriel;Pays\nTaller Sur;Rosa Muestra;rosa@example.org;Pérou\n');
    expect(json(await run(['--db', db, 'member', 'import', path.join(dir, 'partners.csv'), '--json']))).toMatchObject({ rows: 1, added: 0, updated: 1 });
    const member = json(await run(['--db', db, 'members', '--json'])).find((m: any) => m.organization === 'Taller Sur');
    expect(member).toMatchObject({ name: 'Ana Ejemplo', email: 'ana@example.org', roles: expect.arrayContaining(['member', 'partner']) });
  });

  it('becomes the contact of one whose application was withdrawn (its person stood in the way, and the contact lists wrote to the one who applied)', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    fs.writeFileSync(path.join(dir, 'call.csv'), 'Organisation,Contact name,Email,Country\nTaller Sur,Ana Ejemplo,ana@example.org,Peru\nTaller Norte,Nia Muestra,nia@example.org,Peru\n');
    expect((await run(['--db', db, 'import', path.join(dir, 'call.csv'), '--call', '2020'])).code).toBe(0);
    const apps = json(await run(['--db', db, 'list', '--json']));
    const sur = (Array.isArray(apps) ? apps : apps.applications).find((a: any) => a.organization === 'Taller Sur');
    expect((await run(['--db', db, 'withdraw', String(sur.id)])).code).toBe(0);
    for (const [org, name, email] of [['Taller Sur', 'Luis Soto', 'luis@example.org'], ['Taller Norte', 'Rosa Soto', 'rosa@example.org']]) {
      const added = await run(['--db', db, 'member', 'add', '--organization', org!, '--country', 'PE', '--name', name!, '--email', email!, '--role', 'partner']);
      expect(added.code, added.stderr).toBe(0);
    }
    const members = json(await run(['--db', db, 'members', '--json']));
    expect(members.find((m: any) => m.organization === 'Taller Sur')).toMatchObject({ name: 'Luis Soto', email: 'luis@example.org' });
    // an application still in keeps its contact
    expect(members.find((m: any) => m.organization === 'Taller Norte')).toMatchObject({ name: 'Nia Muestra', email: 'nia@example.org' });
  });
});

describe('member import of a hand-made list with its totals', () => {
  it('rejects a line of numbers and a label such as "Total", and a number in the organisation column (each became a member called "3" or "Total"), and keeps organisations whose name has such a word', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const file = path.join(dir, 'partenaires.csv');
    fs.writeFileSync(file, [
      'N°;Institution;Nom du contact;Courriel;Pays',
      '1;Total Skills Partners;Rosa Muestra;rosa@example.org;Pérou',
      '2;Agence Emploi Jeunes;Koffi Exemple;koffi@example.org;Côte d’Ivoire',
      '3;;;;',
      'Total;2;;;',
      ';TOTAL GÉNÉRAL :;2;;',
      'Sous-total 2;;;;',
      ';3;;;',
    ].join('\n') + '\n');
    const report = json(await run(['--db', db, 'member', 'import', file, '--json']));
    expect(report).toMatchObject({ rows: 7, added: 2, rejected: 5 });
    expect(report.problems.map((p: any) => `${p.row}: ${p.problem}`)).toEqual([
      '3: rejected: no organisation, name or email',
      ...[4, 5, 6].map((row) => `${row}: rejected: a line of totals (a label such as "Total" and numbers), not a member`),
      '7: rejected: no organisation, name or email',
    ]);
    const names = json(await run(['--db', db, 'members', '--json'])).map((m: any) => m.organization ?? m.name);
    expect(names.sort()).toEqual(['Agence Emploi Jeunes', 'Total Skills Partners']);
  });

  it('reads digits of other scripts as numbers too (an Arabic-Indic "٣" or a full-width "３" became a member so called), and keeps names in any script', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const file = path.join(dir, 'partners.csv');
    fs.writeFileSync(file, [
      'Organisation,Contact,Email,Country',
      'مركز التدريب المهني,ليلى,layla@example.org,Jordan',
      '张伟培训中心,李娜,li@example.org,China',
      '٣,,,',
      '３,,,',
      'Total,٢,,',
    ].join('\n') + '\n');
    const report = json(await run(['--db', db, 'member', 'import', file, '--json']));
    expect(report).toMatchObject({ rows: 5, added: 2, rejected: 3 });
    expect(report.problems.map((p: any) => `${p.row}: ${p.problem}`)).toEqual([
      '3: rejected: no organisation, name or email',
      '4: rejected: no organisation, name or email',
      '5: rejected: a line of totals (a label such as "Total" and numbers), not a member',
    ]);
    const names = json(await run(['--db', db, 'members', '--json'])).map((m: any) => m.organization);
    expect(names.sort()).toEqual(['مركز التدريب المهني', '张伟培训中心'].sort());
  });
});

describe('member import: a line of totals told by its shape, not by a name', () => {
  it('keeps organisations called "Total" or "Sum" (with a phone number, or alone) and rejects a sub-total by region and the last lines of counts', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const file = path.join(dir, 'partners.csv');
    fs.writeFileSync(file, [
      'Organisation;Country;Phone;Staff',
      'Total;;+33 1 47 44 45 46;',
      'Sum;;;',
      'Centro Sur;Kenya;;12',
      'Subtotal Africa;;;1',
      'Subtotal;Americas;;2',
      'Sum;;;40',
      'Totales;;;',
      'Total;;;2',
      'Grand total;;;3',
    ].join('\n') + '\n');
    const report = json(await run(['--db', db, 'member', 'import', file, '--json']));
    expect(report).toMatchObject({ rows: 9, added: 4, unchanged: 1, rejected: 4 });
    expect(report.problems.map((p: any) => p.row)).toEqual([4, 5, 8, 9]);
    const names = json(await run(['--db', db, 'members', '--json'])).map((m: any) => m.organization);
    expect(names.sort()).toEqual(['Centro Sur', 'Sum', 'Total', 'Totales']);
  });
});

describe('member import: the last lines of totals in other languages', () => {
  it('rejects Excel\'s grand totals in Italian, Portuguese and German and a line under the sign Σ (they became members), and keeps "Summa" and "Totally Skills"', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const file = path.join(dir, 'partners.csv');
    fs.writeFileSync(file, [
      'Organisation;Country;Staff',
      'Summa;;3',
      'Totally Skills;;5',
      'Centro Sur;Kenya;12',
      'Totale complessivo;;20',
      'Total Geral;;20',
      'Gesamtergebnis;;20',
      'Σ;;20',
    ].join('\n') + '\n');
    const report = json(await run(['--db', db, 'member', 'import', file, '--json']));
    expect(report).toMatchObject({ rows: 7, added: 3, rejected: 4 });
    expect(report.problems.map((p: any) => p.row)).toEqual([4, 5, 6, 7]);
  });
});

describe('member import of a list of people without an organisation column', () => {
  it('lists a website or organisation type column as not read (it was "website ← Domain Name" and kept nowhere), and reads it beside an organisation', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const people = path.join(dir, 'people.csv');
    fs.writeFileSync(people, 'Name,Email,Domain Name\nAna Exemplo,ana@example.org,example.org\nBo Muster,bo@example.net,CORP\n');
    const report = json(await run(['--db', db, 'member', 'import', people, '--json']));
    expect(report).toMatchObject({ rows: 2, added: 2 });
    expect(report.columns.website).toBeUndefined();
    expect(report.unmappedColumns).toEqual(['Domain Name']);
    const orgs = path.join(dir, 'orgs.csv');
    fs.writeFileSync(orgs, 'Organisation,Email,Domain Name\nTaller Sur,ana@tallersur.example,tallersur.example\n');
    expect(json(await run(['--db', db, 'member', 'import', orgs, '--json'])).columns.website).toEqual(['Domain Name']);
  });
});

describe('member import: a CRM\'s description of the contact', () => {
  it('is the member\'s note when the list has no notes column (it was read and dropped), and left to the notes column when there is one', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const crm = path.join(dir, 'crm.csv');
    fs.writeFileSync(crm, 'Account Name,First Name,Last Name,Email,Mailing Country,Description\nKenya Youth Works,Grace,Otieno,grace@example.org,Kenya,Met at the 2021 forum\n');
    const report = json(await run(['--db', db, 'member', 'import', crm, '--json']));
    expect(report.columns.notes).toEqual(['Description']);
    expect(report.columns.description).toBeUndefined();
    const shown = await run(['--db', db, 'member', 'show', `member-${report.memberIds[0]}`]);
    expect(shown.stdout).toMatch(/^Notes\s+Met at the 2021 forum$/m);
    const both = path.join(dir, 'both.csv');
    fs.writeFileSync(both, 'Organisation,Email,Country,Notes,Description\nTaller Sur,ana@example.org,Peru,Partner since 2019,Talleres de oficios\n');
    const second = json(await run(['--db', db, 'member', 'import', both, '--json']));
    expect(second.columns.notes).toEqual(['Notes']);
    const again = await run(['--db', db, 'member', 'show', `member-${second.memberIds[0]}`]);
    expect(again.stdout).toMatch(/^Notes\s+Partner since 2019$/m);
  });
});

describe('member import of the same list twice', () => {
  it('reports every row unchanged the second time, and does not repeat a note', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const file = path.join(dir, 'socios.csv');
    fs.writeFileSync(file, [
      'Nombre de la organización,Nombre,Apellido,Correo electrónico,País,Notas',
      'Servicio Ficticio,Lucía,Ejemplo,lucia.ejemplo@example.org,Colombia,prefiere WhatsApp',
      'Cámara Imaginaria,Andrés,García,andres.garcia@example.com,México,',
    ].join('\n') + '\n');
    expect(json(await run(['--db', db, 'member', 'import', file, '--json']))).toMatchObject({ rows: 2, added: 2 });
    expect(json(await run(['--db', db, 'member', 'import', file, '--json']))).toMatchObject({ rows: 2, added: 0, updated: 0, unchanged: 2 });
    const lucia = json(await run(['--db', db, 'members', '--json'])).find((m: any) => m.email === 'lucia.ejemplo@example.org');
    expect(lucia.notes).toBe('prefiere WhatsApp');
    // another note is added under the first
    fs.writeFileSync(file, 'Nombre de la organización,Correo electrónico,País,Notas\nServicio Ficticio,lucia.ejemplo@example.org,Colombia,llamar en marzo\n');
    expect(json(await run(['--db', db, 'member', 'import', file, '--json']))).toMatchObject({ updated: 1 });
    expect(json(await run(['--db', db, 'members', '--json'])).find((m: any) => m.email === 'lucia.ejemplo@example.org').notes).toBe('prefiere WhatsApp\nllamar en marzo');
  });
});

describe('member import of statuses written in words', () => {
  it('reads "ancien membre", "antiguo miembro" and "former member" as alumni', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const file = path.join(dir, 'statuts.csv');
    fs.writeFileSync(file, 'Organisation;Courriel;Statut\nOrg Un;un@example.org;ancien membre\nOrg Dos;dos@example.org;Antiguo miembro\nOrg Three;three@example.org;Former member\n');
    const r = json(await run(['--db', db, 'member', 'import', file, '--json']));
    expect(r).toMatchObject({ added: 3, problems: [] });
    expect(json(await run(['--db', db, 'members', '--json'])).map((m: { status: string }) => m.status)).toEqual(['alumni', 'alumni', 'alumni']);
  });
});

describe('member import and Ctrl-C', () => {
  it('stops between steps of a long list when the caller aborts, and keeps none of its rows (5,000 rows were one block: Ctrl-C waited 8 s, then all were saved)', async () => {
    const { openDatabase } = await import('../../../src/db/connection.js');
    const { importMembers } = await import('../../../src/network/member-import.js');
    const dir = tempDir();
    const file = path.join(dir, 'long.csv');
    fs.writeFileSync(file, ['Organisation,Contact name,Email', ...Array.from({ length: 3000 }, (_, i) => `Org ${i},Person ${i},p${i}@example.org`)].join('\n') + '\n');
    const db = openDatabase(path.join(dir, 'n.db'), { create: true });
    try {
      const controller = new AbortController();
      // Aborted once the rows are being written: the next step stops the import.
      const stop = setImmediate(() => controller.abort());
      await expect(importMembers(db, file, {}, { signal: controller.signal })).rejects.toMatchObject({ name: 'InterruptedError' });
      clearImmediate(stop);
      expect(db.inTransaction).toBe(false);
      expect(db.prepare('SELECT count(*) FROM members').pluck().get()).toBe(0);
      expect((await importMembers(db, file)).added).toBe(3000);
    } finally {
      db.close();
    }
  });
});
