import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { exportNetwork } from '../../../src/export/export-common.js';
import { networkGraphml, networkGraphmlInSteps } from '../../../src/export/graphml.js';
import { contactsVcf, contactsVcfInSteps } from '../../../src/export/vcard.js';
import { buildContacts } from '../../../src/export/contacts.js';
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
