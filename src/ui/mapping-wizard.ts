import fs from 'node:fs';
import path from 'node:path';
import { OperationError } from '../errors.js';
import { FIELDS, type ColumnMapping, type Field } from '../import/headers.js';
import { FIELD_LABELS, looksLikeData } from '../import/mapping.js';
import { writeFileAtomic } from '../files/index.js';
import { info, type IO } from './io.js';
import type { Prompts } from './prompts.js';

/**
 * On a terminal: asks which column holds each missing field, then offers to save the whole
 * mapping for the next import. Returns the completed mapping.
 */
export async function mappingWizard(io: IO, file: string, headers: readonly string[], mapping: ColumnMapping, missing: Field[]): Promise<ColumnMapping> {
  const prompts = await io.prompts();
  const out: ColumnMapping = { ...mapping };
  info(io, `${path.basename(file)}: skillsnet could not tell which column holds the ${missing.map((f) => FIELD_LABELS[f]).join(' and ')}.`);
  for (const field of missing) {
    const used = new Set(Object.values(out).flat());
    const choices = headers
      .map((h, i) => ({ name: looksLikeData(h) ? `column ${i + 1}` : h || `column ${i + 1}`, value: i }))
      .filter((c) => !used.has(c.value));
    const col = await prompts.select<number>(`Which column holds the ${FIELD_LABELS[field]}?`, [
      ...choices,
      { name: '(none of these: stop)', value: -1 },
    ]);
    if (col < 0) {
      throw new OperationError(`no column chosen for the ${FIELD_LABELS[field]}; nothing was imported`, {
        hint: 'add the column to the file, or map it with --map (skillsnet import --help)',
      });
    }
    out[field] = [col];
  }
  if (await prompts.confirm('Save this column mapping to reuse it next time?', true)) {
    const json: Record<string, string | string[]> = {};
    for (const f of FIELDS) {
      const cols = out[f];
      if (cols?.length) json[f] = cols.length === 1 ? headers[cols[0]!]! : cols.map((c) => headers[c]!);
    }
    const saved = await saveMapping(io, prompts, path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.mapping.json`), JSON.stringify(json, null, 2) + '\n');
    if (saved) info(io, `Saved. Next time: skillsnet import ${path.basename(file)} --map ${saved}`);
  }
  return out;
}

/**
 * Saves the mapping through the shared writer (atomic, 0600, never over a device or a folder):
 * an existing file is replaced only when the officer says so; otherwise another name is asked
 * for, and an empty answer saves nothing. Returns the name saved as, if any.
 */
async function saveMapping(io: IO, prompts: Prompts, suggested: string, text: string): Promise<string | undefined> {
  let name = await prompts.input('Save it as', suggested);
  for (;;) {
    if (!name.trim()) {
      info(io, 'Not saved.');
      return undefined;
    }
    const target = path.resolve(io.cwd, name);
    const exists = fs.existsSync(target) && fs.statSync(target).isFile();
    const force = exists && (await prompts.confirm(`${name} exists. Replace it?`, false));
    if (!exists || force) {
      writeFileAtomic(target, text, { force, what: 'name' });
      return name;
    }
    name = await prompts.input('Save it as (empty: do not save)', '');
  }
}
