import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFileError, loadDataFile, parseDataFile, type DataValidator } from '../../../src/data/load.js';
import { jsonSyntaxProblem } from '../../../src/data/json-syntax.js';
import { validateAttendanceHeaders } from '../../../src/data/validate/attendance-headers.js';
import { validateEventTexts } from '../../../src/data/validate/event-texts.js';
import { validateCategoryTerms } from '../../../src/data/validate/category-terms.js';
import { validateHeaders } from '../../../src/data/validate/headers.js';
import { validateMapText } from '../../../src/data/validate/map-text.js';
import { validateNetwork } from '../../../src/data/validate/network.js';
import { validateLanguages } from '../../../src/data/validate/languages.js';
import { validateNameParts } from '../../../src/data/validate/name-parts.js';
import { validateQuotaHeaders } from '../../../src/data/validate/quota-headers.js';
import { validateRegionNames } from '../../../src/data/validate/region-names.js';
import { validateSubregions } from '../../../src/data/validate/subregions.js';
import { validateScoreHeaders } from '../../../src/data/validate/score-headers.js';
import { validateTaggingExamplesModel } from '../../../src/data/validate/tagging-examples.model.js';
import { validateTaxonomy } from '../../../src/data/validate/taxonomy.js';
import { validateVocabulary } from '../../../src/data/validate/vocabulary.js';
import { FIELDS } from '../../../src/import/headers.js';
import { REGIONS } from '../../../src/model.js';
import { ROOT, tempDir } from '../support/run.js';

const DATA = path.join(ROOT, 'data');

/** Every data file with the check generated from its schema. */
const CHECKS: Record<string, DataValidator> = {
  'attendance-headers.json': validateAttendanceHeaders,
  'category-terms.json': validateCategoryTerms,
  'event-texts.json': validateEventTexts,
  'headers.json': validateHeaders,
  'languages.json': validateLanguages,
  'map-text.json': validateMapText,
  'name-parts.json': validateNameParts,
  'network.json': validateNetwork,
  'quota-headers.json': validateQuotaHeaders,
  'region-names.json': validateRegionNames,
  'score-headers.json': validateScoreHeaders,
  'subregions.json': validateSubregions,
  'tagging-examples.model.json': validateTaggingExamplesModel,
  'taxonomy.json': validateTaxonomy,
  'vocabulary.json': validateVocabulary,
};

const dir = tempDir('skillsnet-data-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a variant of a data file to the temp dir and loads it the way the commands do. */
function loadVariant(name: string, text: string): unknown {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return loadDataFile(name, CHECKS[name], { file });
}

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(DataFileError);
    return (e as Error).message;
  }
  throw new Error('expected a DataFileError');
}

const headersText = fs.readFileSync(path.join(DATA, 'headers.json'), 'utf8');

