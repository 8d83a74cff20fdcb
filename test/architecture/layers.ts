/**
 * The module-boundary rule of src/, as data and a checker (boundaries.test.ts runs it on src/,
 * boundaries-checker.test.ts proves it fails on a tree that breaks the rule).
 *
 *   cli  →  ui  →  domain (core, export, selection, import, tagging, geo, events)  →  db  →  base (src/*.ts, src/data/, src/files/)
 *
 * A module may import from its own layer or a lower one, never a higher one; folders must not
 * import each other in a circle (within a layer either); and nothing below ui loads a terminal
 * package or touches the process's streams, arguments or exit: the library takes callbacks.
 *
 * And src/db/ is the only place that knows SQL (sqlOutsideDb): no module outside it prepares,
 * runs or caches a statement, or sets a pragma; it calls a named function of src/db/ instead.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Layer {
  name: string;
  /** Folders directly under src/ in this layer; '' is the files directly in src/. */
  folders: string[];
}

/** Lowest first. */
export const LAYERS: Layer[] = [
  { name: 'base', folders: ['', 'data', 'files'] },
  { name: 'db', folders: ['db'] },
  { name: 'domain', folders: ['geo', 'tagging', 'import', 'selection', 'export', 'events', 'network', 'core'] },
  { name: 'ui', folders: ['ui'] },
  { name: 'cli', folders: ['cli'] },
];

/** Packages that draw on or read from a terminal: only ui and cli may load them. */
export const TERMINAL_PACKAGES = ['chalk', 'cli-table3', 'cli-progress', '@inquirer/prompts', 'commander'];

/** What the library must leave to the CLI: the process's streams, arguments and exit. */
const PROCESS_ACCESS = /\bprocess\.(stdout|stderr|stdin|argv|exit|exitCode|on)\b/;

export interface ModuleImport {
  /** The importing file, relative to the source root ("import/importer.ts"). */
  file: string;
  /** The specifier as written ("../cli/io.js"). */
  specifier: string;
  /** 1-based line of the import. */
  line: number;
  /** The imported file relative to the source root, for relative specifiers. */
  target?: string;
}

export interface Violation {
  kind: 'upward import' | 'folder cycle' | 'terminal package' | 'process access' | 'unknown folder' | 'sql outside db';
  file: string;
  line: number;
  message: string;
}

/** Comments removed, line breaks kept (so line numbers stay right); strings are left alone. */
function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/^(\s*)\/\/.*$/gm, '$1');
}

