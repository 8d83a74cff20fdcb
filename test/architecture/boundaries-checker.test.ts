/** The boundary checker itself: it must catch each kind of break, on a small tree made up here. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSources, importsOf, readSources, sqlOutsideDb } from './layers.js';

const tree = (files: Record<string, string>) => new Map(Object.entries(files));
const kinds = (files: Record<string, string>) => checkSources(tree(files)).map((v) => v.kind);

describe('the boundary checker', () => {
  it('finds static, type-only, re-exported and dynamic imports, and not those in comments', () => {
    const found = importsOf('import/a.ts', [
      "import fs from 'node:fs';",
      "import type { IO } from '../ui/io.js';",
      "export { x } from './b.js';",
      '/* import { no } from "../cli/c.js"; */',
      "// const z = await import('../cli/d.js');",
      "const m = await import('../cli/e.js');",
    ].join('\n'));
    expect(found.map((i) => [i.specifier, i.target, i.line])).toEqual([
      ['node:fs', undefined, 1],
      ['../ui/io.js', 'ui/io.ts', 2],
      ['./b.js', 'import/b.ts', 3],
      ['../cli/e.js', 'cli/e.ts', 6],
    ]);
  });

  it('passes a tree whose imports all point down', () => {
    expect(kinds({
      'errors.ts': 'export class E {}',
      'db/connection.ts': "import { E } from '../errors.js';",
      'selection/select.ts': "import type { DB } from '../db/connection.js';\nimport { E } from '../errors.js';",
      'ui/table.ts': "import chalk from 'chalk';\nimport { x } from '../selection/select.js';",
      'cli/main.ts': "import { t } from '../ui/table.js';\nprocess.exit(0);",
    })).toEqual([]);
  });

  it('fails a domain module that imports from cli, naming the file, the line and the import', () => {
    const v = checkSources(tree({
      'cli/io.ts': 'export const io = 1;',
      'import/importer.ts': "import path from 'node:path';\nimport { io } from '../cli/io.js';",
    }));
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ kind: 'upward import', file: 'import/importer.ts', line: 2 });
    expect(v[0].message).toMatch(/src\/import\/importer\.ts:2 imports "\.\.\/cli\/io\.js": domain .* must not import from cli/);
  });

  it('fails a db module that imports a domain module, also through a dynamic import()', () => {
    const v = checkSources(tree({
      'tagging/taxonomy.ts': 'export const t = 1;',
      'db/tags.ts': "export async function f() { return (await import('../tagging/taxonomy.js')).t; }",
    }));
    expect(v.map((x) => x.kind)).toEqual(['upward import']);
    expect(v[0].message).toMatch(/db .* must not import from domain \(tagging\/\)/);
  });

  it('fails folders that import each other within one layer', () => {
    const v = checkSources(tree({
      'selection/quotas.ts': "import { a } from '../import/vocabulary.js';",
      'import/vocabulary.ts': "import { q } from '../selection/quotas.js';",
    }));
    expect(v.map((x) => x.kind)).toEqual(['folder cycle']);
    expect(v[0].message).toMatch(/import\/ → selection\/ .*selection\/ → import\//);
  });

  it('fails terminal packages and process streams below ui, and folders with no layer', () => {
    expect(kinds({ 'db/x.ts': "import chalk from 'chalk';" })).toEqual(['terminal package']);
    expect(kinds({ 'export/x.ts': "export const f = () => process.stdout.write('x');" })).toEqual(['process access']);
    expect(kinds({ 'misc/x.ts': 'export const x = 1;' })).toEqual(['unknown folder']);
  });

  it('fails SQL run outside src/db/, naming the file, the line and the call, and passes it in src/db/', () => {
    const sql = (files: Record<string, string>, allowed = new Map<string, string>()) => sqlOutsideDb(tree(files), allowed).map((v) => `${v.file}:${v.line} ${v.kind}`);
    expect(sql({
      'network/erase.ts': "export function f(db) {\n  return db.prepare('SELECT 1').get();\n}",
      'network/merge.ts': "export function g(db) {\n  return db\n    .prepare(sql)\n    .all();\n}",
      'events/store.ts': "db.exec('SAVEPOINT a');\nthis.db.pragma('secure_delete = ON');",
      'import/x.ts': "import { cachedStatement } from '../db/connection.js';\nconst n = cachedStatement(db, 'SELECT 2').get();",
      'cli/list.ts': "const rows = handle.prepare(`SELECT * FROM t`).all();",
    })).toEqual([
      'network/erase.ts:2 sql outside db', 'network/merge.ts:3 sql outside db', 'events/store.ts:1 sql outside db', 'events/store.ts:2 sql outside db',
      'import/x.ts:2 sql outside db', 'cli/list.ts:1 sql outside db',
    ]);
    // (the same in src/db/, a regular expression's exec, a row preparer, a comment, a file allowed for now: all pass)
    expect(sql({
      'db/x.ts': "db.prepare('SELECT 1'); cachedStatement(db, 'SELECT 2'); db.pragma('x');",
      'import/dates.ts': 'const m = /^(\\d+)$/.exec(text); const r = preparer.prepare(cells); const t = TIME.exec(s);',
      'network/y.ts': "// db.prepare('SELECT 1')\n/* db.exec('VACUUM') */",
    })).toEqual([]);
    expect(sql({ 'network/z.ts': "db.prepare('SELECT 1')" }, new Map([['network/z.ts', 'moving']]))).toEqual([]);
  });

  it('reads a tree from disk the way the boundary test reads src/', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'skillsnet-layers-'));
    try {
      fs.mkdirSync(path.join(root, 'db'));
      fs.mkdirSync(path.join(root, 'cli'));
      fs.writeFileSync(path.join(root, 'cli', 'context.ts'), 'export const resolveDbPath = 1;\n');
      fs.writeFileSync(path.join(root, 'db', 'connection.ts'), "export { resolveDbPath } from '../cli/context.js';\n");
      const v = checkSources(readSources(root));
      expect(v.map((x) => x.kind)).toEqual(['upward import']);
      expect(v[0].message).toMatch(/src\/db\/connection\.ts:1 imports "\.\.\/cli\/context\.js"/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
