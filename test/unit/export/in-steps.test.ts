import { describe, expect, it } from 'vitest';
import { drainInSteps, inReadSnapshot, openDatabase } from '../../../src/db/connection.js';
import { exportNetwork, exportNetworkInSteps } from '../../../src/export/export-common.js';
import { exportContacts } from '../../../src/export/export-contacts.js';
import { kumuCsv } from '../../../src/export/kumu.js';
import { networkGraphml, networkGraphmlInSteps } from '../../../src/export/graphml.js';
import { contactsVcf, contactsVcfInSteps } from '../../../src/export/vcard.js';
import { buildContacts, buildContactsInSteps } from '../../../src/export/contacts.js';
import { arrayInSteps } from '../../../src/reporting.js';
import { scoredApplications } from '../../../src/selection/candidates.js';
import { rosterNamesByApplication } from '../../../src/db/rosters.js';
import { exportFixture } from './fixture.js';

/** The exports' long loops run in steps (Ctrl-C is answered between them): the same text as in one go. */
describe('written in steps, the same file', () => {
  it('GraphML and vCards, with a pause after every item', async () => {
    const db = openDatabase(exportFixture().dbPath);
    try {
      const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
      const { network } = exportNetwork(db, {}, { peerLinks: 3 }, {});
      expect(await networkGraphmlInSteps(network, pause)).toBe(networkGraphml(network));
      const list = buildContacts(scoredApplications(db, {}, {}), rosterNamesByApplication(db));
      expect(await contactsVcfInSteps(list, pause)).toBe(contactsVcf(list));
    } finally {
      db.close();
    }
  });
});

describe('contacts built in steps (Ctrl-C went unanswered for seconds while 20,000 applications were read and made contacts)', () => {
  it('the same list as in one go, and the pause comes while the applications are read and while the contacts are made', async () => {
    const db = openDatabase(exportFixture().dbPath);
    try {
      // (the fixture's applications ten times over: a list long enough for the steps, the same addresses merged)
      const many = Array.from({ length: 10 }, () => [...scoredApplications(db, {}, {})]).flat();
      const whole = buildContacts(many, rosterNamesByApplication(db));
      // (each record slow enough that 50 ms go by in a few of them: the pause must come in between)
      const slow = function* <T>(items: Iterable<T>) {
        for (const item of items) {
          const until = performance.now() + 2;
          while (performance.now() < until) { /* a slow record */ }
          yield item;
        }
      };
      let pauses = 0;
      const pause = () => { pauses++; return new Promise<void>((resolve) => setImmediate(resolve)); };
      const applications = await arrayInSteps(slow(many), pause);
      expect(applications).toEqual(many);
      const read = pauses;
      expect(read).toBeGreaterThan(0);
      const inSteps = await buildContactsInSteps(slow(applications), rosterNamesByApplication(db), {}, pause);
      expect(pauses).toBeGreaterThan(read);
      expect(inSteps).toEqual(whole);
    } finally {
      db.close();
    }
  });
});


describe('export contacts reads one snapshot (its steps pause, and another command may commit in a pause)', () => {
  it('a change another connection commits while the applications are read is wholly out of the list (the names read after them were the new ones)', async () => {
    const { dbPath, dir } = exportFixture();
    const db = openDatabase(dbPath);
    const other = openDatabase(dbPath);
    try {
      const options = { out: '-', cwd: dir, format: 'csv' as const, filters: { allCalls: true } };
      const before = (await exportContacts(db, options)).text!;
      let changed = 0;
      const onProgress = () => {
        if (changed++ === 0) other.prepare("UPDATE applications SET given_name = 'Midway', family_name = 'Changed'").run();
      };
      const during = (await exportContacts(db, options, { onProgress })).text!;
      expect(changed).toBeGreaterThan(0);
      expect(during).toBe(before);
      // (the change itself was committed: the next export has it)
      expect((await exportContacts(db, options)).text!).toContain('Midway');
      expect(db.inTransaction).toBe(false);
    } finally {
      other.close();
      db.close();
    }
  });
});

