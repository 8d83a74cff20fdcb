/**
 * docs/json.md's `import --json` section names every key a script receives, at the top and per
 * file (a key added to the report without a word there, as `files[].organizations` was, fails).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { json, ROOT, run, tempDir } from '../support/run.js';

const dir = tempDir('skillsnet-doc-import-keys-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function section(heading: string): string {
  const page = fs.readFileSync(path.join(ROOT, 'docs', 'json.md'), 'utf8');
  return page.split(heading)[1]?.split(/\n###? /)[0] ?? '';
}

describe('docs/json.md, import --json', () => {
  it('names every key of the report and of each file', async () => {
    const db = path.join(dir, 'keys.db');
    // (invented applicants, a few rows: the keys are there whatever the counts)
    const sample = path.join(dir, 'applications.csv');
    fs.writeFileSync(sample, [
      'Timestamp,Application ID,Name of your organization,Email Address,Country,Title of your innovation',
      '3/4/2020 1:22:39,SIC-1,Taller Uno,uno@example.org,Peru,Solar skills for women',
      '3/5/2020 9:10:00,SIC-2,Red Dos,,Chile,Apprenticeships in ports',
    ].join('\n'));
    const report = json<Record<string, unknown> & { files: Record<string, unknown>[] }>(await run(['--db', db, 'import', sample, '--call', '2020', '--json']));
    const text = section('### `import --json`\n');
    const unnamed = [...Object.keys(report), ...Object.keys(report.files[0]!)].filter((k) => !text.includes(`"${k}"`) && !text.includes(`\`${k}\``));
    expect(unnamed).toEqual([]);
  });
});
