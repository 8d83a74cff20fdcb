import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run.js';

/** The Markdown an officer or a maintainer reads: README, changelog, guides, reference, data notes, measurements. */
function documents(): string[] {
  const docs = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? docs(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []));
  return ['README.md', 'CHANGELOG.md', 'data/README.md', 'bench/RESULTS.md', ...docs('docs')];
}

const withoutCode = (text: string) => text.replace(/```[\s\S]*?```/g, '');
/** GitHub's anchor for a heading. */
const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');

describe('the documentation', () => {
  it('keeps the README to one screen of about 150 lines', () => {
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n').length).toBeLessThanOrEqual(150);
  });

  it('links only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const file of documents()) {
      for (const [, link] of withoutCode(fs.readFileSync(path.join(ROOT, file), 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(link)) continue;
        const [target, anchor] = link.split('#');
        const resolved = target ? path.normalize(path.join(path.dirname(file), target)) : file;
        if (!fs.existsSync(path.join(ROOT, resolved))) {
          broken.push(`${file}: ${link}`);
        } else if (anchor && resolved.endsWith('.md')) {
          const headings = [...withoutCode(fs.readFileSync(path.join(ROOT, resolved), 'utf8')).matchAll(/^#+ (.*)$/gm)].map((m) => slug(m[1]));
          if (!headings.includes(anchor)) broken.push(`${file}: ${link} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('keeps measurements and fix history out of the README', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).not.toMatch(/\d+(?:\.\d+)? ?(?:ms|MB)\b|micro-F1|\bagain\b.*applicant|×\d/);
  });
});
