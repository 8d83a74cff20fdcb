import type { MapPage, MapTerm } from '../../src/export/map-types.js';

/** The page's text in the file's language, {name} filled in. */
export function makeText(page: MapPage) {
  // {count|one|other}: the form the number takes in the page's language ("1 connection", "1 lien", "0 lien")
  const plurals = new Intl.PluralRules(page.lang);
  const t = (key: string, vars: Record<string, string | number> = {}): string => {
    const template = page.text[key] ?? key;
    return template
      .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) => {
        const n = vars[name];
        return typeof n === 'number' ? (plurals.select(n) === 'one' ? one : other) : whole;
      })
      .replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? formatValue(vars[name]) : whole));
  };
  const number = new Intl.NumberFormat(page.lang);
  const formatValue = (v: string | number) => (typeof v === 'number' ? number.format(v) : v);
  const index = (terms: MapTerm[]) => new Map(terms.map((term) => [term.value, term]));
  const terms = {
    regions: index(page.vocabulary.regions),
    categories: index(page.vocabulary.categories),
    languages: index(page.vocabulary.languages),
    countries: index(page.vocabulary.countries),
    roles: index(page.vocabulary.roles),
    kinds: index(page.vocabulary.kinds),
    edgeKinds: index(page.vocabulary.edgeKinds),
  };
  const label = (group: keyof typeof terms, value: string) => terms[group].get(value)?.label ?? value;
  return { t, number, terms, label };
}

export type Text = ReturnType<typeof makeText>;

/** What the counts line counts: organisations and people apart (a person is not an organisation). */
export interface ShownCounts {
  organizations: number;
  totalOrganizations: number;
  persons: number;
  totalPersons: number;
  edges: number;
}

/** "12 of 39 organisations and 3 of 40 people shown, 80 connections"; one kind alone when the map holds one. */
export function countsLine(t: Text['t'], c: ShownCounts): string {
  if (c.totalPersons === 0) return t('counts', { visible: c.organizations, total: c.totalOrganizations, edges: c.edges });
  if (c.totalOrganizations === 0) return t('countsPersons', { visible: c.persons, total: c.totalPersons, edges: c.edges });
  return t('countsBoth', c as unknown as Record<string, number>);
}

/** Lower case without accents, for search and for comparing free-text values. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}
