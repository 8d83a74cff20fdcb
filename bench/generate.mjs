#!/usr/bin/env node
// Fallback generator for the benchmarks: a Google-Forms-like CSV of N synthetic applications,
// deterministic for a seed. bench/run.mjs prefers scripts/sample/generate.mjs (the sample's own
// generator) and uses this one only when that script is missing.
//   node bench/generate.mjs --seed 1 --count 100000 --out bench/tmp/calls-100000.csv
import fs from 'node:fs';
import path from 'node:path';
import { makeRandom } from '../scripts/sample/generate.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}


const COUNTRIES = ['Kenya', 'Nigeria', 'Sénégal', 'Egypt', 'Jordan', 'Lebanon', 'Mexico', 'Brasil', 'Colombia', 'Perú', 'India',
  'Viet Nam', 'Indonesia', 'Philippines', 'Bangladesh', 'Türkiye', 'Ukraine', 'Georgia', 'Morocco', "Côte d'Ivoire",
  'Bolivia (Plurinational State of)', 'Lao PDR', 'United Republic of Tanzania', 'Ghana', 'Ethiopia', 'Tunisie', 'Chile',
  'Argentina', 'Pakistan', 'Nepal', 'Cambodia', 'Kyrgyzstan', 'Moldova', 'Qatar', 'Oman', 'Iraq', 'Uganda', 'Rwanda',
  'Madagascar', 'Haïti', 'Guatemala', 'Honduras', 'Sri Lanka', 'Mongolia', 'Fiji', 'Armenia', 'Albania', 'Zambia'];
const TYPES = ['NGO', 'Private sector', 'Public institution', 'TVET provider', "Workers' organization", "Employers' organization", 'University', 'Social enterprise'];
const BENEFICIARIES = ['Youth', 'Women', 'Persons with disabilities', 'Refugees', 'Rural workers', 'Informal economy workers', 'Migrants', 'Teachers and trainers'];
const LANGS = ['English', 'French', 'Spanish'];
const WORDS = {
  English: ['digital', 'skills', 'apprenticeship', 'training', 'youth', 'employment', 'green', 'jobs', 'platform', 'mentoring', 'women', 'rural', 'entrepreneurship', 'innovation', 'learning', 'work-based', 'recognition', 'prior', 'teachers', 'community'],
  French: ['compétences', 'numériques', 'apprentissage', 'formation', 'jeunes', 'emploi', 'verts', 'plateforme', 'mentorat', 'femmes', 'rurales', 'entrepreneuriat', 'innovation', 'reconnaissance', 'acquis', 'formateurs', 'communauté', 'métiers'],
  Spanish: ['habilidades', 'digitales', 'aprendizaje', 'formación', 'jóvenes', 'empleo', 'verdes', 'plataforma', 'mentoría', 'mujeres', 'rurales', 'emprendimiento', 'innovación', 'reconocimiento', 'docentes', 'comunidad', 'oficios'],
};
const FIRST = ['Amina', 'José', 'Marie', 'Ahmed', 'Priya', 'Nguyen', 'Fatou', 'Carlos', 'Olena', 'Kwame', 'Lucía', 'Omar', 'Aiko', 'Sara'];
const LAST = ['Diallo', 'García', 'Dubois', 'Haddad', 'Sharma', 'Tran', 'Mensah', 'Silva', 'Kovalenko', 'Okafor', 'Rahman', 'López'];

const quote = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function generate({ seed = 1, count = 1000, out, emailPrefix = 'contact' }) {
  const r = makeRandom(Number(seed)).next;
  const pick = (a) => a[Math.floor(r() * a.length)];
  const sentence = (lang, n) => {
    const w = WORDS[lang];
    const parts = [];
    for (let i = 0; i < n; i++) parts.push(pick(w));
    const s = parts.join(' ');
    return s[0].toUpperCase() + s.slice(1);
  };
  // Invented, but in the shape of personal data: private like the real thing.
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true, mode: 0o700 });
  const fd = fs.openSync(out, 'w', 0o600);
  const header = ['Timestamp', 'Email Address', 'Name of your organization', 'Type of organization', 'Country', 'Contact person',
    'Phone number', 'Website', 'Language of the application', 'Title of your proposal', 'Describe your innovation', 'Main beneficiaries'];
  let buf = header.join(',') + '\n';
  const start = Date.UTC(2020, 2, 1);
  for (let i = 1; i <= count; i++) {
    const lang = r() < 0.6 ? 'English' : pick(LANGS);
    const org = `${pick(['Centre', 'Fundación', 'Association', 'Institute', 'Network', 'Cooperative'])} ${pick(WORDS[lang])} ${i}`;
    const ts = new Date(start + Math.floor(r() * 60 * 86400_000)).toISOString().replace('T', ' ').slice(0, 19);
    const email = `${emailPrefix}${i}@example.${pick(['org', 'com', 'net'])}`;
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const bens = [pick(BENEFICIARIES), pick(BENEFICIARIES)].filter((v, k, a) => a.indexOf(v) === k).join(', ');
    const row = [ts, email, org, pick(TYPES), pick(COUNTRIES), name, `+${200 + (i % 700)} ${1000000 + i}`, `https://org${i}.example.org`,
      lang, sentence(lang, 6), `${sentence(lang, 18)}. ${sentence(lang, 14)}.`, bens];
    buf += row.map(quote).join(',') + '\n';
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = arg('out');
  if (!out) {
    process.stderr.write('usage: node bench/generate.mjs --seed N --count N --out FILE\n');
    process.exit(2);
  }
  generate({ seed: arg('seed', '1'), count: Number(arg('count', '1000')), out, emailPrefix: arg('email-prefix', 'contact') });
}