describe('Kumu CSV in steps (115,000 connections made CSV in one go: Ctrl-C waited 4.7 s at a load of 9)', () => {
  it('the same text as in one go, with pauses while the rows are written', async () => {
    // (each row slow enough that 50 ms go by within a step of rows: the pause must come between them)
    const slowRow = (i: number) => Object.defineProperty({ ID: `org-${i}`, Label: i % 7 ? `Org ${i}` : '=cmd|x', Tags: ['a', 'b'], Score: i / 10 }, 'Description', {
      enumerable: true,
      get() {
        const until = performance.now() + 1;
        while (performance.now() < until) { /* a slow cell */ }
        return i % 5 ? `line one\nline "two" ${i}` : '';
      },
    });
    const fields = ['ID', 'Label', 'Description', 'Tags', 'Score'];
    const rows = Array.from({ length: 450 }, (_, i) => slowRow(i));
    let pauses = 0;
    const inSteps = await kumuCsv(fields, rows, () => { pauses++; return new Promise<void>((resolve) => setImmediate(resolve)); });
    expect(pauses).toBeGreaterThan(0);
    expect(inSteps).toBe(await kumuCsv(fields, rows));
    expect(await kumuCsv(fields, [], async () => {})).toBe(await kumuCsv(fields, []));
  });
});

describe('the network exports read one snapshot, the applications with pauses', () => {
  it('a change committed in a pause between the members and the applications is wholly out of the network (the applications read after it were the new ones)', async () => {
    const { dbPath } = exportFixture();
    const db = openDatabase(dbPath);
    const other = openDatabase(dbPath);
    try {
      const before = JSON.stringify((await exportNetworkInSteps(db, { allCalls: true }, { peerLinks: 3 }, {}, async () => {})).network);
      let pauses = 0;
      const pause = async () => {
        if (pauses++ === 0) other.prepare("UPDATE applications SET title = 'Midway'").run();
        await new Promise<void>((resolve) => setImmediate(resolve));
      };
      const during = JSON.stringify((await exportNetworkInSteps(db, { allCalls: true }, { peerLinks: 3 }, {}, pause)).network);
      expect(pauses).toBeGreaterThan(1);
      expect(during).toBe(before);
      expect(JSON.stringify((await exportNetworkInSteps(db, { allCalls: true }, { peerLinks: 3 }, {}, async () => {})).network)).toContain('Midway');
      expect(db.inTransaction).toBe(false);
    } finally {
      other.close();
      db.close();
    }
  });
});

describe('Ctrl-C while a snapshot\'s rows are read in steps', () => {
  it('the interruption is what the command hears, the rows\' statement closed and the snapshot ended (the rollback met the open statement: "This database connection is busy executing a query")', async () => {
    const { dbPath } = exportFixture();
    const db = openDatabase(dbPath);
    try {
      // (each row slow enough that 50 ms go by within a few: the pause, here Ctrl-C, comes while the statement is open)
      const rows = function* () {
        for (const r of db.prepare('SELECT id FROM applications').iterate()) {
          const until = performance.now() + 30;
          while (performance.now() < until) { /* a slow row */ }
          yield r;
        }
      };
      const interrupted = new Error('interrupted');
      const read = inReadSnapshot(db, () => arrayInSteps(rows(), async () => { throw interrupted; }));
      await expect(read).rejects.toBe(interrupted);
      expect(db.inTransaction).toBe(false);
      // (the connection is free for the next statement)
      expect(db.prepare('SELECT count(*) AS n FROM applications').get()).toBeTruthy();
      // the same for work written as steps (drainInSteps: the contacts made, erase's and attendance's writes)
      const steps = function* (): Generator<void, number> {
        let n = 0;
        for (const _ of rows()) {
          n++;
          yield;
        }
        return n;
      };
      const drained = inReadSnapshot(db, () => drainInSteps(steps(), async () => { throw interrupted; }));
      await expect(drained).rejects.toBe(interrupted);
      expect(db.inTransaction).toBe(false);
      expect(db.prepare('SELECT count(*) AS n FROM applications').get()).toBeTruthy();
    } finally {
      db.close();
    }
  });
});
