/** The GraphML export read by NetworkX (where Python has it installed; skipped elsewhere). */
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { exportFixture } from './support/export-fixture.js';

let fx: ReturnType<typeof exportFixture>;
beforeAll(() => { fx = exportFixture(); });

describe('export graphml (built CLI)', () => {
  const python = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' });
  it.skipIf(python.status !== 0)('is read by NetworkX with the attribute types intact', async () => {
    const out = path.join(fx.dir, 'nx.graphml');
    expect(runCli(['export', 'graphml', '--all-calls', '--peer-links', '3', '--out', out, '--db', fx.dbPath]).code).toBe(0);
    const script = `import networkx as nx, json, sys
g = nx.read_graphml(sys.argv[1])
n = g.nodes["org-${fx.ids.taller}"]
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "score": n["score"], "core": n["coreGroup"], "scoreType": type(n["score"]).__name__, "coreType": type(n["coreGroup"]).__name__}))`;
    const r = spawnSync('python3', ['-c', script, out], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout);
    expect(got).toMatchObject({ nodes: 10 + 9 + 5, score: 9, core: true, scoreType: 'float', coreType: 'bool' });
  });
});
