/**
 * Evidence from the cells: whether the values of a column look like the field its header names.
 * An email column holds mostly addresses, a country column mostly countries, a score column
 * numbers, a submission date dates close to each other (not birth dates decades apart), a
 * contact name words rather than digits, a language column language names, an organisation
 * type words of the vocabulary; no field is a column of yes/no answers. Only a sample is read
 * (the rows under the header that the layout reads anyway), and no cell is ever quoted: the
 * verdict says what kind of values the column holds.
 */
import { isNoCountry, resolveCountry } from '../geo/countries.js';
import { resolveLanguage } from '../geo/languages.js';
import { parseDate, parseSubmissionDate } from './dates.js';
import { foldText, headerTokens } from './header-words.js';
import type { Field } from './headers.js';
import { normaliseEmail, parseScore } from './cells.js';
import { isKnownTerm } from './vocabulary.js';
import { categoryChoices } from '../tagging/taxonomy.js';

export type Verdict = 'agree' | 'disagree' | 'unknown';

export interface ColumnVerdict {
  verdict: Verdict;
  /** non-empty cells looked at */
  checked: number;
  /** share of them that fit the field (0..1) */
  fit: number;
  /** what the cells hold when they do not fit ("yes/no answers", "numbers") */
  holds?: string;
}

/** Fewer non-empty cells than this say nothing either way. */
export const MIN_CELLS = 3;

const YES_NO = new Set(['yes', 'no', 'y', 'n', 'oui', 'non', 'si', 'sí', 'sì', 'sim', 'não', 'nao', 'true', 'false', 'vrai', 'faux', 'verdadero', 'falso', 'x', '✓', '✔']);
/** What people write for "nothing": never evidence for or against. */
const NOTHING = /^(?:n\/?a|none|aucun|aucune|ninguno|ninguna|nada|-+|—|\.|\?|anonymous|anonyme|an[oó]nim[oa]|not applicable|sans objet|no aplica)$/i;

function share(cells: readonly string[], test: (c: string) => boolean): number {
  if (!cells.length) return 0;
  let n = 0;
  for (const c of cells) if (test(c)) n++;
  return n / cells.length;
}

const isYesNo = (c: string) => YES_NO.has(c.toLowerCase());
const isNumber = (c: string) => typeof parseScore(c) === 'number';
const digits = (c: string) => c.replace(/\D/g, '').length;
const letters = (c: string) => (c.match(/\p{L}/gu) ?? []).length;
const looksLikePhone = (c: string) => digits(c) >= 6 && digits(c) >= c.replace(/\s/g, '').length * 0.6;
const looksLikeUrl = (c: string) => /^(?:https?:\/\/|www\.)\S+$/i.test(c) || /^[\w-]+(?:\.[\w-]+)+(?:\/\S*)?$/.test(c);

/** What a website column holds when its links are the form tool's own pages, one per response. */
export const TOOL_LINKS = "links to the form tool's own pages (one per response)";

/** What a bare "Category" column holds when none of its values is a skills category: kinds of something else. */
export const OTHER_CATEGORIES = 'categories of something else (no skills category among them)';

/** What a categories column holds when its values are free-text answers ("What skills will participants gain?" as "Skills"). */
export const PROSE = 'sentences (free-text answers, no list of categories)';

/**
 * A sentence, not a list: a dozen words or more, in pieces (between commas, semicolons, lines)
 * of five words or more on average. "Python, Excel, public speaking, project management" is a
 * list of skills; "Participants learn to repair solar panels and run a workshop" is an answer.
 */
function isProse(cell: string): boolean {
  const words = cell.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (words < 12) return false;
  const pieces = cell.split(/[,;|\n\u2022]+/).filter((p) => /\p{L}/u.test(p)).length;
  return words / Math.max(pieces, 1) >= 5;
}

/**
 * Whether a categories header says nothing of skills ("Category", "Catégorie", "Tags", "Theme"):
 * any list of kinds of anything is headed so (an organisation's kind, a job's), so its cells must
 * name skills categories. ("Skills category", "Domaine de compétences", "Área de formación" say it.)
 */
