import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, run, tempDir } from '../support/run.js';

/** Three applications: a resubmission of the first under another spelling (same address), and one unrelated. */
async function call(): Promise<{ db: string; ids: number[] }> {
  const dir = tempDir();
  const db = path.join(dir, 'n.db');
  fs.writeFileSync(path.join(dir, 'a.csv'), [
    'Organization,Contact name,Email,Country,Title',
    'Taller Abierto,Ana Ejemplo,ana@example.org,Kenya,Oficios',
    'Taller Abierto Nairobi,Ana Ejemplo,ana@example.org,Kenya,Oficios',
    'Cooperativa Sol,Bea Muestra,bea@example.net,Peru,Energía',
  ].join('\n') + '\n');
  expect((await run(['--db', db, 'import', path.join(dir, 'a.csv'), '--call', '2020'])).code).toBe(0);
  const ids = json(await run(['--db', db, 'list', '--json'])).map((a: { id: number }) => a.id);
  expect(ids).toHaveLength(3);
  return { db, ids };
}

const listed = async (db: string) => json(await run(['--db', db, 'list', '--json'])).length;

describe('merge says how two records differ in who they are', () => {
  it('two applications with no organisation, email or country in common: said on stderr, and refused off a terminal without --yes', async () => {
    const { db, ids } = await call();
    const [kept, , unrelated] = ids.map(String);
    const refused = await run(['--db', db, 'merge', kept, unrelated]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/warning: application \d+ and application \d+ differ: organisation "Taller Abierto" vs "Cooperativa Sol"; no email address in common; country KE vs PE \(nothing in common\)/);
    expect(refused.stderr).not.toMatch(/@example/); // the addresses are not spelled out
    expect(refused.stderr).toMatch(/error: .* have no organisation, email or country in common: merging them needs confirmation\n.*--dry-run.*--yes/);
    expect(await listed(db)).toBe(3);
    // --json too: one document, or an error and nothing on stdout
    expect((await run(['--db', db, 'merge', kept, unrelated, '--json'])).stdout).toBe('');
    const dry = await run(['--db', db, 'merge', kept, unrelated, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(json(dry)).toMatchObject({ dryRun: true });
    expect(dry.stderr).toMatch(/differ: organisation/);
    // the dry run's last line gives the command that merges them, which needs --yes here
    const told = await run(['--db', db, 'merge', kept, unrelated, '--dry-run']);
    expect(told.stderr).toMatch(new RegExp(`if they are one all the same, merge: skillsnet merge ${kept} ${unrelated} --yes\\n`));
    const confirmed = await run(['--db', db, 'merge', kept, unrelated, '--yes']);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(confirmed.stderr).toMatch(/differ: organisation "Taller Abierto" vs "Cooperativa Sol"/);
    expect(await listed(db)).toBe(2);
  });

  it('a resubmission under another spelling (the same address) merges as before, the other spelling named', async () => {
    const { db, ids } = await call();
    const r = await run(['--db', db, 'merge', String(ids[0]), String(ids[1]), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^warning: application \d+ and application \d+ differ: organisation "Taller Abierto" vs "Taller Abierto Nairobi"\n$/);
    expect(await listed(db)).toBe(2);
    // a pair that shares something is merged as the dry run says, without --yes
    const { db: db2, ids: ids2 } = await call();
    const plain = await run(['--db', db2, 'merge', String(ids2[0]), String(ids2[1]), '--dry-run']);
    expect(plain.stderr).toMatch(new RegExp(`Nothing was saved\\. Merge: skillsnet merge ${ids2[0]} ${ids2[1]}\\n`));
  });

  it('organisations too: one that shares nothing with the other needs --yes', async () => {
    const { db, ids } = await call();
    const orgOf = async (id: number) => json(await run(['--db', db, 'show', String(id), '--json'])).organization.id as string;
    const r = await run(['--db', db, 'merge', await orgOf(ids[0]), await orgOf(ids[2])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: org-\d+ and org-\d+ have no organisation, email or country in common/);
    // organization link's dry run names organization link
    const [a, b] = [await orgOf(ids[0]), await orgOf(ids[2])];
    expect((await run(['--db', db, 'organization', 'link', a, b, '--dry-run'])).stderr).toMatch(new RegExp(`merge: skillsnet organization link ${a} ${b} --yes\\n`));
  });
});
