import fs from 'node:fs';
import path from 'node:path';
import { OperationError } from '../errors.js';
import { explainHeader, FIELDS, type ColumnMapping, type Field } from '../import/headers.js';
import type { MappingQuestion } from '../import/importer.js';
import { describeChoice } from '../import/layout.js';
import { FIELD_LABELS, columnLetter, looksLikeData } from '../import/mapping.js';
import { info, type IO } from './io.js';
import type { Choice, Prompts } from './prompts.js';
import { writeFileAtomic } from '../files/index.js';
import { shellArg } from '../text.js';

/** A column as a choice: its letter and full header (a header that looks like data is not repeated). */
function columnChoice(headers: readonly string[], i: number): Choice<number> {
  const h = headers[i] ?? '';
  return { name: `${columnLetter(i)}  ${looksLikeData(h) || !h ? `column ${i + 1}` : h}`, value: i };
}

/**
 * On a terminal: shows the columns skillsnet will read for each field, with how sure it is and
 * a sample (the kind of value, for personal data); asks for each missing required field; when
 * some field is uncertain (a word of a long header, or a column whose values did not fit), asks
 * whether the columns are right and lets the officer correct them; then offers to save the
 * mapping for the next import. Returns the completed mapping.
 */
export async function mappingWizard(io: IO, q: MappingQuestion): Promise<ColumnMapping> {
  const { file, headers, missing } = q;
  const prompts = await io.prompts();
  const out: ColumnMapping = { ...q.mapping };
  const name = path.basename(file);
  let asked = false;
  const shown = FIELDS.filter((f) => q.fields[f]);
  if (shown.length) {
    info(io, `${name}: the columns skillsnet would read`);
    for (const f of shown) info(io, `  ${q.uncertain.includes(f) ? '?' : ' '} ${describeChoice(f, q.fields[f]!, headers)}`);
  }
  for (const r of q.rejected) {
    info(io, `  ! ${FIELD_LABELS[r.field]}: column ${columnLetter(r.column)} "${r.header}" names it but holds ${r.holds}; not used`);
  }
  if (missing.length) info(io, `${name}: skillsnet could not tell which column holds the ${missing.map((f) => FIELD_LABELS[f]).join(' and ')}.`);
  for (const field of missing) {
    const used = new Set(Object.values(out).flat());
    const choices = headers.map((_, i) => columnChoice(headers, i)).filter((c) => !used.has(c.value));
    asked = true;
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
  const doubtful: Field[] = [...new Set([...q.uncertain, ...q.rejected.map((r) => r.field)])].filter((f) => !missing.includes(f));
  if (doubtful.length) {
    asked = true;
    const list = doubtful.map((f) => FIELD_LABELS[f]).join(', ');
    const right = await prompts.confirm(`skillsnet is not sure of the ${list}. Keep the columns as shown?`, true);
    if (!right) {
      for (const field of doubtful) {
        const current = out[field]?.[0];
        const used = new Set(Object.entries(out).filter(([f]) => f !== field).flatMap(([, cols]) => cols ?? []));
        const choices = headers.map((_, i) => columnChoice(headers, i)).filter((c) => !used.has(c.value) && c.value !== current);
        const col = await prompts.select<number>(`Which column holds the ${FIELD_LABELS[field]}?`, [
          ...(current !== undefined ? [{ ...columnChoice(headers, current), name: `${columnChoice(headers, current).name}  (as shown)` }] : []),
          { name: '(none: leave it empty)', value: -1 },
          ...choices,
        ]);
        if (col < 0) delete out[field];
        else out[field] = [col];
      }
    }
  }
  if (asked && (await prompts.confirm('Save this column mapping to reuse it next time?', true))) {
    const json: Record<string, string | string[]> = {};
    for (const f of FIELDS) {
      const cols = out[f];
      if (cols?.length) json[f] = cols.length === 1 ? headers[cols[0]!]! : cols.map((c) => headers[c]!);
    }
    const saved = await saveMapping(io, prompts, path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.mapping.json`), JSON.stringify(json, null, 2) + '\n');
    if (saved) {
      info(io, `Saved. Next time: skillsnet import ${shellArg(name)} --map ${shellArg(saved)}`);
      // The wizard asks only for what it must have: say how to read the other columns too.
      const used = new Set(Object.values(out).flat());
      const unread = headers.map((_, i) => i).filter((i) => !used.has(i));
      if (unread.length) {
        const listed = unread.slice(0, 5).map((i) => columnChoice(headers, i).name.replace(/ {2}/, ' ')).join(', ') + (unread.length > 5 ? ', ...' : '');
        // The example names a field the column's header suggests, else says it is one: "country" for
        // an "Idea" column would be copied as written.
        const guessed = unread.map((i) => ({ i, field: explainHeader(headers[i] ?? '').fields[0]?.field })).find((g) => g.field);
        const letter = columnLetter((guessed?.i ?? unread[0])!);
        const example = guessed ? `e.g. "${guessed.field}": "${letter}"` : `e.g. "description": "${letter}" if column ${letter} holds the description`;
        info(io, `To read another column too (${listed}), add it to ${saved} with its field, ${example}, and import again (the fields: skillsnet import --help).`);
      }
    }
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
