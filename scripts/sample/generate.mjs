#!/usr/bin/env node
// Seeded generator for the synthetic 2020 Skills Innovation Call (data/sample/applications.csv).
//
//   node scripts/sample/generate.mjs                      # the committed sample: seed 2020, 473 applications
//   node scripts/sample/generate.mjs --count 100000 --out /tmp/big.csv --seed 7
//   node scripts/sample/generate.mjs --no-defects --out clean.csv --labels clean-labels.csv
//
// Writes a Google Forms-like export (CRLF, UTF-8, quoted only where needed), streamed to disk so
// a million rows take constant memory. Same seed and options -> byte-identical output.
// Only Node built-ins: the project must be able to regenerate it without installing anything.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COUNTRIES, COUNTRY_VARIANTS, NAMES } from './places.mjs';
import { CATEGORY_CODES, CATEGORY_WEIGHTS, LANGUAGE_LABEL, ORG_TYPES, ORGS, TEXTS } from './texts.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const HEADERS = [
  'Timestamp', 'Application ID', 'Name of your organization', 'Type of organization', 'Contact first name',
  'Contact last name', 'Email Address', 'Phone number', 'Website', 'Country', 'Language of the application',
  'Title of your innovation', 'Describe your innovation', 'Main beneficiaries', 'Skills category (your choice)', 'Score',
];

const LANGUAGE_SHARE = { en: 0.6, fr: 0.25, es: 0.15 };
/** Countries guaranteed to appear (weighted draw without replacement), so any seed covers >= 80. */
const COVERAGE = 85;
const EMAIL_DOMAINS = ['example.org', 'example.com', 'example.net'];
const CALL_OPENS = Date.UTC(2020, 2, 2, 8, 0, 0);
const CALL_CLOSES = Date.UTC(2020, 4, 15, 23, 59, 0);
/** Where applicants chose a category in the original taxonomy, by the revised one they wrote for. */
const ORIGINAL_FOR = {
  'work-based-learning': ['apprenticeships-wbl'],
  'recognition-of-skills': ['assessment-certification'],
  'career-guidance': ['career-entrepreneurship-employment'],
  entrepreneurship: ['career-entrepreneurship-employment'],
  'research-data': ['data-analysis'],
  'skills-ecosystem': ['industry-linkages', 'sectoral-approach'],
  'training-delivery': ['training-delivery-original'],
  'social-inclusion': ['social-inclusion-original'],
  'life-skills': [],
};
const TEXT_NAME = {
  US: 'the United States', GB: 'the United Kingdom', CD: 'the Democratic Republic of the Congo', PH: 'the Philippines',
  NL: 'the Netherlands', AE: 'the United Arab Emirates', DO: 'the Dominican Republic', GM: 'the Gambia',
};

// ---------------------------------------------------------------- randomness
/** cyrb128 string hash -> four 32-bit seeds for sfc32 (small, fast, good enough for test data). */
function seedWords(text) {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

export function makeRandom(seed) {
  let [a, b, c, d] = seedWords(String(seed));
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  const random = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** index into a cumulative-weight array */
    weighted: (cumulative) => {
      const x = next() * cumulative[cumulative.length - 1];
      let lo = 0, hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] > x) hi = mid; else lo = mid + 1;
      }
      return lo;
    },
    normal: (mean, sd) => mean + sd * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
  return random;
}

function cumulate(weights) {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

// ---------------------------------------------------------------- reference data
function readRegions() {
  const regions = new Map();
  const text = fs.readFileSync(path.join(ROOT, 'data', 'countries.csv'), 'utf8');
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (!line) continue;
    const region = line.slice(line.lastIndexOf(',') + 1);
    regions.set(line.slice(0, 2), region);
  }
  return regions;
}

function readOriginalNames() {
  const taxonomy = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'taxonomy.json'), 'utf8'));
  return new Map(taxonomy.original.map((c) => [c.code, c.name]));
}

function prepareCountries() {
  const regions = readRegions();
  return COUNTRIES.map(([code, name, weight, langs, dial, pool, cities]) => {
    const share = {};
    for (const part of langs.split(',')) {
      const [lang, p] = part.split(':');
      share[lang] = p === undefined ? 1 : Number(p);
    }
    const region = regions.get(code);
    if (!region) throw new Error(`country ${code} is not in data/countries.csv`);
    return { code, name, weight, share, dial, pool, cities: cities.split('|'), region };
  });
}

// ---------------------------------------------------------------- text helpers
const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => {
    if (!(key in values)) throw new Error(`no value for {${key}} in "${template}"`);
    return values[key];
  });
}