export function bareCategoryHeader(header: string): boolean {
  return !/\b(?:skills?|competen\w*|habilidad\w*|destrezas?|formation|formacion|training|apprentissage|aprendizaje|capacit\w*|innovation|innovacion)\b/.test(foldText(header));
}

/**
 * The hosts of form and survey tools: a link there is the tool's page of a response (Fillout's
 * "Url" column, "https://build.fillout.com/editor/…/results?sessionId=…"), not the applicant's
 * website. Google's and Microsoft's forms live under hosts that serve other things too: their
 * form paths count.
 */
const FORM_TOOL_HOSTS = [
  'fillout.com', 'typeform.com', 'jotform.com', 'surveymonkey.com', 'kobotoolbox.org', 'qualtrics.com', 'airtable.com', 'tally.so',
  'formstack.com', 'cognitoforms.com', 'wufoo.com', 'zohopublic.com', 'smartsheet.com', 'limesurvey.org', 'alchemer.com',
  'surveygizmo.com', 'paperform.co', 'formsite.com', 'ona.io', 'forms.gle', 'forms.office.com', 'forms.microsoft.com',
];
const FORM_TOOL_PATHS: [string, RegExp][] = [['docs.google.com', /^\/forms\//], ['survey123.arcgis.com', /./]];

/** A cell as a URL ("www.example.org" read as https), or null. */
function asUrl(cell: string): URL | null {
  if (!looksLikeUrl(cell)) return null;
  try {
    return new URL(/^https?:\/\//i.test(cell) ? cell : `https://${cell}`);
  } catch {
    return null;
  }
}

function isFormToolLink(u: URL): boolean {
  const host = u.hostname.toLowerCase();
  const under = (h: string) => host === h || host.endsWith(`.${h}`);
  return FORM_TOOL_HOSTS.some(under) || FORM_TOOL_PATHS.some(([h, p]) => under(h) && p.test(u.pathname));
}

/**
 * Whether a column's links are a tool's pages of each response rather than applicants' own
 * sites: most are on a form tool's host, or all are on one host and differ only by a query
 * (`?sessionId=…`, `?id=…`), one per row.
 */
function toolLinks(cells: readonly string[]): boolean {
  const urls = cells.map(asUrl).filter((u): u is URL => u !== null);
  if (urls.length < MIN_CELLS) return false;
  if (urls.filter(isFormToolLink).length >= urls.length * 0.8) return true;
  const hosts = new Set(urls.map((u) => u.hostname.toLowerCase().replace(/^www\./, '')));
  const queries = new Set(urls.map((u) => u.search));
  return hosts.size === 1 && urls.every((u) => u.search.length > 1) && queries.size === urls.length;
}

function verdict(fit: number, checked: number, agreeAt: number, disagreeBelow: number, holds?: string): ColumnVerdict {
  if (fit >= agreeAt) return { verdict: 'agree', checked, fit };
  if (fit < disagreeBelow) return { verdict: 'disagree', checked, fit, holds };
  return { verdict: 'unknown', checked, fit };
}

/** A name for what a column of cells mostly holds, for a message. */
function describeCells(cells: readonly string[]): string {
  if (share(cells, isYesNo) >= 0.6) return 'yes/no answers';
  if (share(cells, (c) => normaliseEmail(c).valid) >= 0.5) return 'email addresses';
  // (a timestamp is digits too: dates first)
  if (share(cells, (c) => parseDate(c) !== null) >= 0.6) return 'dates';
  if (share(cells, looksLikePhone) >= 0.5) return 'phone numbers';
  if (share(cells, isNumber) >= 0.6) return 'numbers';
  const long = cells.reduce((n, c) => n + c.length, 0) / cells.length;
  if (long > 120) return 'long texts';
  return 'other values';
}

/** What a name column holds when its cells list several people ("Ana Ejemplo, Li Example, Jo Sample"). */
export const NAME_LISTS = 'lists of several names';

const nameBits = (cell: string, separator: RegExp) => cell.split(separator).map((p) => p.trim()).filter((p) => letters(p) > 0);

/**
 * Whether a cell names several people: three or more parts between commas, parts between
 * semicolons or "and" / "y" / "et" / "&", or two parts of two words or more between a comma
 * (`twoParts`: not in a column that writes "Family, Given" names, one comma a cell).
 */
function isNameList(cell: string, twoParts: boolean): boolean {
  if (nameBits(cell, /;/).length >= 2 || nameBits(cell, /\s+(?:and|y|et|&)\s+/i).length >= 2) return true;
  const parts = nameBits(cell, /,/);
  return parts.length >= 3 || (twoParts && parts.length === 2 && parts.every((p) => p.split(/\s+/).length >= 2));
}

/** The share of cells that list several people (an abstract's authors), 0 when only one or two do. */
function nameListShare(cells: readonly string[]): number {
  const familyFirst = share(cells, (c) => nameBits(c, /,/).length === 2) >= 0.6;
  const lists = cells.filter((c) => isNameList(c, !familyFirst)).length;
  return lists >= 2 ? lists / cells.length : 0;
}

/** What a name column holds when its values are organisations' names. */
export const ORGANIZATION_NAMES = 'organisation names';

/** Words that name an organisation, not a person (English, French, Spanish), and legal forms. */
const ORGANIZATION_WORDS = new Set([
  'club', 'association', 'asociacion', 'associacao', 'foundation', 'fondation', 'fundacion', 'cooperative', 'cooperativa', 'ngo', 'ong',
  'university', 'universite', 'universidad', 'institute', 'institut', 'instituto', 'school', 'ecole', 'escuela', 'colegio', 'college', 'lycee',
  'centre', 'center', 'centro', 'company', 'compagnie', 'compania', 'empresa', 'entreprise', 'group', 'groupe', 'grupo', 'ministry', 'ministere',
  'ministerio', 'agency', 'agence', 'agencia', 'federation', 'federacion', 'union', 'syndicat', 'sindicato', 'chamber', 'chambre', 'camara',
  'council', 'conseil', 'consejo', 'network', 'reseau', 'trust', 'society', 'societe', 'sociedad', 'services', 'solutions', 'consulting',
  'corporation', 'enterprises', 'industries', 'incubator', 'incubadora', 'incubateur', 'accelerator', 'aceleradora', 'accelerateur', 'hub',
  'collective', 'collectif', 'colectivo', 'academy', 'academie', 'academia', 'bank', 'banque', 'banco', 'hospital', 'hopital', 'clinic',
  'clinique', 'clinica', 'commune', 'municipalidad', 'municipio', 'mairie', 'office', 'optique', 'pharmacie', 'farmacia', 'atelier', 'taller',
  'llc', 'ltd', 'inc', 'gmbh', 'sarl', 'sas', 'sa', 'srl', 'sac', 'plc', 'corp', 'co', 'cia',
]);

/** "CLUB SOCIAL Y DEPORTIVO …", "Xxxx Xxxx, LLC", "Coopérative des …": an organisation's name. */
export function looksLikeOrganizationName(cell: string): boolean {
  // ("S.A." is "sa", "Coopérative" is "cooperative")
  const words = foldText(cell).replace(/\./g, '').split(/[^a-z0-9]+/).filter(Boolean);
  return words.some((w) => ORGANIZATION_WORDS.has(w));
}

/** What a start or end date column holds when its dates have no time of day: a project's timeline. */
export const TIMELINE_DATES = 'dates without a time of day (the start or end of something, not when the form was sent)';
/** What a "Time" column of slots or hours holds: no date, so no day the form was sent. */
export const TIMES_OF_DAY = 'times of day without a date (a slot or an hour, not when the form was sent)';

/** What the cells must show besides the field's kind of value. */
export interface JudgeOptions {
  /** a submission date whose header says start or end ("Start Date", "DateFin"): a form tool's carry a time of day */
  timeOfDay?: boolean;
  /** categories under a header that says nothing of skills (bareCategoryHeader): the cells must name skills categories */
  bareCategory?: boolean;
  /** an ID under a header that is only "Code" ("Código"; bareCodeHeader): the cells must tell the rows apart */
  bareCode?: boolean;
}

/** What a bare "Code" column holds when rows share its values: no one application's code. */
export const SHARED_CODES = "codes several rows share (a postal, promo or course code, an enrolment's status, not one application's)";

/**
 * Whether a header is only "Code" ("Código") or "Matrícula": an application's code or a student's
 * enrolment number, or a postal, promo, course or dialling code headed so beside its address,
 * coupon or phone, an enrolment's status or fee ("Ativa", "Pagada"). An application's code tells
 * its rows apart; the others repeat.
 */
export function bareCodeHeader(header: string): boolean {
  const words = headerTokens(header);
  return words.length === 1 && BARE_CODES.has(words[0]!);
}
const BARE_CODES: ReadonlySet<string> = new Set(['code', 'codigo', 'matricula']);
/** Below this share of different values among its cells, a bare "Code" column is no application's: rows with one code would be taken for one application. */
const DISTINCT_CODES = 0.8;

/** Whether the column's cells look like the field. */
export function judgeColumn(field: Field, rawCells: readonly string[], options: JudgeOptions = {}): ColumnVerdict {
  const cells = rawCells.map((c) => c.replace(/\u0000/g, '').trim()).filter((c) => c && !NOTHING.test(c));
  const checked = cells.length;
  if (checked < MIN_CELLS) return { verdict: 'unknown', checked, fit: 0 };
  // no field is a column of yes/no answers
  if (share(cells, isYesNo) >= 0.8) return { verdict: 'disagree', checked, fit: 0, holds: 'yes/no answers' };
  const holds = describeCells(cells);
  switch (field) {
    case 'email':
      return verdict(share(cells, (c) => normaliseEmail(c).valid), checked, 0.5, 0.2, holds);
    case 'phone':
      return verdict(share(cells, looksLikePhone), checked, 0.5, 0.2, holds);
    case 'website':
      if (toolLinks(cells)) return { verdict: 'disagree', checked, fit: 0, holds: TOOL_LINKS };
      return verdict(share(cells, looksLikeUrl), checked, 0.5, 0.2, holds);
    case 'country':
      return verdict(share(cells, (c) => isNoCountry(c) || resolveCountry(c) !== null), checked, 0.5, 0.2, holds);
    case 'language':
    case 'workingLanguage':
      return verdict(share(cells, (c) => resolveLanguage(c) !== null), checked, 0.5, 0.2, holds);
    case 'score':
      return verdict(share(cells, isNumber), checked, 0.6, 0.3, holds);
    case 'submittedAt':
      return judgeDates(cells, holds, options.timeOfDay ?? false);
    case 'contactName':
    case 'firstName':
    case 'lastName': {
      // a directory's "Nom" / "NOMBRE" may name the organisations ("CLUB ATLÉTICO …", "… S.A.")
      const organizations = share(cells, looksLikeOrganizationName);
      if (organizations >= 0.4) return { verdict: 'disagree', checked, fit: 1 - organizations, holds: ORGANIZATION_NAMES };
      const bad = share(cells, (c) => digits(c) >= 5 || normaliseEmail(c).valid || letters(c) === 0);
      if (bad >= 0.5) return { verdict: 'disagree', checked, fit: 1 - bad, holds };
      const long = share(cells, (c) => c.length > 80);
      if (long >= 0.5) return { verdict: 'disagree', checked, fit: 1 - long, holds: 'long texts' };
      // one contact, not a paper's authors: a tenth of the cells listing several people is a list column
      const lists = field === 'contactName' ? nameListShare(cells) : 0;
      if (lists >= 0.1) return { verdict: 'disagree', checked, fit: 1 - lists, holds: NAME_LISTS };
      return { verdict: bad <= 0.2 ? 'agree' : 'unknown', checked, fit: 1 - bad };
    }
    case 'organization': {
      const bad = share(cells, (c) => normaliseEmail(c).valid || letters(c) === 0);
      return bad >= 0.5 ? { verdict: 'disagree', checked, fit: 1 - bad, holds } : { verdict: bad <= 0.2 ? 'agree' : 'unknown', checked, fit: 1 - bad };
    }
    case 'organizationType': {
      const known = share(cells, (c) => isKnownTerm('organizationTypes', c));
      if (known >= 0.3) return { verdict: 'agree', checked, fit: known };
      if (share(cells, isNumber) >= 0.6 || share(cells, (c) => c.length > 100) >= 0.5) return { verdict: 'disagree', checked, fit: known, holds };
      return { verdict: 'unknown', checked, fit: known };
    }
    case 'externalId': {
      // an ID is a short code ("SIC-2020-0001", "R_3kP…", "106"), not a text: a bibliography, a comment;
      // KoboToolbox's "uuid:…" instance ids are 41 characters long and codes all the same
      const text = share(cells, (c) => !UUID.test(c) && (c.length > 40 || c.split(/\s+/).length > 4));
      if (text >= 0.5) return { verdict: 'disagree', checked, fit: 1 - text, holds: holds === 'other values' ? 'texts' : holds };
      if (options.bareCode) {
        const distinct = new Set(cells.map((c) => foldText(c))).size / checked;
        if (distinct < DISTINCT_CODES) return { verdict: 'disagree', checked, fit: distinct, holds: SHARED_CODES };
      }
      return { verdict: 'unknown', checked, fit: 1 - text };
    }
    case 'selfCategories': {
      if (share(cells, isNumber) >= 0.8) return { verdict: 'disagree', checked, fit: 0, holds };
      const named = share(cells, (c) => categoryChoices(c).length > 0);
      if (named >= 0.3) return { verdict: 'agree', checked, fit: named };
      const prose = share(cells, (c) => categoryChoices(c).length === 0 && isProse(c));
      if (prose >= 0.5) return { verdict: 'disagree', checked, fit: 1 - prose, holds: PROSE };
      if (options.bareCategory && named < 0.1) return { verdict: 'disagree', checked, fit: named, holds: OTHER_CATEGORIES };
      return { verdict: 'unknown', checked, fit: 1 };
    }
    case 'beneficiaries':
    case 'title': {
      if (share(cells, isNumber) >= 0.8) return { verdict: 'disagree', checked, fit: 0, holds };
      return { verdict: 'unknown', checked, fit: 1 };
    }
    case 'description': {
      if (share(cells, isNumber) >= 0.8) return { verdict: 'disagree', checked, fit: 0, holds };
      return { verdict: 'unknown', checked, fit: 1 };
    }
  }
  return { verdict: 'unknown', checked, fit: 0 };
}

/** A UUID, bare or as KoboToolbox writes its instance ids ("uuid:3f2504e0-4f89-41d3-9a0c-0305e82c3301"). */
const UUID = /^\s*(?:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\s*$/i;

/** A time of day at the start of a cell: "10:00", "9h30", "2 pm". */
const TIME_OF_DAY = /^\s*\d{1,2}\s*(?:[:h.]\s*\d{2}|\s*[ap]\.?m\.?)/i;

/**
 * Submission dates are dates, and close to each other: a call is open for weeks or months.
 * Birth dates (decades apart, long ago) and graduation years are other dates. A form tool's
 * start and end of a response carry a time of day; a project's start and end dates do not
 * (`timeOfDay`).
 */
function judgeDates(cells: readonly string[], holds: string, timeOfDay: boolean): ColumnVerdict {
  const years: number[] = [];
  let timed = 0;
  for (const c of cells) {
    const p = parseSubmissionDate(c);
    if (p) years.push(p.year);
    if (p?.time && !/^00:00(?::00)?$/.test(p.time)) timed++;
  }
  const fit = years.length / cells.length;
  if (!years.length && share(cells, (c) => TIME_OF_DAY.test(c)) >= 0.8) return { verdict: 'disagree', checked: cells.length, fit, holds: TIMES_OF_DAY };
  if (fit < 0.3) return { verdict: 'disagree', checked: cells.length, fit, holds };
  if (fit < 0.6) return { verdict: 'unknown', checked: cells.length, fit };
  years.sort((a, b) => a - b);
  const spread = years[Math.floor(years.length * 0.9)]! - years[Math.floor(years.length * 0.1)]!;
  const median = years[years.length >> 1]!;
  if (spread > 5 || median < 1995) return { verdict: 'disagree', checked: cells.length, fit, holds: 'dates years apart (birth dates?)' };
  if (timeOfDay && timed < years.length / 2) return { verdict: 'disagree', checked: cells.length, fit, holds: TIMELINE_DATES };
  return { verdict: 'agree', checked: cells.length, fit };
}
