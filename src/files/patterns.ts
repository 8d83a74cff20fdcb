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

export function expandFilePatterns(names: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const name of names) {
    const base = path.basename(name);
    if (name === '-' || !/[*?]/.test(base) || fs.existsSync(path.resolve(cwd, name))) {
      out.push(name);
      continue;
    }
    const folder = name.slice(0, name.length - base.length);
    let entries: string[];
    try {
      entries = fs.readdirSync(path.resolve(cwd, folder || '.'));
    } catch {
      entries = [];
    }
    const pattern = new RegExp(`^${base.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, process.platform === 'win32' ? 'i' : '');
    const matched = entries
      .filter((e) => pattern.test(e) && !e.startsWith('.') && fs.statSync(path.resolve(cwd, folder || '.', e)).isFile())
      .sort()
      .map((e) => folder + e);
    if (!matched.length) {
      throw new OperationError(`no file matches ${name}`, { hint: `check the folder and the pattern (* stands for any characters, ? for one): e.g. ${folder}*.csv` });
    }
    out.push(...matched);
  }
  return out;
}
