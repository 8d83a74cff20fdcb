/**
 * What a header means beside the file's other headers, where the header alone cannot say: a
 * question asked several times over numbered columns, a bare "Name" in a list that names no person.
 */
import { headerTokens, keyWord } from './header-words.js';

/**
 * The columns of one question asked several times and numbered ("Referencia 1", "Referencia 2",
 * "Referencia 3"; "Reference (2)"): headers that differ only by their numbers. None of them is the
 * row's own number, which a row has once.
 */
export function numberedSeries(headers: readonly string[]): Set<number> {
  const byStem = new Map<string, number[]>();
  headers.forEach((header, column) => {
    const tokens = headerTokens(header);
    const stem = tokens.filter((t) => !/^\d+$/.test(t));
    if (stem.length === tokens.length || !stem.length) return;
    const key = stem.join(' ');
    byStem.set(key, [...(byStem.get(key) ?? []), column]);
  });
  const series = new Set<number>();
  for (const columns of byStem.values()) {
    const distinct = new Set(columns.map((c) => headerTokens(headers[c] ?? '').join(' ')));
    if (distinct.size >= 2) for (const c of columns) series.add(c);
  }
  return series;
}

/** A header that is the word "name" and nothing else ("Name", "nom", "Nombre", "nome"). */
export function isBareNameHeader(words: readonly string[]): boolean {
  return words.length === 1 && BARE_NAMES.has(keyWord(words[0]!));
}
const BARE_NAMES = new Set(['name', 'nom', 'nombre', 'nome']);