const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);

function csvField(value) {
  const text = value == null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function timestamp(ms) {
  const d = new Date(ms);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${d.getUTCHours()}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

// ---------------------------------------------------------------- the generator
/**
 * Writes the applications (and optionally the labels) and returns a summary.
 * options: { seed, count, out, labels (path or null), defects (boolean) }
 */
export function generate(options) {
  const { seed = '2020', count = 473, out, labels = null, defects = true } = options;
  const random = makeRandom(seed);
  const countries = prepareCountries();
  const originalNames = readOriginalNames();
  const idWidth = Math.max(4, String(count).length);

  const languages = Object.keys(LANGUAGE_SHARE);
  const languageCumulative = cumulate(languages.map((l) => LANGUAGE_SHARE[l]));
  const countryCumulative = Object.fromEntries(languages.map((l) => [l, cumulate(countries.map((c) => c.weight * (c.share[l] ?? 0)))]));
  const categoryCumulative = cumulate(CATEGORY_CODES.map((c) => CATEGORY_WEIGHTS[c]));
  const orgTypeCumulative = cumulate(ORG_TYPES.map(([, w]) => w));

  // Coverage: a weighted draw without replacement (Efraimidis–Spirakis keys), plus every country
  // with a variant spelling and the largest country of each region, each placed at a random row.
  const keyed = countries.map((c, i) => ({ i, key: Math.pow(random.next(), 1 / c.weight) })).sort((x, y) => y.key - x.key);
  const mustHave = new Set(keyed.slice(0, COVERAGE).map((k) => k.i));
  const variantCodes = defects ? Object.keys(COUNTRY_VARIANTS) : [];
  for (const code of variantCodes) mustHave.add(countries.findIndex((c) => c.code === code));
  for (const region of new Set(countries.map((c) => c.region))) {
    const heaviest = countries.reduce((best, c, i) => (c.region === region && (best < 0 || c.weight > countries[best].weight) ? i : best), -1);
    mustHave.add(heaviest);
  }
  const forced = new Map();
  for (const countryIndex of [...mustHave].slice(0, count)) {
    let row;
    do row = random.int(0, count - 1); while (forced.has(row));
    forced.set(row, countryIndex);
  }

  // Defects, chosen up front so that streaming can place them.
  const plan = { resubmitOf: -1, resubmitAfter: -1, missingEmail: -1, emailIssues: new Map() };
  if (defects && count >= 20) {
    plan.resubmitOf = random.int(Math.floor(count * 0.15), Math.floor(count * 0.5));
    plan.resubmitAfter = random.int(plan.resubmitOf + 5, count - 2);
    do plan.missingEmail = random.int(0, count - 1); while (plan.missingEmail === plan.resubmitOf);
    const styles = ['leading-space', 'trailing-space', 'capitalised', 'upper-domain', 'leading-space'];
    for (const style of styles) {
      let row;
      do row = random.int(0, count - 1); while (row === plan.missingEmail || plan.emailIssues.has(row));
      plan.emailIssues.set(row, style);
    }
  }
  const variantsLeft = new Set(variantCodes);

  function application(index) {
    const forcedCountry = forced.get(index);
    let country, lang;
    if (forcedCountry !== undefined) {
      country = countries[forcedCountry];
      const langs = Object.keys(country.share);
      lang = langs[random.weighted(cumulate(langs.map((l) => country.share[l])))];
    } else {
      lang = languages[random.weighted(languageCumulative)];
      country = countries[random.weighted(countryCumulative[lang])];
    }
    const bank = TEXTS[lang];
    const orgBank = ORGS[lang];

    let countryText = country.name;
    if (variantsLeft.has(country.code)) {
      countryText = COUNTRY_VARIANTS[country.code];
      variantsLeft.delete(country.code);
    }

    // Categories: a lead one, sometimes one or two more.
    const categories = [CATEGORY_CODES[random.weighted(categoryCumulative)]];
    const extra = random.chance(0.45) ? (random.chance(0.25) ? 2 : 1) : 0;
    while (categories.length < 1 + extra) {
      const c = CATEGORY_CODES[random.weighted(categoryCumulative)];
      if (!categories.includes(c)) categories.push(c);
    }

    const [groupPhrase, groupBeneficiaries] = random.pick(bank.groups);
    const city = random.pick(country.cities);
    const values = {
      audience: random.pick(bank.audience),
      group: groupPhrase,
      sector: random.pick(bank.sectors),
      city,
      country: TEXT_NAME[country.code] ?? country.name,
      n: String(random.int(5, 200) * 10),
      n2: String(random.int(8, 40)),
      pct: String(random.int(4, 16) * 5),
      months: String(random.pick([3, 6, 9, 12, 18, 24, 36])),
      year: String(random.int(2016, 2019)),
      since: String(random.int(1994, 2017)),
      cost: String(random.int(15, 120) * 10),
    };

    const title = capitalise(fill(random.pick(bank.titles[categories[0]]), values));
    const body = [];
    for (const [k, code] of categories.entries()) {
      const pool = bank.sentences[code];
      const first = random.int(0, pool.length - 1);
      body.push(fill(pool[first], values));
      if (k === 0 && categories.length === 1 && random.chance(0.4)) {
        body.push(fill(pool[(first + random.int(1, pool.length - 1)) % pool.length], values));
      }
    }
    const sentences = [];
    if (random.chance(0.8) && body.length < 5) sentences.push(fill(random.pick(bank.openings), values));
    sentences.push(...body);
    if ((sentences.length < 2 || random.chance(0.55)) && sentences.length < 5) sentences.push(fill(random.pick(bank.outcomes), values));
    const description = sentences.join(random.chance(0.03) ? '\n' : ' ');

    const beneficiaries = [];
    if (categories.includes('social-inclusion')) beneficiaries.push(...groupBeneficiaries.split('|'));
    const others = random.int(categories.includes('social-inclusion') ? 0 : 1, 2);
    for (let k = 0; k < others; k++) beneficiaries.push(random.pick(bank.otherBeneficiaries));

    // The applicant's own choice, in the original taxonomy and their language; some leave it blank
    // and some pick a category the officers would not.
    let ownChoice = '';
    const roll = random.next();
    if (roll >= 0.12) {
      let options = ORIGINAL_FOR[categories[0]];
      if (roll < 0.2 || options.length === 0) options = [...originalNames.keys()];
      ownChoice = originalNames.get(random.pick(options))[lang];
    }

    const [orgType] = ORG_TYPES[random.weighted(orgTypeCumulative)];
    const organisation = fill(random.pick(orgBank[orgType]), { city, country: country.name, word: random.pick(orgBank.words), region: country.region });

    const [givenNames, surnames] = NAMES[country.pool].map((s) => s.split(' '));
    const firstName = random.pick(givenNames);
    const lastName = random.pick(surnames);
    const domain = random.pick(EMAIL_DOMAINS);
    const f = fold(firstName), l = fold(lastName);
    const orgSlug = organisation.split(/[\s,'’-]+/).filter((w) => w.length > 3).slice(0, 3).map(fold).join('').slice(0, 18) || 'contact';
    const localPart = random.pick([`${f}.${l}`, `${f}.${l}`, `${f[0]}${l}`, `${f}${l}${random.int(1, 99)}`, `${f}_${l}`, `info.${orgSlug}`]);
    let email = `${localPart}@${domain}`;

    const website = random.chance(0.65)
      ? random.pick([`https://www.${orgSlug}.${random.pick(EMAIL_DOMAINS)}`, `http://${orgSlug}.${random.pick(EMAIL_DOMAINS)}/`, `www.${orgSlug}.${random.pick(EMAIL_DOMAINS)}`])
      : '';
    const digits = () => String(random.int(100, 999));
    const phone = random.chance(0.88) ? `+${country.dial} ${digits()} ${digits()} ${digits()}` : random.chance(0.5) ? `0${digits()}${digits()}${digits()}` : '';
    const score = Math.min(10, Math.max(0, random.normal(6.2, 1.6))).toFixed(1);

    if (index === plan.missingEmail) email = '';
    const issue = plan.emailIssues.get(index);
    if (issue === 'leading-space') email = ` ${email}`;
    else if (issue === 'trailing-space') email = `${email} `;
    else if (issue === 'capitalised') email = email.replace(/(^|[._])([a-z])/g, (m, sep, ch) => sep + ch.toUpperCase()).replace(/@example/, '@Example');
    else if (issue === 'upper-domain') email = email.replace(/@(.*)$/, (m, d) => `@${d.toUpperCase()}`);

    const id = `SIC-2020-${String(index + 1).padStart(idWidth, '0')}`;
    return {
      id, categories, lang, country,
      fields: [null, id, organisation, orgType, firstName, lastName, email, phone, website, countryText, LANGUAGE_LABEL[lang],
        title, description, [...new Set(beneficiaries)].join('; '), ownChoice, score],
    };
  }

  // ------------------------------------------------------------ streaming output
  const file = fs.openSync(out, 'w');
  const labelFile = labels ? fs.openSync(labels, 'w') : null;
  let buffer = '', labelBuffer = '';
  const flush = (force = false) => {
    if (buffer.length > 1 << 20 || (force && buffer)) { fs.writeSync(file, buffer); buffer = ''; }
    if (labelFile !== null && (labelBuffer.length > 1 << 20 || (force && labelBuffer))) { fs.writeSync(labelFile, labelBuffer); labelBuffer = ''; }
  };
  const writeRow = (fields, ms) => {
    fields[0] = timestamp(ms);
    buffer += fields.map(csvField).join(',') + '\r\n';
  };

  const summary = { rows: 0, applications: count, languages: { en: 0, fr: 0, es: 0 }, countries: new Set(), regions: new Set(), categories: {} };
  buffer += HEADERS.join(',') + '\r\n';
  if (labelFile !== null) labelBuffer += 'application_id,categories\n';
  let previous = CALL_OPENS;
  let resubmission = null;
  try {
    for (let index = 0; index < count; index++) {
      // Arrivals accelerate towards the deadline, as they do in real calls; monotonic by construction.
      const ms = Math.max(previous, CALL_OPENS + Math.floor((CALL_CLOSES - CALL_OPENS) * Math.pow((index + random.next()) / count, 0.6) / 1000) * 1000);
      if (resubmission && index === plan.resubmitAfter + 1) {
        writeRow(resubmission, previous + Math.floor((ms - previous) / 2000) * 1000);
        summary.rows++;
        resubmission = null;
      }
      const app = application(index);
      if (index === plan.resubmitOf) {
        resubmission = [...app.fields];
        resubmission[12] = `${app.fields[12]} ${TEXTS[app.lang].resubmission}`;
      }
      writeRow(app.fields, ms);
      summary.rows++;
      previous = ms;
      if (labelFile !== null) labelBuffer += `${app.id},${CATEGORY_CODES.filter((c) => app.categories.includes(c)).join('|')}\n`;
      summary.languages[app.lang]++;
      summary.countries.add(app.country.code);
      summary.regions.add(app.country.region);
      for (const c of app.categories) summary.categories[c] = (summary.categories[c] ?? 0) + 1;
      flush();
    }
    flush(true);
  } finally {
    fs.closeSync(file);
    if (labelFile !== null) fs.closeSync(labelFile);
  }
  return { ...summary, countries: summary.countries.size, regions: summary.regions.size };
}

// ---------------------------------------------------------------- command line
const USAGE = `usage: node scripts/sample/generate.mjs [--seed S] [--count N] [--out FILE] [--labels FILE] [--no-defects]

  --seed S       any text; the same seed and options give a byte-identical file (default 2020)
  --count N      number of applications (default 473); rows are streamed, 1,000,000 is fine
  --out FILE     applications CSV (default data/sample/applications.csv)
  --labels FILE  also write application_id,categories (the intended revised codes); written by
                 default only when --out is not given (data/sample/labels.csv)
  --no-defects   leave out the resubmission, the missing email, the odd country spellings and
                 the stray spaces/capitals in emails`;

function parseArgs(argv) {
  const options = { seed: '2020', count: 473, out: null, labels: null, defects: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--seed') options.seed = value();
    else if (arg === '--count') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < 1) throw new Error(`--count must be a positive whole number, got "${v}"`);
      options.count = Number(v);
    } else if (arg === '--out') options.out = value();
    else if (arg === '--labels') options.labels = value();
    else if (arg === '--no-defects') options.defects = false;
    else if (arg === '--help' || arg === '-h') { console.log(USAGE); process.exit(0); }
    else throw new Error(`unknown option ${arg}`);
  }
  if (options.out === null) {
    options.out = path.join(ROOT, 'data', 'sample', 'applications.csv');
    options.labels ??= path.join(ROOT, 'data', 'sample', 'labels.csv');
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`error: ${err.message}\n${USAGE}`);
    process.exit(2);
  }
  const started = process.hrtime.bigint();
  const s = generate(options);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.error(`wrote ${s.rows} rows for ${s.applications} applications to ${options.out}${options.labels ? ` (labels: ${options.labels})` : ''} in ${seconds.toFixed(1)} s`);
  console.error(`languages en ${s.languages.en}, fr ${s.languages.fr}, es ${s.languages.es}; ${s.countries} countries in ${s.regions} regions`);
}