describe('data files are checked against their schemas on load', () => {
  it('every data/*.json has a schema in data/schemas and a generated check', () => {
    const files = fs.readdirSync(DATA).filter((f) => f.endsWith('.json')).sort();
    const schemas = fs.readdirSync(path.join(DATA, 'schemas')).filter((f) => f.endsWith('.schema.json')).map((f) => f.replace(/\.schema\.json$/, '.json')).sort();
    expect(schemas).toEqual(files);
    expect(Object.keys(CHECKS).sort()).toEqual(files);
  });

  it.each(Object.keys(CHECKS))('data/%s fits its schema', (name) => {
    expect(() => loadDataFile(name, CHECKS[name])).not.toThrow();
  });

  it('every schema closes its objects: an unknown key is an error', () => {
    const open: string[] = [];
    const walk = (schema: any, at: string) => {
      if (!schema || typeof schema !== 'object') return;
      if (schema.type === 'object' && schema.properties && schema.additionalProperties !== false) open.push(at);
      for (const [k, v] of Object.entries(schema)) if (typeof v === 'object') walk(v, `${at}/${k}`);
    };
    for (const f of fs.readdirSync(path.join(DATA, 'schemas'))) walk(JSON.parse(fs.readFileSync(path.join(DATA, 'schemas', f), 'utf8')), f);
    expect(open).toEqual([]);
  });

  it('headers.json knows exactly the fields the import has, and region-names.json the five regions', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(DATA, 'schemas', 'headers.schema.json'), 'utf8'));
    expect(schema.definitions.field.enum).toEqual([...FIELDS]);
    expect(Object.keys(schema.properties.fields.properties)).toEqual([...FIELDS]);
    const regions = JSON.parse(fs.readFileSync(path.join(DATA, 'schemas', 'region-names.schema.json'), 'utf8'));
    expect(Object.keys(regions.properties.names.properties)).toEqual([...REGIONS]);
  });

  it('a missing comma names the file, the line and the column', () => {
    const broken = headersText.replace(/("required": \[[^\]]*\]),/, '$1');
    const line = broken.slice(0, broken.indexOf('"required"')).split('\n').length;
    expect(messageOf(() => loadVariant('headers.json', broken)).startsWith(`${path.join(dir, 'headers.json')}: not valid JSON at line ${line} column `)).toBe(true);
    expect(messageOf(() => parseDataFile(broken, 'data/headers.json', validateHeaders))).toMatch(new RegExp(`^data/headers\\.json: not valid JSON at line ${line} column \\d+: expected ','`));
  });

  it('a misspelt key is an error that names it and suggests the right one', () => {
    expect(messageOf(() => parseDataFile(headersText.replace('"stopwords"', '"stopword"'), 'data/headers.json', validateHeaders))).toMatch(
      /^data\/headers\.json: \/stopword is not a known key \(did you mean "stopwords"\?\); known keys here: required, priority, .*stopwords, fields$/,
    );
    expect(messageOf(() => parseDataFile(headersText.replace('"email": [', '"emial": ['), 'data/headers.json', validateHeaders))).toMatch(
      /^data\/headers\.json: \/fields\/emial is not a known key \(did you mean "email"\?\)/,
    );
  });

  it('suggests a key by the rule of every "did you mean" (suggest.ts): its beginning, its case, a few letters off; a far-off key gets none', () => {
    const problem = (from: string, to: string) => messageOf(() => parseDataFile(headersText.replace(from, to), 'data/headers.json', validateHeaders));
    expect(problem('"stopwords"', '"stop"')).toMatch(/^data\/headers\.json: \/stop is not a known key \(did you mean "stopwords"\?\)/);
    expect(problem('"stopwords"', '"Stopwords"')).toMatch(/^data\/headers\.json: \/Stopwords is not a known key \(did you mean "stopwords"\?\)/);
    expect(problem('"stopwords"', '"prioritys"')).toMatch(/\(did you mean "priority"\?\)/);
    for (const far of ['"colour"', '"st"', '"order"']) expect(problem('"stopwords"', far)).not.toMatch(/did you mean/);
  });

  it('a value of the wrong type names its JSON pointer and the type expected', () => {
    const data = JSON.parse(headersText);
    data.fields.email[3] = 4;
    expect(messageOf(() => parseDataFile(JSON.stringify(data, null, 2), 'data/headers.json', validateHeaders))).toBe(
      'data/headers.json: /fields/email/3 must be string, not number 4',
    );
    data.fields.email[3] = 'x';
    data.required = ['organization', 'emial'];
    expect(messageOf(() => parseDataFile(JSON.stringify(data), 'data/headers.json', validateHeaders))).toMatch(
      /^data\/headers\.json: \/required\/1 must be one of externalId, .*, score; found "emial"$/,
    );
  });

  it('a missing key, a bad code and a bad weight are named too', () => {
    const data = JSON.parse(headersText);
    delete data.stopwords;
    expect(messageOf(() => parseDataFile(JSON.stringify(data), 'data/headers.json', validateHeaders))).toBe('data/headers.json: /stopwords is missing (a required key)');

    const taxonomy = JSON.parse(fs.readFileSync(path.join(DATA, 'taxonomy.json'), 'utf8'));
    taxonomy.revised[2].code = 'Career guidance';
    expect(messageOf(() => parseDataFile(JSON.stringify(taxonomy), 'data/taxonomy.json', validateTaxonomy))).toMatch(
      /^data\/taxonomy\.json: \/revised\/2\/code must match the pattern .*; found "Career guidance"$/,
    );

    const terms = JSON.parse(fs.readFileSync(path.join(DATA, 'category-terms.json'), 'utf8'));
    terms.categories['life-skills'].terms.fr['confiance en soi'] = 'high';
    expect(messageOf(() => parseDataFile(JSON.stringify(terms), 'data/category-terms.json', validateCategoryTerms))).toBe(
      'data/category-terms.json: /categories/life-skills/terms/fr/confiance en soi must be a number, not string "high"',
    );
  });

  it('comment keys ($comment, _comment, $wordsComment) are allowed wherever the files use them', () => {
    const data = JSON.parse(headersText);
    data.counts.$newComment = 'a note for people';
    expect(() => parseDataFile(JSON.stringify(data), 'data/headers.json', validateHeaders)).not.toThrow();
  });

  it('a byte-order mark (Notepad) is not a mistake; an unreadable file is named', () => {
    expect(() => loadVariant('region-names.json', '\uFEFF' + fs.readFileSync(path.join(DATA, 'region-names.json'), 'utf8'))).not.toThrow();
    expect(messageOf(() => loadDataFile('region-names.json', validateRegionNames, { file: path.join(dir, 'nowhere.json') }))).toMatch(/nowhere\.json: cannot be read \(ENOENT\)$/);
    expect(loadDataFile('region-names.json', validateRegionNames, { file: path.join(dir, 'nowhere.json'), optional: true })).toBeUndefined();
  });

  it('the real files are named as data/NAME.json, with the file to fix in the hint; exit code 1', () => {
    const real = path.join(dir, 'real');
    let error: DataFileError | undefined;
    try {
      parseDataFile('{', 'data/vocabulary.json', validateVocabulary, `fix ${real}`);
    } catch (e) {
      error = e as DataFileError;
    }
    expect(error?.message).toBe('data/vocabulary.json: not valid JSON at line 1 column 2: expected a key in double quotes, found the end of the file');
    expect(error?.hint).toBe(`fix ${real}`);
    expect(error?.exitCode).toBe(1);
  });
});

