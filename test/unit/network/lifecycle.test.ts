import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedCall, json, run } from '../support/run.js';

async function call(): Promise<{ db: string; dir: string; ids: number[] }> {
  const { dir, db } = await importedCall([
    'Organization,Contact name,Email,Phone,Country,Title,Score',
    'Fundación Andes,Ana Ejemplo,ana@example.org,,Peru,Talleres de oficios para jóvenes,8',
    'Fundacion Andes Peru,,ana@example.org,+51 1 555 0101,Peru,Talleres de oficios para jóvenes,7',
    'Atelier Vert,Awa Exemple,awa@example.net,,Senegal,Jardins urbains et emploi,9',
  ]);
  const ids = json(await run(['--db', db, 'list', '--json'])).map((a: { id: number }) => a.id);
  return { db, dir, ids };
}

describe('edit', () => {
  it('changes fields of an application, an organisation and a member, keeping the old values; a dry run keeps nothing', async () => {
    const { db, ids } = await call();
    const dry = await run(['--db', db, 'edit', String(ids[0]), '--set', 'country=Chile', '--dry-run', '--json']);
    expect(json(dry)).toMatchObject({ changed: ['country'], dryRun: true, historyId: null });
    expect(json(await run(['--db', db, 'show', String(ids[0]), '--json'])).application.country).toBe('PE');
    const r = await run(['--db', db, 'edit', String(ids[0]), '--set', 'country=Chile', '--set', 'workingLanguage=fr', '--set', 'title=Nuevos talleres de oficios', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ changed: ['country', 'workingLanguage', 'title'], dryRun: false });
    const shown = json(await run(['--db', db, 'show', String(ids[0]), '--json']));
    expect(shown.application).toMatchObject({ country: 'CL', region: 'Americas', title: 'Nuevos talleres de oficios' });
    expect(shown.changes[0].fields).toEqual(expect.arrayContaining(['country', 'working_language', 'title']));
    const orgId = shown.organization.id;
    expect((await run(['--db', db, 'edit', orgId, '--set', 'notes=Met in Lima', '--set', 'type=ONG'])).code).toBe(0);
    const org = json(await run(['--db', db, 'show', orgId, '--json']));
    expect(org.organization).toMatchObject({ notes: 'Met in Lima', organizationType: 'NGO' });
    const member = org.member.id;
    expect(json(await run(['--db', db, 'edit', `member-${member}`, '--set', 'consentMap=non', '--json'])).changed).toEqual(['consentMap']);
    const bad = await run(['--db', db, 'edit', String(ids[0]), '--set', 'colour=blue']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no field "colour".*\n.*fields: organization/);
    const badCountry = await run(['--db', db, 'edit', String(ids[0]), '--set', 'country=Narnia']);
    expect(badCountry.code).toBe(2);
  });
});

describe("edit of an application's country, and its organisation's", () => {
  const place = async (db: string, org: string) => {
    const member = json(await run(['--db', db, 'members', '--json'])).find((m: { kumuId: string }) => m.kumuId === org);
    const shown = json(await run(['--db', db, 'show', org, '--json'])).organization;
    return { member: [member.country, member.region], organization: [shown.country, shown.region] };
  };

  it("moves an organisation of one application with it, in the same change of the history", async () => {
    const { db, ids } = await call();
    const org = json(await run(['--db', db, 'show', String(ids[2]), '--json'])).organization.id as string;
    const dry = await run(['--db', db, 'edit', String(ids[2]), '--set', 'country=Peru', '--dry-run']);
    expect(dry.stderr).toContain(`${org} would move with it: its country came from this application (now PE).`);
    expect(await place(db, org)).toEqual({ member: ['SN', 'Africa'], organization: ['SN', 'Africa'] });
    const r = await run(['--db', db, 'edit', String(ids[2]), '--set', 'country=Peru']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${org} moved with it: its country came from this application (now PE).`);
    expect(await place(db, org)).toEqual({ member: ['PE', 'Americas'], organization: ['PE', 'Americas'] });
    const history = await run(['--db', db, 'history', org]);
    expect(history.stdout).toMatch(/edit\tapplication \d+\tcountry, region; organisation: country, region\t/);
    expect(json(await run(['--db', db, 'history', org, '--json']))[0].fields).toContain('organizations.country');
    expect(json(await run(['--db', db, 'edit', String(ids[2]), '--set', 'country=Senegal', '--json'])).organizationCountry)
      .toEqual({ organization: org, country: 'SN', followed: true, applications: [], applicationCountry: 'SN' });
  });

  it('leaves an organisation whose other application still says its country, and says how to move it', async () => {
    const { db, ids } = await call();
    const org = json(await run(['--db', db, 'show', String(ids[0]), '--json'])).organization.id as string;
    expect(json(await run(['--db', db, 'show', String(ids[1]), '--json'])).organization.id).toBe(org);
    const r = await run(['--db', db, 'edit', String(ids[0]), '--set', 'country=Chile']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${org} still says PE, as application ${ids[1]} does. To move the organisation too: skillsnet edit ${org} --set country=CL`);
    expect(await place(db, org)).toEqual({ member: ['PE', 'Americas'], organization: ['PE', 'Americas'] });
    // Once no application says PE any more, the organisation's country came from the one corrected last.
    const last = await run(['--db', db, 'edit', String(ids[1]), '--set', 'country=Chile', '--json']);
    expect(json(last).organizationCountry).toMatchObject({ organization: org, country: 'CL', followed: true });
    expect(await place(db, org)).toEqual({ member: ['CL', 'Americas'], organization: ['CL', 'Americas'] });
  });
});

