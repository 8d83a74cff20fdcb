import { openDatabase } from '../../../src/db/connection.js';
import { insertApplication, setCategories } from '../../../src/db/applications.js';
import { REGIONS } from '../../../src/model.js';
import { categoryCodes } from '../../../src/tagging/taxonomy.js';
import { scoreKey, type Candidate } from '../../../src/selection/candidates.js';
import { counts, expandQuotas, type QuotaRule } from '../../../src/selection/quotas.js';

/** Countries per region used by the synthetic calls (ISO codes that resolve to that region). */
export const COUNTRIES: Record<string, string[]> = {
  Africa: ['NG', 'KE', 'SN', 'MA', 'ZA', 'GH', 'CI', 'ET'],
  Americas: ['MX', 'BR', 'CO', 'AR', 'CA', 'PE', 'CL', 'GT'],
  'Arab States': ['JO', 'LB', 'SA', 'OM', 'QA'],
  'Asia and the Pacific': ['IN', 'PH', 'ID', 'VN', 'BD', 'PK', 'AU', 'NP'],
  'Europe and Central Asia': ['FR', 'DE', 'ES', 'TR', 'UZ', 'GE', 'IT', 'PL'],
};

/** A deterministic pseudo-random generator (tests must not flake). */
export function rng(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/**
 * Fills a database with `n` invented applications: every region, several countries each,
 * en/fr/es (and a few pt), one to three categories, scores 0-10 with one decimal.
 * Arab States are deliberately rare (about 4%), as in real calls.
 */
export function makeCall(dbPath: string, n: number, seed = 1): void {
  const db = openDatabase(dbPath, { create: true });
  const r = rng(seed);
  const cats = categoryCodes();
  const weights: [string, number][] = [['Africa', 0.3], ['Americas', 0.25], ['Arab States', 0.04], ['Asia and the Pacific', 0.23], ['Europe and Central Asia', 0.18]];
  db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      let x = r();
      let region = REGIONS[0] as string;
      for (const [name, w] of weights) {
        if (x < w) { region = name; break; }
        x -= w;
      }
      const countries = COUNTRIES[region];
      const country = countries[Math.floor(r() * countries.length)];
      const language = region === 'Americas' ? (r() < 0.6 ? 'es' : 'en') : region === 'Africa' ? (r() < 0.45 ? 'fr' : 'en') : r() < 0.05 ? 'pt' : r() < 0.2 ? 'fr' : 'en';
      const id = insertApplication(db, '2020', {
        organization: `Organisation ${i}`,
        externalId: `SIC-2020-${String(i).padStart(5, '0')}`,
        email: `contact${i}@example.org`,
        country,
        region: region as never,
        language,
        organizationType: ['NGO', 'TVET institution', 'Government agency', 'Private company'][Math.floor(r() * 4)],
        beneficiaries: r() < 0.5 ? ['Youth'] : ['Women', 'Youth'],
        title: `Project ${i}`,
        score: Math.round(r() * 100) / 10,
      });
      const k = 1 + Math.floor(r() * 3);
      const mine = new Set<string>();
      while (mine.size < k) mine.add(cats[Math.floor(r() * cats.length)]);
      setCategories(db, id, [...mine]);
    }
  })();
  db.close();
}

/**
 * A small call of named applications (`org` is also the external ID), each in life-skills, in
 * the order given (ids 1, 2, ...): for roster tests whose outcome depends on exact scores.
 */
export function makeRosterCall(dbPath: string, apps: [org: string, region: 'Africa' | 'Americas', country: string, score: number][]): void {
  const db = openDatabase(dbPath, { create: true });
  for (const [org, region, country, score] of apps) {
    const id = insertApplication(db, '2020', { organization: org, externalId: org, country, region, language: 'en', score });
    setCategories(db, id, ['life-skills']);
  }
  db.close();
}

/** Every subset of the given size, best total first; null when none meets the quotas. */
export function bruteForce(cands: Candidate[], size: number, rules: QuotaRule[], include: number[] = []): number | null {
  const quotas = expandQuotas(rules, cands);
  let best: number | null = null;
  const pick: Candidate[] = [];
  const walk = (start: number) => {
    if (pick.length === size) {
      if (!include.every((id) => pick.some((p) => p.id === id))) return;
      for (const q of quotas) {
        const n = pick.filter((p) => counts(p, q)).length;
        if (n < q.min || (q.max !== null && n > q.max)) return;
      }
      const total = pick.reduce((s, p) => s + scoreKey(p.score), 0);
      if (best === null || total > best) best = total;
      return;
    }
    for (let i = start; i < cands.length; i++) {
      pick.push(cands[i]);
      walk(i + 1);
      pick.pop();
    }
  };
  walk(0);
  return best;
}
