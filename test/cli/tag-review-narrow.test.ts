import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { insertApplication } from '../../src/db/applications.js';
import { bufferIO } from '../../src/cli/io.js';
import { scriptedPrompts } from '../../src/ui/prompts.js';
import { runTagReview } from '../../src/cli/tag-review.js';
import { tempDir } from '../helpers.js';

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