describe("the maps place an organisation where members do: the organisation's country", () => {
  /** The organisation's country and region on the Kumu map, in GraphML and on the offline map. */
  const onMaps = async (db: string, dir: string, org: string) => {
    const kumu = JSON.parse((await run(['--db', db, 'export', 'kumu', '--format', 'json', '--out', '-'])).stdout).elements.find((e: { id: string }) => e.id === org);
    const graphml = (await run(['--db', db, 'export', 'graphml', '--out', '-'])).stdout.split(`<node id="${org}">`)[1]!.split('</node>')[0]!;
    expect((await run(['--db', db, 'export', 'map', '--out', path.join(dir, 'map.html'), '--force'])).code).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'map.html'), 'utf8');
    const page = JSON.parse(html.match(/<script type="application\/json" id="skillsnet-map-data">([\s\S]*?)<\/script>/)![1]!);
    const node = page.nodes.find((n: { id: string }) => n.id === org);
    return {
      kumu: [kumu['Country Code'], kumu.Region],
      graphml: [graphml.match(/<data key="countryCode">(\w+)</)?.[1], graphml.match(/<data key="region">([^<]+)</)?.[1]],
      map: [node.countryCode, node.region],
    };
  };
  const member = async (db: string, org: string) => json(await run(['--db', db, 'members', '--json'])).find((m: { kumuId: string }) => m.kumuId === org);

  it('after edit org-N --set country', async () => {
    const { db, dir, ids } = await call();
    const org = json(await run(['--db', db, 'show', String(ids[2]), '--json'])).organization.id as string;
    expect((await run(['--db', db, 'edit', org, '--set', 'country=Chile'])).code).toBe(0);
    expect(await member(db, org)).toMatchObject({ country: 'CL', region: 'Americas' });
    expect(await onMaps(db, dir, org)).toEqual({ kumu: ['CL', 'Americas'], graphml: ['CL', 'Americas'], map: ['CL', 'Americas'] });
  });

  it("after an application's country changed while the organisation kept its own", async () => {
    const { db, dir, ids } = await call();
    const org = json(await run(['--db', db, 'show', String(ids[0]), '--json'])).organization.id as string;
    expect((await run(['--db', db, 'edit', String(ids[0]), '--set', 'country=Chile'])).code).toBe(0);
    expect(await member(db, org)).toMatchObject({ country: 'PE', region: 'Americas' });
    expect(await onMaps(db, dir, org)).toEqual({ kumu: ['PE', 'Americas'], graphml: ['PE', 'Americas'], map: ['PE', 'Americas'] });
  });
});

