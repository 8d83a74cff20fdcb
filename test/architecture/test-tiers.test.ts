/**
 * The two test tiers stay apart: a unit test runs in process against src/ (no build, no
 * spawned CLI); an e2e test runs the built CLI and imports nothing from src/. A file that did
 * both would test old and new code together after an edit without a rebuild.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf } from './layers.js';

const TEST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The repository folder ('src', 'dist', ...) each relative import of a test file reaches. */
function reaches(file: string): { folder: string; line: number; specifier: string }[] {
  const root = path.resolve(TEST, '..');
  return importsOf(path.relative(root, file), fs.readFileSync(file, 'utf8'))
    .filter((i) => i.target)
    .map((i) => ({ folder: i.target!.split('/')[0], line: i.line, specifier: i.specifier }));
}

describe('test tiers', () => {
  it('unit tests import no built code and spawn no CLI', () => {
    const wrong: string[] = [];
    for (const file of files(path.join(TEST, 'unit'))) {
      for (const r of reaches(file)) if (r.folder === 'dist' || r.folder === 'bin') wrong.push(`${path.relative(TEST, file)}:${r.line} imports ${r.specifier}`);
      if (/\b(runCli|spawnCli)\(|['"]bin['"],\s*['"]skillsnet['"]|bin\/skillsnet/.test(fs.readFileSync(file, 'utf8'))) wrong.push(`${path.relative(TEST, file)} runs the built CLI`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('e2e tests import nothing from src/ (the built dist/ is what they test)', () => {
    const wrong: string[] = [];
    for (const file of files(path.join(TEST, 'e2e'))) {
      for (const r of reaches(file)) if (r.folder === 'src') wrong.push(`${path.relative(TEST, file)}:${r.line} imports ${r.specifier}`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });
});