const IMPORT_PATTERNS = [
  // import x from '...'; import type { X } from '...'; export { x } from '...'; export * from '...'
  /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
  // import('...') and await import('...')
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** Every import of a TypeScript source text, static and dynamic. */
export function importsOf(file: string, text: string): ModuleImport[] {
  const code = withoutComments(text);
  const found: ModuleImport[] = [];
  const seen = new Set<number>();
  for (const pattern of IMPORT_PATTERNS) {
    for (const m of code.matchAll(pattern)) {
      const at = m.index! + m[0].lastIndexOf(m[1]);
      if (seen.has(at)) continue;
      seen.add(at);
      const specifier = m[1];
      const line = code.slice(0, at).split('\n').length;
      const entry: ModuleImport = { file, specifier, line };
      if (specifier.startsWith('.')) {
        entry.target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.js$/, '.ts');
      }
      found.push(entry);
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** The folder directly under the source root that holds a file ('' for the root's own files). */
export function folderOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 1 ? parts[0] : '';
}

/** Checks a source tree given as file -> text (paths relative to the source root, with /). */
export function checkSources(sources: Map<string, string>, layers: Layer[] = LAYERS): Violation[] {
  const rank = new Map<string, number>();
  layers.forEach((l, i) => l.folders.forEach((f) => rank.set(f, i)));
  const layerName = (folder: string) => layers[rank.get(folder)!].name;
  const shown = (folder: string) => (folder === '' ? 'src/*.ts' : `${folder}/`);
  const violations: Violation[] = [];
  const edges = new Map<string, Map<string, ModuleImport>>();
  const reportedFolders = new Set<string>();

  for (const [file, text] of sources) {
    const from = folderOf(file);
    if (!rank.has(from)) {
      if (!reportedFolders.has(from)) {
        reportedFolders.add(from);
        violations.push({ kind: 'unknown folder', file, line: 1, message: `src/${file}: folder ${shown(from)} has no layer; add it to LAYERS in test/architecture/layers.ts` });
      }
      continue;
    }
    const belowUi = rank.get(from)! < rank.get('ui')!;
    if (belowUi) {
      withoutComments(text).split('\n').forEach((lineText, i) => {
        const m = PROCESS_ACCESS.exec(lineText);
        if (m) {
          violations.push({
            kind: 'process access', file, line: i + 1,
            message: `src/${file}:${i + 1} uses ${m[0]} in the ${layerName(from)} layer; take a callback, a TextSink or an AbortSignal from the caller instead`,
          });
        }
      });
    }
    for (const imp of importsOf(file, text)) {
      if (!imp.target) {
        const pkg = imp.specifier.startsWith('@') ? imp.specifier.split('/').slice(0, 2).join('/') : imp.specifier.split('/')[0];
        if (belowUi && TERMINAL_PACKAGES.includes(pkg)) {
          violations.push({
            kind: 'terminal package', file, line: imp.line,
            message: `src/${file}:${imp.line} imports "${imp.specifier}" in the ${layerName(from)} layer; only ui and cli may load terminal packages`,
          });
        }
        continue;
      }
      const to = folderOf(imp.target);
      if (imp.target.startsWith('..') || !rank.has(to)) continue; // outside src/ (package.json) or reported above
      if (rank.get(to)! > rank.get(from)!) {
        violations.push({
          kind: 'upward import', file, line: imp.line,
          message: `src/${file}:${imp.line} imports "${imp.specifier}": ${layerName(from)} (${shown(from)}) must not import from ${layerName(to)} (${shown(to)}), a higher layer`,
        });
      }
      if (to !== from) {
        if (!edges.has(from)) edges.set(from, new Map());
        if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, imp);
      }
    }
  }

  for (const { group, cycle } of folderCycles(edges)) {
    const steps = cycle.map((f, i) => {
      const next = cycle[(i + 1) % cycle.length];
      const imp = edges.get(f)!.get(next)!;
      return `${shown(f)} → ${shown(next)} (src/${imp.file}:${imp.line} imports "${imp.specifier}")`;
    });
    const first = edges.get(cycle[0])!.get(cycle[1 % cycle.length])!;
    const others = group.filter((f) => !cycle.includes(f));
    violations.push({
      kind: 'folder cycle', file: first.file, line: first.line,
      message: `folders import each other in a circle: ${steps.join('; ')}${others.length ? ` (and through them ${others.map(shown).join(', ')})` : ''}`,
    });
  }
  return violations;
}

/** One cycle per strongly connected group of two or more folders (Tarjan), in import order. */
function folderCycles(edges: Map<string, Map<string, ModuleImport>>): { group: string[]; cycle: string[] }[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group);
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  // A path around each group: from its first folder, follow edges inside the group until back.
  return groups.map((group) => {
    const inGroup = new Set(group);
    const start = [...group].sort()[0];
    return { group: [...group].sort(), cycle: findCycle(start, edges, inGroup) ?? group };
  });
}

function findCycle(start: string, edges: Map<string, Map<string, ModuleImport>>, inGroup: Set<string>): string[] | undefined {
  const seen = new Set<string>();
  const walk = (v: string, trail: string[]): string[] | undefined => {
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!inGroup.has(w)) continue;
      if (w === start) return trail;
      if (seen.has(w)) continue;
      seen.add(w);
      const found = walk(w, [...trail, w]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(start, [start]);
}

/** The folder that alone may hold SQL. */
export const SQL_FOLDER = 'db';

/**
 * Files outside src/db/ that may still run SQL themselves, each with the reason: none now. A file
 * that cannot move its statements at once may be named here for a while, so that no new one comes in.
 */
export const SQL_ALLOWED: ReadonlyMap<string, string> = new Map<string, string>();

/** A connection's own statement and pragma calls, and the statement cache of db/connection.ts. */
const SQL_CALL = /(?:([\w$]+)\s*\.\s*(prepare|exec|pragma)|\b(cachedStatement))\s*\(\s*(['"`])?/g;
/** What a database connection is called (db, this.db, raw, readDb, database, connection). */
const DB_NAME = /^(?:db|raw|database|connection|sqlite|\w*Db|\w*DB|\w*Database)$/;

/**
 * SQL run outside src/db/: `.prepare(`, `.exec(` or `.pragma(` on a database (a receiver named
 * like one, or SQL given as a literal), and `cachedStatement(`. A regular expression's `.exec(text)`
 * and other objects' `prepare(...)` (a row preparer) are not SQL and pass.
 */
export function sqlOutsideDb(sources: Map<string, string>, allowed: ReadonlyMap<string, string> = SQL_ALLOWED): Violation[] {
  const violations: Violation[] = [];
  for (const [file, text] of sources) {
    if (folderOf(file) === SQL_FOLDER || allowed.has(file)) continue;
    const code = withoutComments(text);
    for (const m of code.matchAll(SQL_CALL)) {
      const [, receiver, method, cached, quote] = m;
      const onDatabase = cached !== undefined || method === 'pragma' || DB_NAME.test(receiver ?? '') || quote !== undefined;
      if (!onDatabase) continue;
      // (the line of the call itself: `db` may stand on the line above `.prepare(`)
      const line = code.slice(0, m.index! + m[0].lastIndexOf((method ?? cached)!)).split('\n').length;
      const call = cached ?? `${receiver}.${method}`;
      violations.push({
        kind: 'sql outside db', file, line,
        message: `src/${file}:${line} calls ${call}(): only src/db/ knows SQL; move the statement into a named function of the matching src/db/ module and call that`,
      });
    }
  }
  return violations;
}

/** Every .ts file under a source folder, as relative path -> text. */
export function readSources(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) out.set(path.relative(root, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return out;
}