describe('merge and unmerge', () => {
  it('merges a resubmission into the first application and puts both back', async () => {
    const { db, ids } = await call();
    const [first, second] = ids;
    const dry = json(await run(['--db', db, 'merge', String(first), String(second), '--dry-run', '--json']));
    expect(dry).toMatchObject({ kind: 'application', kept: `application ${first}`, merged: `application ${second}`, dryRun: true });
    expect(dry.steps.join('\n')).toMatch(/phone/);
    expect(json(await run(['--db', db, 'list', '--json']))).toHaveLength(3);
    const merged = await run(['--db', db, 'merge', String(first), String(second), '--json']);
    expect(merged.code, merged.stderr).toBe(0);
    const list = json(await run(['--db', db, 'list', '--json']));
    expect(list.map((a: { id: number }) => a.id)).toEqual([first, ids[2]]);
    expect(list[0].phone).toBe('+51 1 555 0101'); // filled from the duplicate
    expect(json(await run(['--db', db, 'show', String(second), '--json'])).application.mergedInto).toBe(first);
    const undone = await run(['--db', db, 'unmerge', String(second), '--json']);
    expect(undone.code, undone.stderr).toBe(0);
    expect(json(undone).conflicts).toEqual([]);
    const back = json(await run(['--db', db, 'list', '--json']));
    expect(back).toHaveLength(3);
    expect(back[0].phone).toBeNull();
    expect((await run(['--db', db, 'unmerge', '--last'])).code).toBe(1); // nothing left to undo
    // a value an officer changed after a merge stays: unmerge does not claim both are as they were
    expect((await run(['--db', db, 'merge', String(first), String(second)])).code).toBe(0);
    expect((await run(['--db', db, 'edit', String(first), '--set', 'phone=+51 1 555 0199'])).code).toBe(0);
    const partly = await run(['--db', db, 'unmerge', String(second)]);
    expect(partly.code, partly.stderr).toBe(0);
    expect(partly.stdout).toMatch(/both are as they were, except a value changed since the merge \(below\)\./);
    expect(partly.stderr).toMatch(/column phone was changed after the merge: left as it is now/);
  });

  it('merges two organisations (their applications, people and roles) and unmerges the last merge', async () => {
    const { db, ids } = await call();
    const orgOf = async (id: number) => json(await run(['--db', db, 'show', String(id), '--json'])).organization.id as string;
    const [a, b] = [await orgOf(ids[0]), await orgOf(ids[2])];
    expect(a).not.toBe(b);
    const r = await run(['--db', db, 'merge', a, b, '--json', '--yes']); // unrelated test records: confirmed
    expect(r.code, r.stderr).toBe(0);
    expect(await orgOf(ids[2])).toBe(a);
    const members = json(await run(['--db', db, 'members', '--json']));
    expect(members.find((m: { kumuId: string }) => m.kumuId === a).applications).toHaveLength(3);
    expect(members.some((m: { kumuId: string }) => m.kumuId === b)).toBe(false);
    expect((await run(['--db', db, 'unmerge', '--last'])).code).toBe(0);
    expect(await orgOf(ids[2])).toBe(b);
    expect(json(await run(['--db', db, 'members', '--json']))).toHaveLength(members.length + 1);
  });

  it('edits the organisation kept by a merge when the one merged into it is named, and says so, as member set does', async () => {
    const { db, ids } = await call();
    const orgOf = async (id: number) => json(await run(['--db', db, 'show', String(id), '--json'])).organization.id as string;
    const [a, b] = [await orgOf(ids[0]), await orgOf(ids[2])];
    expect((await run(['--db', db, 'merge', a, b, '--yes'])).code).toBe(0);
    const r = await run(['--db', db, 'edit', b, '--set', 'name=Fundación Andes y Atelier']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`Changed ${a}: name.\n`);
    expect(r.stderr).toContain(`${b} was merged into ${a}: edited ${a} instead (skillsnet unmerge ${b} undoes the merge).`);
    expect(json(await run(['--db', db, 'show', a, '--json'])).organization.name).toBe('Fundación Andes y Atelier');
    expect(json(await run(['--db', db, 'edit', b, '--set', 'notes=Met in Dakar', '--json']))).toMatchObject({ subject: a, mergedFrom: b, changed: ['notes'] });
    // merged on again (a into c): b is edited where the merges end, c
    const c = `org-${json(await run(['--db', db, 'member', 'add', '--organization', 'Red Andina de Oficios', '--country', 'PE', '--role', 'stakeholder', '--json'])).organizationId}`;
    expect((await run(['--db', db, 'merge', c, a])).code).toBe(0);
    expect(json(await run(['--db', db, 'edit', b, '--set', 'notes=Two merges on', '--json']))).toMatchObject({ subject: c, mergedFrom: b });
    expect((await run(['--db', db, 'unmerge', a])).code).toBe(0);
    // The merged record itself is as the merge left it: unmerge gives it back unchanged.
    expect((await run(['--db', db, 'unmerge', b])).code).toBe(0);
    expect(json(await run(['--db', db, 'show', b, '--json'])).organization).toMatchObject({ name: 'Atelier Vert', notes: null });
  });

  it('refuses to edit a member merged into another, naming it, as member set does', async () => {
    const { db, ids } = await call();
    const memberOf = async (id: number) => json(await run(['--db', db, 'show', String(id), '--json'])).organization.memberId as number;
    const [a, b] = [await memberOf(ids[0]), await memberOf(ids[2])];
    expect((await run(['--db', db, 'merge', `member-${a}`, `member-${b}`, '--yes'])).code).toBe(0);
    for (const args of [['edit', `member-${b}`, '--set', 'consentMap=no'], ['member', 'set', `member-${b}`, '--consent-map', 'no']]) {
      const r = await run(['--db', db, ...args]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^error: member-${b} was merged into member-${a}\n`));
    }
  });

  it('refuses to merge applications of two calls, and says to merge their organisations', async () => {
    const { db, dir, ids } = await call();
    fs.writeFileSync(path.join(dir, 'b.csv'), 'Organization,Email,Country\nOtra,otra@example.org,Chile\n');
    expect((await run(['--db', db, 'import', path.join(dir, 'b.csv'), '--call', '2021'])).code).toBe(0);
    const other = json(await run(['--db', db, 'list', '--call', '2021', '--json']))[0].id;
    const r = await run(['--db', db, 'merge', String(ids[0]), String(other)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/different calls[\s\S]*skillsnet merge org-\d+ org-\d+/);
  });
});

describe('withdraw', () => {
  it('takes an application out of lists, selection and exports, keeps it, and puts it back', async () => {
    const { db, dir, ids } = await call();
    const r = await run(['--db', db, 'withdraw', String(ids[2]), '--json']);
    expect(json(r)).toMatchObject({ state: 'withdrawn' });
    expect(json(await run(['--db', db, 'list', '--json'])).map((a: { id: number }) => a.id)).not.toContain(ids[2]);
    // (the best score, withdrawn; the other two are one organisation, so one seat)
    const sel = json(await run(['--db', db, 'select', '--size', '1', '--dry-run', '--json']));
    expect(sel.members.map((m: { id: number }) => m.id)).toEqual([ids[0]]);
    expect((await run(['--db', db, 'export', 'kumu', '--format', 'json', '--out', path.join(dir, 'm.json')])).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'm.json'), 'utf8')).not.toContain('Atelier Vert');
    expect(json(await run(['--db', db, 'show', String(ids[2]), '--json'])).application.withdrawnAt).toBeTruthy();
    expect(json(await run(['--db', db, 'withdraw', String(ids[2]), '--undo', '--json'])).state).toBe('reinstated');
    expect(json(await run(['--db', db, 'list', '--json']))).toHaveLength(3);
  });

  it('takes several IDs (it took one): all after one confirmation (--yes off a terminal), or none when one is unknown', async () => {
    const { db, ids } = await call();
    const two = [String(ids[0]), String(ids[1])];
    const listed = async () => json(await run(['--db', db, 'list', '--json'])).map((a: { id: number }) => a.id);
    const asked = await run(['--db', db, 'withdraw', ...two]);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toBe(`error: withdrawing 2 at once needs confirmation\n  add --yes: skillsnet --yes withdraw ${two.join(' ')} (or see what would change first: skillsnet withdraw ${two.join(' ')} --dry-run)\n`);
    const unknown = await run(['--yes', '--db', db, 'withdraw', ...two, '99999']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: no application 99999\n/);
    expect(await listed()).toHaveLength(3);
    const r = json(await run(['--yes', '--db', db, 'withdraw', ...two, two[0]!, '--json']));
    expect(r.map((x: { subject: string; state: string }) => `${x.subject}: ${x.state}`)).toEqual(two.map((id) => `application ${id}: withdrawn`));
    expect(await listed()).toEqual([ids[2]]);
    const back = await run(['--yes', '--db', db, 'withdraw', ...two, '--undo']);
    expect(back.stdout.split('\n').filter(Boolean)).toEqual(two.map((id) => `application ${id} is reinstated: back in lists, selection and exports.`));
    expect(await listed()).toHaveLength(3);
  });

  it('leaves an application withdrawn already as it was (it was stamped again, a second change, and asked about among several)', async () => {
    const { db, ids } = await call();
    const [a, b] = [String(ids[0]), String(ids[1])];
    await run(['--db', db, 'withdraw', a]);
    const when = json(await run(['--db', db, 'show', a, '--json'])).application.withdrawnAt;
    const again = await run(['--db', db, 'withdraw', a, '--json']);
    expect(json(again)).toMatchObject({ state: 'unchanged', historyId: null });
    expect(json(await run(['--db', db, 'show', a, '--json'])).application.withdrawnAt).toBe(when);
    const two = await run(['--yes', '--db', db, 'withdraw', a, b]);
    expect(two.stdout).toBe(`application ${a} was already withdrawn: nothing changed.\napplication ${b} is withdrawn: out of lists, selection and exports; kept with its history.\n`);
  });
});
