import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';
import { makeCall } from '../selection/fixtures.js';

let dir: string;
let dbPath: string;

beforeAll(() => {
  dir = tempDir();
  dbPath = path.join(dir, 'call.db');
  makeCall(dbPath, 60, 3);
});

// Organisation types and beneficiary groups are free vocabularies: a misspelt value in a
// quotas file written by hand matches nobody, and a maximum on it silently caps nothing.
describe('a quota on a type or beneficiary group nobody eligible has', { timeout: 60_000 }, () => {
  it('is warned about, with its line and the values in use', () => {
    const quotas = path.join(dir, 'quotas.csv');
    fs.writeFileSync(quotas, 'feature;value;min;max\norganizationType;Univeristy;;2\nbeneficiary;Youth;1;\nbeneficiary;Yuoth;;3\n');
    const r = runCli(['select', '--size', '5', '--quotas', quotas, '--dry-run', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: quotas\.csv line 2: no eligible application has organisation type "Univeristy".*\n?.*NGO/);
    expect(r.stderr).toMatch(/warning: quotas\.csv line 4: no eligible application has beneficiary "Yuoth".*\n?.*Youth/);
    expect(r.stderr).not.toMatch(/line 3/);
  });
});
