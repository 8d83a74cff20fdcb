import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/run.js';
import { openDatabase } from '../../../src/db/connection.js';
import { insertApplication } from '../../../src/db/applications.js';
import { saveRoster } from '../../../src/db/rosters.js';
import { acceptRoster } from '../../../src/network/members.js';
import { inviteCommand } from '../../../src/events/manage.js';

/**
 * The step `event add` suggests next names this database's latest Core Group: it said
 * "--cohort 2020" in every database, so a year later the officer was pointed at last year's.
 */
describe('the invitation event add suggests', () => {
  it('names the latest cohort and its roster, a roster not yet accepted, or placeholders', () => {
    const db = openDatabase(path.join(tempDir(), 'e.db'), { create: true });
    expect(inviteCommand(db, 1)).toBe('skillsnet event invite 1 --roster NAME (or --role ROLE)');
    let n = 0;
    const app = (call: string, i = ++n) => insertApplication(db, call, { externalId: `${call}-${i}`, title: `Project ${i}`, organization: `Org ${call} ${i}`, email: `p${i}@org${call}.example.org`, country: 'KE', region: 'Africa' });
    const roster = (name: string, call: string) => saveRoster(db, {
      name, params: {} as never, solverStatus: 'optimal', optimal: true, objective: 1, solveMs: 1,
      members: [{ applicationId: app(call), reasons: [] }], alternates: [{ applicationId: app(call), reasons: [] }],
    });
    roster('core-2020', '2020');
    expect(inviteCommand(db, 1)).toBe('skillsnet event invite 1 --roster core-2020 (or --role ROLE)');
    acceptRoster(db, 'core-2020');
    roster('Core Group 2021', '2021');
    acceptRoster(db, 'Core Group 2021', { cohort: '2021' });
    roster('core-2021-draft', '2021');
    expect(inviteCommand(db, 7)).toBe('skillsnet event invite 7 --roster "Core Group 2021" (or --role core-group --cohort 2021)');
    // cohorts numbered past 9: the tenth is the latest, not the ninth
    roster('cohort-9', '2022');
    acceptRoster(db, 'cohort-9', { cohort: 'Cohort 9' });
    roster('cohort-10', '2023');
    acceptRoster(db, 'cohort-10', { cohort: 'Cohort 10' });
    expect(inviteCommand(db, 8)).toBe('skillsnet event invite 8 --roster cohort-10 (or --role core-group --cohort "Cohort 10")');
    db.close();
  });
});
