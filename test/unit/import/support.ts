/**
 * An import the way an officer runs it, in this process: `skillsnet import … --json` into a
 * fresh database, then what `list --json` and `rejects --json` show. The rules of header
 * recognition and normalisation are tested through it, case by case, without a spawned CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { json, run, tempDir, type CliRun } from '../support/run.js';

export interface ImportCase {
  /** The import run itself (exit code, stdout, stderr). */
  run: CliRun;
  /** `import --json`. */
  report: any;
  /** `list --json` afterwards. */
  apps: any[];
  /** `rejects --json` afterwards. */
  rejects: any[];
  db: string;
}

const dir = tempDir('skillsnet-import-case-');
let n = 0;

/** A file of that name, in a folder of its own (import reports name files by their base name). */
export function caseFile(name: string, content: string | Buffer): string {
  const folder = path.join(dir, `f${++n}`);
  fs.mkdirSync(folder);
  const f = path.join(folder, name);
  fs.writeFileSync(f, content);
  return f;
}

/** A fresh database path in the cases' folder. */
export function caseDb(): string {
  return path.join(dir, `db${++n}.db`);
}

/** Imports the files with `skillsnet import FILES… --json ARGS…` and reads the database back. */
export async function importCase(files: string | string[], args: string[] = [], db = caseDb()): Promise<ImportCase> {
  const r = await run(['--db', db, 'import', ...[files].flat(), '--json', ...args]);
  const report = r.code === 0 ? json(r) : undefined;
  if (r.code !== 0) return { run: r, report, apps: [], rejects: [], db };
  return {
    run: r,
    report,
    apps: json<any[]>(await run(['--db', db, 'list', '--json'])),
    rejects: json<any[]>(await run(['--db', db, 'rejects', '--json'])),
    db,
  };
}

/** Every data row accounted for, in total and per file. */
export function accounted(report: any): boolean {
  const adds = (r: any) => r.rows === r.inserted + r.updated + r.unchanged + r.rejected;
  return adds(report) && report.files.every(adds);
}

/** A CSV file's text: the header line, then the rows, each ending in a newline. */
export const rows = (header: string, lines: string[]): string => [header, ...lines].join('\n') + '\n';
