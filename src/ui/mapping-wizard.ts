import fs from 'node:fs';
import path from 'node:path';
import { OperationError } from '../errors.js';
import { FIELDS, type ColumnMapping, type Field } from '../import/headers.js';
import { FIELD_LABELS, looksLikeData } from '../import/mapping.js';
import { info, type IO } from './io.js';

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
    const suggested = path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.mapping.json`);
    const target = await prompts.input('Save it as', suggested);
    const json: Record<string, string | string[]> = {};
    for (const f of FIELDS) {
      const cols = out[f];
      if (cols?.length) json[f] = cols.length === 1 ? headers[cols[0]!]! : cols.map((c) => headers[c]!);
    }
    await fs.promises.writeFile(path.resolve(io.cwd, target), JSON.stringify(json, null, 2) + '\n', { mode: 0o600 });
    info(io, `Saved. Next time: skillsnet import ${path.basename(file)} --map ${target}`);
  }
  return out;
}
