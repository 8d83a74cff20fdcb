import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { insertApplication } from '../../../src/db/applications.js';
import { setOfficerTags, tagsOf } from '../../../src/db/tags.js';
import { bufferIO } from '../../../src/cli/io.js';
import { scriptedPrompts } from '../../../src/ui/prompts.js';
import { runTagReview } from '../../../src/cli/tag-review.js';
import { runTagAuto } from '../../../src/cli/tag.js';
import { tempDir } from '../support/run.js';

let dbPath: string;

beforeEach(() => {
  dbPath = path.join(tempDir(), 'review.db');
  const db = openDatabase(dbPath, { create: true });
  insertApplication(db, '2020', { organization: 'Garage School', language: 'en', title: 'Apprenticeships in garages', description: 'Apprentices learn with master mechanics and sit a trade test.' });
  insertApplication(db, '2020', { organization: 'Radio Valle', language: 'es', title: 'Una idea', description: 'Lo contaremos pronto.' });
  insertApplication(db, '2020', { organization: 'Atelier', language: 'fr', title: 'Entrepreneuriat des femmes', description: "Création d'entreprise et plans d'affaires pour des femmes rurales." });
  insertApplication(db, '2020', { organization: 'Done', language: 'en', title: 'Online courses', description: 'Already decided by an officer.' });
  setOfficerTags(db, 4, ['training-delivery'], []);
  db.close();
});

const tags = (id: number) => {
  const db = openDatabase(dbPath);
  try {
    return tagsOf(db, id).map((t) => `${t.category}:${t.source}:${t.state}`);
  } finally {
    db.close();
  }
};

describe('tag review (scripted prompts)', () => {
  it('walks untagged first, then the least certain; accept, edit, skip and stop each do what they say', async () => {
    await runTagAuto({ dbPath }, bufferIO().io);
    const prompts = scriptedPrompts(['edit', ['life-skills'], 'accept', 'skip']);
    const { io, stdout, stderr } = bufferIO({ tty: true, prompts: async () => prompts });
    const result = await runTagReview({ dbPath }, io);
    expect(result).toEqual({ queued: 3, decided: 2, skipped: 1, stopped: false });
    // The radio (no category found) comes first, then the least certain of the tagged ones.
    expect(prompts.asked[0]).toBe('Application 2: your decision');
    expect(tags(2)).toEqual(['life-skills:officer:on']);
    const second = Number(/Application (\d+)/.exec(prompts.asked[2])![1]);
    expect(tags(second).every((t) => t.includes(':officer:on'))).toBe(true);
    expect(stdout()).toMatch(/\[1\/3\] #2 Radio Valle/);
    expect(stdout()).toMatch(/No suggestion/);
    expect(stderr()).toMatch(/Reviewed 2, skipped 1; 1 still needs a decision/);
    // The officer's decision for 4 was never in the queue.
    expect(stdout()).not.toMatch(/#4 Done/);
  });

  it('records categories the officer unticks as removed, so tag auto never brings them back', async () => {
    await runTagAuto({ dbPath }, bufferIO().io);
    const before = tags(1).filter((t) => t.endsWith(':on')).map((t) => t.split(':')[0]);
    expect(before).toContain('work-based-learning');
    const prompts = scriptedPrompts(['edit', ['training-delivery']]);
    const { io } = bufferIO({ tty: true, prompts: async () => prompts });
    const result = await runTagReview({ dbPath, filters: { language: 'en' } }, io);
    expect(result).toMatchObject({ queued: 1, decided: 1 });
    expect(tags(1)).toContain('work-based-learning:officer:removed');
    expect(tags(1)).toContain('training-delivery:officer:on');
    await runTagAuto({ dbPath, all: true }, bufferIO().io);
    expect(tags(1)).toContain('work-based-learning:officer:removed');
  });

  it('stops when asked, saving nothing more', async () => {
    const prompts = scriptedPrompts(['stop']);
    const { io } = bufferIO({ tty: true, prompts: async () => prompts });
    expect(await runTagReview({ dbPath, limit: 2 }, io)).toEqual({ queued: 2, decided: 0, skipped: 0, stopped: true });
    expect(tags(1)).toEqual([]);
  });

  it('says so when nothing needs a decision, and refuses without a terminal', async () => {
    const { io, stderr } = bufferIO({ tty: true, prompts: async () => scriptedPrompts([]) });
    await runTagReview({ dbPath, filters: { search: 'already decided' } }, io);
    expect(stderr()).toMatch(/Nothing to review/);
    await expect(runTagReview({ dbPath }, bufferIO().io)).rejects.toThrow(/needs a terminal \(neither its input nor its output is one here\)/);
  });

  it('names the stream that is not a terminal (`tag review > out.txt` was told that neither was one)', async () => {
    await expect(runTagReview({ dbPath }, bufferIO({ stdinIsTTY: true, stdoutIsTTY: false }).io)).rejects.toThrow(/needs a terminal \(its output goes to a file or a pipe here: run it without > or \|\)$/);
    await expect(runTagReview({ dbPath }, bufferIO({ stdinIsTTY: false, stdoutIsTTY: true }).io)).rejects.toThrow(/needs a terminal \(its input comes from a file or a pipe here: run it without < or \|\)$/);
  });
});

// On a narrow terminal (a split tmux pane, a laptop side by side with the spreadsheet) the
// terminal itself would cut long lines mid-word; review wraps them at word boundaries.
describe('tag review on a 60-column terminal', () => {
  it('keeps every line within the width', async () => {
    const dbPath = path.join(tempDir(), 'narrow.db');
    const db = openDatabase(dbPath, { create: true });
    insertApplication(db, '2020', {
      organization: 'Asociación Interamericana de Escuelas Técnicas y Centros de Formación Profesional',
      country: 'PE', region: 'Americas', language: 'es',
      title: 'Servicios de empleo móviles y orientación profesional para jóvenes rurales de los Andes',
      description: 'Capacitaremos a orientadores de las oficinas de empleo en el uso de información del mercado laboral, con aprendices en talleres y cursos en línea.',
      beneficiaries: ['Youth', 'Rural workers', 'Women', 'Persons with disabilities', 'Informal-economy workers', 'Migrants'],
      selfCategories: ['Servicios de orientación profesional, emprendimiento y empleo', 'Aprendizaje en el lugar de trabajo'],
    });
    db.close();
    const scripted = scriptedPrompts(['edit', ['life-skills', 'social-inclusion', 'career-guidance', 'work-based-learning']]);
    const menu: string[] = [];
    const prompts = { ...scripted, select: async <T>(message: string, choices: { name: string; value: T }[]) => {
      menu.push(...choices.map((c) => c.name));
      return scripted.select<T>(message, choices);
    } };
    const { io, stdout, stderr } = bufferIO({ tty: true, columns: 60, prompts: async () => prompts });
    await runTagReview({ dbPath }, io);
    expect(menu.some((m) => m.startsWith('Accept'))).toBe(true);
    expect(menu.filter((m) => m.length + 2 > 60)).toEqual([]);
    const lines = stdout().split('\n');
    expect(stdout()).toMatch(/Asociación Interamericana/);
    expect(stdout()).toMatch(/Applicant's own choice/);
    expect(lines.filter((l) => [...l].length > 60)).toEqual([]);
    // The messages around the decisions too (stderr is the same terminal).
    expect(stderr()).toMatch(/saved: /);
    expect(stderr().split('\n').filter((l) => [...l].length > 60)).toEqual([]);
  });
});
