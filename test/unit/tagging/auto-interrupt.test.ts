import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { importFiles } from '../../../src/import/importer.js';
import { autoTag } from '../../../src/tagging/auto.js';
import { InterruptedError } from '../../../src/errors.js';
import { dataPath } from '../../../src/paths.js';
import { tempDir } from '../support/run.js';

const tagged = (db: ReturnType<typeof openDatabase>) => db.prepare('SELECT count(DISTINCT application_id) FROM application_categories').pluck().get() as number;

describe('tag auto stopped part way (Ctrl-C)', () => {
  it('keeps the batches saved so far, and says exactly how many applications they tagged', async () => {
    const db = openDatabase(path.join(tempDir(), 'call.db'), { create: true });
    try {
      await importFiles(db, [dataPath('sample', 'applications.csv')], { call: '2020' });
      const stop = new AbortController();
      let said = '';
      try {
        await autoTag(db, { signal: stop.signal, onKept: () => stop.abort() });
        throw new Error('not interrupted');
      } catch (e) {
        expect(e).toBeInstanceOf(InterruptedError);
        said = (e as Error).message;
      }
      const kept = /^([\d,]+) applications? (?:was|were) tagged and kept; the rest were not/.exec(said);
      expect(kept, said).not.toBeNull();
      expect(tagged(db)).toBe(Number(kept![1]!.replace(/,/g, '')));
      // The next run tags the rest.
      const rest = await autoTag(db);
      expect(tagged(db)).toBe(Number(kept![1]!.replace(/,/g, '')) + rest.tagged);
    } finally {
      db.close();
    }
  });

  it('stopped before its first batch: nothing changed, and it says so', async () => {
    const db = openDatabase(path.join(tempDir(), 'call.db'), { create: true });
    try {
      await importFiles(db, [dataPath('sample', 'applications.csv')], { call: '2020' });
      const stop = new AbortController();
      stop.abort();
      await expect(autoTag(db, { signal: stop.signal })).rejects.toThrow(/^no application was tagged; nothing was changed$/);
      expect(tagged(db)).toBe(0);
    } finally {
      db.close();
    }
  });
});
