/**
 * The library as a script uses it (src/core/index.ts): a database, typed options, typed
 * results; status, warnings and progress only through callbacks, nothing on stdout or stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyReplacement, autoTag, eligibleCandidates, exportKumu, exportRoster, importFiles, openDatabase, planReplacement,
  rosterReport, saveCoreGroup, savedRosters, selectCoreGroup, type ProgressEvent, type Warning,
} from '../../../src/core/index.js';
import { dataPath } from '../../../src/paths.js';
import { tempDir } from '../support/run.js';

const dir = tempDir('skillsnet-library-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Everything written to the process's own streams while fn runs. */
async function printed<T>(fn: () => Promise<T>): Promise<{ value: T; text: string }> {
  let text = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => ((text += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((text += s), true)) as typeof process.stderr.write;
  try {
    return { value: await fn(), text };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

describe('the library, without a terminal', () => {
  it('imports, tags, selects, saves, exports and replaces through callbacks only, printing nothing', async () => {
    const db = openDatabase(path.join(dir, 'call.db'), { create: true });
    const statuses: string[] = [];
    const warnings: Warning[] = [];
    const progress: ProgressEvent[] = [];
    const callbacks = { onStatus: (s: string) => statuses.push(s), onWarning: (w: Warning) => warnings.push(w), onProgress: (p: ProgressEvent) => progress.push(p) };
    const { text } = await printed(async () => {
      const report = await importFiles(db, [dataPath('sample', 'applications.csv')], { call: '2020' }, callbacks);
      expect(report.rows).toBe(report.inserted + report.updated + report.unchanged + report.rejected);
      expect(progress.at(-1)).toMatchObject({ label: 'applications.csv', finished: true });

      expect((await autoTag(db)).tagged).toBeGreaterThan(400);

      const selection = await selectCoreGroup(db, { size: 25, minPerRegion: 3, maxPerCountry: 2, minPerCategory: 1, name: 'core' }, callbacks);
      expect(selection.result).toMatchObject({ name: 'core', feasible: true, optimal: true, saved: false });
      expect(selection.result.members).toHaveLength(25);
      expect(statuses).toContain(`Selecting 25 of ${eligibleCandidates(db, {}).length} eligible applications…`);
      saveCoreGroup(db, selection);
      expect(selection.result.saved).toBe(true);
      expect(savedRosters(db).map((r) => [r.name, r.params.size])).toEqual([['core', 25]]);
      // A second selection under the same name is refused unless told to replace it.
      const again = await selectCoreGroup(db, { size: 25, minPerRegion: 3, name: 'core' });
      expect(again.nameTaken).toBe(true);
      expect(() => saveCoreGroup(db, again)).toThrow(/a roster named core already exists/);

      const roster = await exportRoster(db, { name: 'core', format: 'md', out: '-', cwd: dir });
      expect(roster.text).toMatch(/^# Core Group: core/);
      expect(roster.result.files).toEqual([]);
      const map = await exportKumu(db, { filters: { minScore: 100 }, format: 'json', out: path.join(dir, 'map.json'), cwd: dir }, callbacks);
      expect(map.result.counts.applications).toBe(0);
      expect(warnings.map((w) => w.code)).toContain('empty');
      expect(fs.existsSync(path.join(dir, 'map.json'))).toBe(true);

      const leaving = selection.result.members[0].id;
      const replacement = await planReplacement(db, 'core', leaving);
      expect(replacement.result.saved).toBe(false);
      applyReplacement(db, replacement);
      const after = rosterReport(db, 'core');
      expect(after.members.map((m) => m.id)).not.toContain(leaving);
      expect(after.members.map((m) => m.id)).toContain(replacement.incoming!.id);
      expect(after.changes).toHaveLength(1);
    });
    expect(text).toBe('');
    db.close();
  });
});
