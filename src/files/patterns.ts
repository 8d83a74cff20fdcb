/**
 * File names with wildcards that no shell expanded: Windows' cmd and PowerShell pass
 * `folder\*.csv` to the program as written (and so does a POSIX shell when nothing matches).
 * skillsnet's own hint for a folder is `skillsnet import folder/*.csv`, which then failed with
 * "cannot read folder/*.csv: no such file". A name that exists is taken as it is; otherwise `*`
 * and `?` in its last part are matched against the files of its folder, in name order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { OperationError } from '../errors.js';
import { shellArg } from '../text.js';
import { officeLockFile } from './lock-files.js';

export interface PatternOptions {
  /** Files no pattern stands for: the database the command writes to (its -wal, -shm, -journal too). */
  leaveOut?: readonly string[];
}

/**
 * A file a pattern matches and that is also named (`folder/*.csv folder/a.csv`), or matched by two
 * patterns, is given once: it was read twice, the second time as "the same file imported before"
 * (and a dry run counted its rows as new twice). Names typed twice stay as typed.
 */
export function expandFilePatterns(names: readonly string[], cwd: string, options: PatternOptions = {}): string[] {
  const out: string[] = [];
  const named = new Set<string>();
  const matchedSoFar = new Set<string>();
  const leftOut = new Set((options.leaveOut ?? []).flatMap((f) => ['', '-wal', '-shm', '-journal'].map((s) => path.resolve(cwd, f + s))));
  for (const name of names) {
    const base = path.basename(name);
    if (name === '-' || !/[*?]/.test(base) || fs.existsSync(path.resolve(cwd, name))) {
      const at = path.resolve(cwd, name);
      if (name !== '-' && matchedSoFar.has(at)) continue;
      named.add(at);
      out.push(name);
      continue;
    }
    const folder = name.slice(0, name.length - base.length);
    let entries: string[];
    try {
      entries = fs.readdirSync(path.resolve(cwd, folder || '.'));
    } catch {
      // (a folder that is not there is said so: "check the folder and the pattern" left both to check)
      if (/[*?]/.test(folder)) {
        throw new OperationError(`no file matches ${name}: wildcards are matched in the file's name, not in its folders`, { hint: `name the folder, e.g. ${shellArg(`${folder.replace(/[^/\\]*[*?][^/\\]*[/\\]/g, 'FOLDER/')}${base}`)}, once for each folder` });
      }
      throw new OperationError(`no file matches ${name}: there is no folder ${folder}`, { hint: 'check the folder\'s name and where you are (cd), or give the folder\'s full path' });
    }
    const pattern = new RegExp(`^${base.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, process.platform === 'win32' ? 'i' : '');
    const matched = entries
      // (hidden files only for a pattern that begins with a dot, as shells have it: `.*.csv`)
      .filter((e) => pattern.test(e) && (base.startsWith('.') || !e.startsWith('.')) && !leftOut.has(path.resolve(cwd, folder || '.', e)) && isFile(path.resolve(cwd, folder || '.', e)))
      // (nor the lock file Excel keeps beside a workbook open in it, `~$call.xlsx`, hidden in Explorer too)
      .filter((e) => base.startsWith('~$') || !officeLockFile(path.resolve(cwd, folder || '.', e)))
      .sort(byNaturalName)
      .map((e) => folder + e);
    if (!matched.length) {
      // (what the folder holds: `*.csv` where the exports are .xlsx; the example was `*.csv` again)
      const files = entries.filter((e) => !e.startsWith('.') && !leftOut.has(path.resolve(cwd, folder || '.', e)) && isFile(path.resolve(cwd, folder || '.', e)) && !officeLockFile(path.resolve(cwd, folder || '.', e))).sort(byNaturalName);
      const held = files.length
        ? `${folder || 'this folder'} holds ${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}`
        : `${folder || 'this folder'} holds no file`;
      throw new OperationError(`no file matches ${name}`, { hint: `${held} (* stands for any characters, ? for one)` });
    }
    for (const m of matched) {
      const at = path.resolve(cwd, m);
      if (matchedSoFar.has(at) || named.has(at)) continue;
      matchedSoFar.add(at);
      out.push(m);
    }
  }
  return out;
}

/** A file, or a link to one (a link to nothing is left to the reader, which names it). */
function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return true;
  }
}

/**
 * The order files are listed in by Explorer and Finder: numbers by value, case aside
 * (export-2.csv before export-10.csv, which a later file's rows then update), then by code unit so
 * that the order is the same everywhere.
 */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
function byNaturalName(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
