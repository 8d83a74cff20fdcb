import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { insertApplication } from '../../src/db/applications.js';
import { setOfficerTags, tagsOf } from '../../src/db/tags.js';
import { bufferIO } from '../../src/cli/io.js';
import { scriptedPrompts } from '../../src/ui/prompts.js';
import { runTagReview } from '../../src/cli/tag-review.js';
import { runTagAuto } from '../../src/cli/tag.js';
import { tempDir } from '../helpers.js';

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
    expect(stderr()).toMatch(/Reviewed 2, skipped 1; 1 still need a decision/);
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
    await expect(runTagReview({ dbPath }, bufferIO().io)).rejects.toThrow(/needs a terminal/);
  });
});
