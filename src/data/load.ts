/**
 * Reads the data files officers may edit (data/*.json) and checks each against its JSON Schema
 * (data/schemas/NAME.schema.json) before any code uses it, so a slip in an edit stops the
 * command with the file, the key and what was expected, instead of surfacing later as a
 * puzzling import or tagging result. An unknown key is an error: a misspelt key would
 * otherwise be ignored without a word.
 *
 * Bottom layer: imports nothing from the commands, the interface or the domain modules.
 * The checks are generated from the schemas (scripts/data-schemas.mjs -> src/data/validate/),
 * so no validator is loaded or compiled at start-up; each domain module imports the one it needs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { nearestChoice } from '../suggest.js';
import { OperationError } from '../errors.js';
import { PACKAGE_ROOT, dataPath } from '../paths.js';
import { jsonSyntaxProblem } from './json-syntax.js';

/** One problem as the generated checks report it (Ajv's error object). */
export interface DataProblem {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  propertyName?: string;
}

/** A generated check: true when the data fits the schema, else `errors` holds the first problem. */
export type DataValidator = ((data: unknown) => boolean) & {
  errors?: DataProblem[] | null;
  /** For each closed object of the schema (by schema path), the keys it allows. */
  allowedKeys: Record<string, string[]>;
};

/** A data file that cannot be read, is not JSON, or does not fit its schema (exit 1). */
export class DataFileError extends OperationError {
  constructor(message: string, options: { hint?: string } = {}) {
    super(message, options);
    this.name = 'DataFileError';
  }
}

export interface LoadOptions {
  /** Read this file instead of data/NAME (tests, or a copy being checked). */
  file?: string;
  /** A missing file is not an error: return undefined (for generated files that can be rebuilt). */
  optional?: boolean;
  /** What to do about a problem (default: edit the file; data/README.md describes it). */
  hint?: string;
}

/** data/headers.json for a file of the package; the path as given for any other. */
function label(file: string): string {
  const rel = path.relative(PACKAGE_ROOT, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

/**
 * The data file NAME (e.g. "headers.json") from data/, parsed and checked by `validate`.
 * Throws DataFileError naming the file, the key (a JSON pointer) and what was expected.
 */
export function loadDataFile<T>(name: string, validate: DataValidator, options: LoadOptions & { optional: true }): T | undefined;
export function loadDataFile<T>(name: string, validate: DataValidator, options?: LoadOptions): T;
export function loadDataFile<T>(name: string, validate: DataValidator, options: LoadOptions = {}): T | undefined {
  const file = options.file ?? dataPath(name);
  const hint = options.hint ?? `fix ${file} and run the command again (data/README.md describes each file)`;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (options.optional && err.code === 'ENOENT') return undefined;
    throw new DataFileError(`${label(file)}: cannot be read (${err.code ?? err.message})`, { hint });
  }
  return parseDataFile<T>(text, label(file), validate, hint);
}

/** Parses and checks the text of a data file; `name` is how messages call the file. */
export function parseDataFile<T>(text: string, name: string, validate: DataValidator, hint?: string): T {
  // Notepad and some editors save UTF-8 with a byte-order mark, which JSON.parse refuses.
  const body = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    throw new DataFileError(`${name}: ${jsonProblem(body, (e as Error).message)}`, { hint });
  }
  if (!validate(data)) {
    const problems = mainProblems(validate.errors ?? [], validate.allowedKeys);
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    const first = problems[0] ? describeProblem(problems[0], validate.allowedKeys, data) : 'does not fit its schema';
    throw new DataFileError(`${name}: ${first}${more}`, { hint });
  }
  return data as T;
}

/**
 * The problems worth telling, most telling first: an unknown key before the rest, and no
 * "missing key" for a key that is only misspelt ("stopword" for "stopwords" is one mistake).
 */
function mainProblems(problems: DataProblem[], allowedKeys: Record<string, string[]>): DataProblem[] {
  const unknown = problems.filter((p) => p.keyword === 'additionalProperties');
  const meant = new Set(unknown.map((p) => `${p.instancePath}/${nearestKey(p, allowedKeys) ?? ''}`));
  const rest = problems.filter((p) => p.keyword !== 'additionalProperties' && !(p.keyword === 'required' && meant.has(`${p.instancePath}/${String(p.params.missingProperty)}`)));
  // Ajv adds a summary "propertyNames" problem after the one naming the key: keep the latter.
  return [...unknown, ...rest.filter((p) => p.keyword !== 'propertyNames' || !rest.some((q) => q.propertyName !== undefined))];
}

/** The allowed key an unknown key most likely meant (case ignored, a few letters off: suggest.ts), if any. */
function nearestKey(problem: DataProblem, allowedKeys: Record<string, string[]>): string | undefined {
  return nearestChoice(String(problem.params.additionalProperty), allowedKeys[problem.schemaPath.replace(/\/additionalProperties$/, '')] ?? []);
}

/** "not valid JSON at line 12 column 5: expected ',' or '}' after a value, found "\"" */
export function jsonProblem(text: string, parseMessage: string): string {
  const problem = jsonSyntaxProblem(text);
  if (problem) return `not valid JSON at line ${problem.line} column ${problem.column}: ${problem.reason}`;
  return `not valid JSON: ${parseMessage}`;
}

/** JSON pointer of a problem's place: "/fields/email/3", or "(top level)". */
function pointer(instancePath: string): string {
  return instancePath || '(top level)';
}

/** The value at a JSON pointer (to show what was found). */
function valueAt(data: unknown, instancePath: string): unknown {
  let value = data;
  for (const part of instancePath.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const escapeKey = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** One sentence for the first problem the check found. */
export function describeProblem(problem: DataProblem, allowedKeys: Record<string, string[]>, data: unknown): string {
  const at = problem.instancePath;
  const found = valueAt(data, at);
  switch (problem.keyword) {
    case 'additionalProperties': {
      const key = String(problem.params.additionalProperty);
      const allowed = allowedKeys[problem.schemaPath.replace(/\/additionalProperties$/, '')] ?? [];
      const near = nearestKey(problem, allowedKeys);
      const suggestion = near ? ` (did you mean "${near}"?)` : '';
      const list = allowed.length ? `; known keys here: ${allowed.join(', ')}` : '';
      return `${at}/${escapeKey(key)} is not a known key${suggestion}${list}`;
    }
    case 'required':
      return `${at}/${escapeKey(String(problem.params.missingProperty))} is missing (a required key)`;
    case 'type':
      return `${pointer(at)} must be ${article(String(problem.params.type))}, not ${typeName(found)}`;
    case 'enum':
      return `${pointer(at)} must be one of ${(problem.params.allowedValues as unknown[]).map((v) => String(v)).join(', ')}; found ${shown(found)}`;
    case 'pattern':
      if (problem.propertyName !== undefined) return `${pointer(at)}: the key ${shown(problem.propertyName)} must match the pattern ${problem.params.pattern}`;
      return `${pointer(at)} must match the pattern ${problem.params.pattern}; found ${shown(found)}`;
    case 'propertyNames':
      return `${pointer(at)}: the key ${shown(problem.params.propertyName)} is not allowed`;
    default:
      return `${pointer(at)} ${problem.message ?? 'does not fit the schema'}${found !== undefined && typeof found !== 'object' ? `; found ${shown(found)}` : ''}`;
  }
}

function article(type: string): string {
  if (type === 'array') return 'a list (array)';
  if (type === 'object') return 'an object';
  if (type === 'integer') return 'a whole number (integer)';
  return type === 'string' ? 'string' : `a ${type}`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${shown(value)}`;
}
