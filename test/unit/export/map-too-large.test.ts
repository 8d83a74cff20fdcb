import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { exportMap } from '../../../src/export/export-map.js';
import type { Warning } from '../../../src/reporting.js';
import { tempDir } from '../support/run.js';
import { exportFixture } from './fixture.js';

/**
 * A call of tens of thousands of organisations gave a map no browser shows usefully, written
 * without a word after a long layout: the export now says so first, with how to narrow it, and
 * still writes the file.
 */
describe('export map past what a browser shows usefully', () => {
  const exportWith = async (browserLimit: number, dryRun = false) => {
    const db = openDatabase(exportFixture().dbPath);
    const dir = tempDir();
    const file = path.join(dir, 'network.html');
    const warnings: { warning: Warning; written: boolean }[] = [];
    try {
      const done = await exportMap(db, { out: 'network.html', cwd: dir, filters: { allCalls: true }, peerLinks: 3, lang: 'en', browserLimit, dryRun }, {
        onWarning: (warning) => warnings.push({ warning, written: fs.existsSync(file) }),
      });
      return { warnings, done, file };
    } finally {
      db.close();
    }
  };

  it('warns before the layout and the writing, says how to narrow the map, and writes it anyway', async () => {
    const { warnings, done, file } = await exportWith(9);
    const tooLarge = warnings.filter((w) => w.warning.code === 'too-large');
    expect(tooLarge).toHaveLength(1);
    expect(tooLarge[0]!.written).toBe(false);
    expect(tooLarge[0]!.warning.message).toMatch(/^a map of 10 organisations is more than a browser shows usefully \(over 9: .*\); it is written anyway\. .*--call.*--roster NAME --members-only.*--region/);
    expect(done.result.counts.organizations).toBe(10);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('says the map would be written on --dry-run, and writes nothing', async () => {
    const { warnings, file } = await exportWith(9, true);
    expect(warnings.find((w) => w.warning.code === 'too-large')?.warning.message).toMatch(/; it would be written anyway\. /);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('says nothing of the kind up to the limit', async () => {
    const { warnings, file } = await exportWith(10);
    expect(warnings.map((w) => w.warning.code)).not.toContain('too-large');
    expect(fs.existsSync(file)).toBe(true);
  });
});