describe('JSON syntax mistakes are placed where an editor shows them', () => {
  it.each([
    ['{"a": 1 "b": 2}', 1, 9, "expected ',' or '}' after a value"],
    ['{"a": [1, 2,]}', 1, 13, 'expected another value'],
    ['{"a": 1,}', 1, 9, 'expected another key in double quotes'],
    ['{a: 1}', 1, 2, 'expected a key in double quotes'],
    ['{\n  "a": tru\n}', 2, 8, 'expected a value'],
    ['{\n  "a": "x\n}', 2, 8, 'a text in quotes is not closed on its line'],
    ['{"a": 1}}', 1, 9, 'expected nothing more'],
    ['{\n  "a": [],\n  "b": []\n  "c": []\n}', 3, 10, "expected ',' after this value"],
  ])('%j', (text, line, column, reason) => {
    expect(() => JSON.parse(text)).toThrow();
    const problem = jsonSyntaxProblem(text)!;
    expect(problem).toMatchObject({ line, column });
    expect(problem.reason).toContain(reason);
  });

  it('finds nothing wrong in valid JSON', () => {
    for (const f of Object.keys(CHECKS)) expect(jsonSyntaxProblem(fs.readFileSync(path.join(DATA, f), 'utf8'))).toBeUndefined();
    expect(jsonSyntaxProblem('{"a": "\\"quoted\\" \\\\", "b": [-1.5e3, true, null, {}]}')).toBeUndefined();
  });
});

describe('a broken data file stops a command with one error line', () => {
  it('prints "error: FILE: POINTER what was expected", the hint, and exits 1', async () => {
    const { reportError } = await import('../../../src/cli/main.js');
    const { bufferIO } = await import('../../../src/cli/io.js');
    const { io, stdout, stderr } = bufferIO();
    const data = JSON.parse(headersText);
    data.fields.email[3] = 4;
    let error: unknown;
    try {
      parseDataFile(JSON.stringify(data), 'data/headers.json', validateHeaders, 'fix /somewhere/data/headers.json');
    } catch (e) {
      error = e;
    }
    expect(reportError(error, io, false, false)).toBe(1);
    expect(stdout()).toBe('');
    expect(stderr()).toBe('error: data/headers.json: /fields/email/3 must be string, not number 4\n  fix /somewhere/data/headers.json\n');
  });
});
