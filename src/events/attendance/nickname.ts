/**
 * A column whose label is a last name in one country's Portuguese and a nickname in another's:
 * "Apelido" is the surname in Portugal and what friends call someone in Brazil. Read as a last
 * name, a Brazilian report's "João Pedro Silva" with the nickname "Pedro" became "João Pedro
 * Silva Pedro", a name no member has. The report itself decides: its other headers (Brazil's
 * "Sobrenome" or "usuário", Portugal's "utilizador"), else its values (a nickname is mostly a
 * word inside the name beside it, a last name ends it); else the last name, said in a warning.
 */
import { normaliseName } from '../../geo/normalise.js';
import { nicknameOrLastNameLabels, type HeaderMatch } from './headers.js';

export interface NicknameReading {
  /** How the column is read. */
  reading: 'nickname' | 'lastName';
  /** What decided: another header, the values, or nothing (the last name, as the label is listed). */
  by: 'headers' | 'values' | 'nothing';
  /** The column's header as written. */
  label: string;
  /** The header that decided, as written (by 'headers'), or the values' counts (by 'values'). */
  evidence?: string;
}

const words = (text: string) => normaliseName(text).split(' ').filter(Boolean);
const holdsWords = (cell: string, phrase: string) => ` ${normaliseName(cell)} `.includes(` ${phrase} `);

/** How a table's last-name column is read when its label is such a one; null when it is not. */
export function nicknameOrLastName(header: readonly string[], match: HeaderMatch, rows: readonly (readonly string[])[]): NicknameReading | null {
  const at = match.columns.lastName;
  if (at === undefined) return null;
  const labels = nicknameOrLastNameLabels();
  const label = header[at] ?? '';
  if (!labels.labels.includes(normaliseName(label))) return null;
  const others = header.filter((_, i) => i !== at);
  const says = (phrases: readonly string[]) => others.find((cell) => phrases.some((p) => holdsWords(cell, p)));
  const nicknameHeader = says(labels.nicknameWords);
  const lastNameHeader = says(labels.lastNameWords);
  if (nicknameHeader && !lastNameHeader) return { reading: 'nickname', by: 'headers', label, evidence: nicknameHeader };
  if (lastNameHeader && !nicknameHeader) return { reading: 'lastName', by: 'headers', label, evidence: lastNameHeader };
  // the values: beside the whole name (or the first name), a nickname is a word inside it, a last name ends it
  const nameAt = match.columns.name ?? match.columns.firstName;
  let nicknames = 0;
  let lastNames = 0;
  for (const row of rows) {
    const [value, name] = [words(row[at] ?? ''), words(nameAt === undefined ? '' : row[nameAt] ?? '')];
    if (!value.length || !name.length) continue;
    if (name.length > value.length && value.every((w, i) => name[name.length - value.length + i] === w)) lastNames++;
    else if (value.length === 1 && name.slice(0, -1).includes(value[0]!)) nicknames++;
  }
  if (nicknames > lastNames) return { reading: 'nickname', by: 'values', label, evidence: `${nicknames} of its values are a word inside the name beside them` };
  if (lastNames > nicknames) return { reading: 'lastName', by: 'values', label, evidence: `${lastNames} of its values end the name beside them` };
  return { reading: 'lastName', by: 'nothing', label };
}

/** What an officer is told of a reading, or null where the report's own headers named the last name. */
export function nicknameWarning(r: NicknameReading): string | null {
  const column = `its "${r.label}" column`;
  if (r.reading === 'nickname') {
    return `${column} was read as a nickname, as Brazilian reports mean it, not as the last name (${r.by === 'headers' ? `its "${r.evidence}" header is Brazilian Portuguese` : r.evidence})`;
  }
  if (r.by === 'values') return `${column} was read as the last name, as Portuguese reports mean it, not as a Brazilian nickname (${r.evidence})`;
  if (r.by === 'nothing') {
    return `${column} was read as the last name, as Portuguese reports mean it; in a Brazilian report it is a nickname, and nothing in this one says which: if it holds nicknames, delete the column and import the file again`;
  }
  return null;
}
