/**
 * Target groups as connections, from an import in three languages to the Kumu export, GraphML
 * and the offline map: the built CLI, spawned.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from './support/cli.js';

let dir: string;
let db: string;
const cli = (...args: string[]) => runCli(['--db', db, ...args]);

beforeAll(() => {
  dir = tempDir('skillsnet-target-groups-');
  db = path.join(dir, 't.db');
  fs.writeFileSync(path.join(dir, 'call.csv'), [
    'Organization,Email,Country,Title,Main beneficiaries',
    'Fundación Andes,ana@example.org,Peru,Talleres de oficios,Jóvenes; Mujeres',
    'Atelier Vert,awa@example.net,Senegal,Jardins urbains,Jeunes',
    'Green Skills Hub,sam@example.com,Kenya,Solar technicians,Youth; Refugees',
    'Taller Norte,luis@example.org,Mexico,Aprendices,Mujeres',
  ].join('\n') + '\n');
  const imported = cli('import', path.join(dir, 'call.csv'), '--call', '2020');
  expect(imported.code, imported.stderr).toBe(0);
});

describe('export kumu --target-groups', () => {
  it('adds one element per target group two or more organisations serve, and "serves" connections, whatever language the applicants wrote in', () => {
    const r = cli('export', 'kumu', '--target-groups', '--format', 'json', '--out', '-');
    expect(r.code, r.stderr).toBe(0);
    const map = JSON.parse(r.stdout) as { elements: { id: string; label: string; type: string }[]; connections: { from: string; to: string; type: string }[] };
    const groups = map.elements.filter((e) => e.type === 'Target group');
    // Youth (three organisations, three languages) and Women (two); Refugees is one organisation's only
    expect(groups.map((g) => g.label)).toEqual(['Youth', 'Women']);
    const serves = map.connections.filter((c) => c.type === 'serves');
    expect(serves.filter((c) => c.to === groups[0].id)).toHaveLength(3);
    expect(serves.filter((c) => c.to === groups[1].id)).toHaveLength(2);
    expect(r.stderr).toMatch(/2 shared target groups/);
  });

  it('leaves them out without the flag, as before', () => {
    const r = cli('export', 'kumu', '--format', 'json', '--out', '-');
    expect(r.code, r.stderr).toBe(0);
    const map = JSON.parse(r.stdout) as { elements: { type: string }[]; connections: { type: string }[] };
    expect(map.elements.some((e) => e.type === 'Target group')).toBe(false);
    expect(map.connections.some((c) => c.type === 'serves')).toBe(false);
  });
});

describe('export map', () => {
  it('draws the shared target groups by default and leaves them out with --no-target-groups', () => {
    const drawn = cli('export', 'map', '--json', '--out', path.join(dir, 'map.html'));
    expect(drawn.code, drawn.stderr).toBe(0);
    expect(json(drawn).counts).toMatchObject({ organizations: 4, targetGroups: 2 });
    expect(drawn.stderr).toMatch(/2 shared target groups/);
    const without = cli('export', 'map', '--no-target-groups', '--json', '--out', path.join(dir, 'plain.html'));
    expect(without.code, without.stderr).toBe(0);
    expect(json(without).counts).toMatchObject({ organizations: 4, targetGroups: 0 });
    expect(json(without).edges).toBe(json(drawn).edges - 5);
  });
});

describe('export graphml --target-groups', () => {
  const python = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' });
  it.skipIf(python.status !== 0)('is read by NetworkX with the groups as nodes of type "Target group"', () => {
    const out = path.join(dir, 'groups.graphml');
    const r = cli('export', 'graphml', '--target-groups', '--json', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).counts).toMatchObject({ targetGroups: 2, targetGroupsLeftOut: 0 });
    expect(r.stderr).toMatch(/2 shared target groups\) and \d+ edges/);
    const script = `import networkx as nx, json, sys
g = nx.read_graphml(sys.argv[1])
groups = sorted(n for n, d in g.nodes(data=True) if d.get("type") == "Target group")
print(json.dumps({"groups": groups, "serves": sum(1 for _, _, d in g.edges(data=True) if d.get("type") == "serves")}))`;
    const py = spawnSync('python3', ['-c', script, out], { encoding: 'utf8' });
    expect(py.stderr).toBe('');
    expect(JSON.parse(py.stdout)).toEqual({ groups: ['target-group-women', 'target-group-youth'], serves: 5 });
  });
});
