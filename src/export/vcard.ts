import { contactCategories, contactNote, type ContactList, type Contact } from './contacts.js';
import { xmlSafeText } from './escape.js';
import { mapInSteps } from '../reporting.js';

/**
 * vCard 3.0 (RFC 2426) as Outlook, Google Contacts and Apple Contacts import it: CRLF line
 * ends, lines folded at 75 octets without splitting a UTF-8 character, and text values
 * escaped (backslash, comma, semicolon, newline). Phone numbers are written as given:
 * a vCard is not a spreadsheet, so no formula escaping applies.
 */

/** Escapes a TEXT value (RFC 2426 section 4). */
export function vcardText(value: string): string {
  return xmlSafeText(value)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/** Folds a content line to at most 75 octets per physical line (continuations start with a space). */
export function foldLine(line: string): string {
  const bytes = Buffer.byteLength(line, 'utf8');
  if (bytes <= 75) return line;
  const out: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (size + n > limit) {
      out.push(current);
      current = '';
      size = 0;
      limit = 74; // the leading space of a continuation counts
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

function card(c: Contact): string {
  const fn = c.name?.trim() || c.organizations[0] || c.email;
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `FN:${vcardText(fn)}`,
    // Family and given names whole ("García Márquez", "José Luis"); empty when no split is safe (FN has the name).
    `N:${[c.familyName, c.givenName, '', c.prefix, ''].map(vcardText).join(';')}`,
  ];
  if (c.organizations.length) lines.push(`ORG:${vcardText(c.organizations[0])}`);
  lines.push(`EMAIL;TYPE=INTERNET,PREF:${vcardText(c.email)}`);
  // One TEL per number, the latest record's first and preferred.
  c.phones.forEach((phone, i) => lines.push(`TEL;TYPE=WORK,VOICE${i === 0 ? ',PREF' : ''}:${vcardText(phone)}`));
  if (c.countries.length) lines.push(`ADR;TYPE=WORK:;;;;;;${vcardText(c.countries[0])}`);
  lines.push(`CATEGORIES:${contactCategories(c).map(vcardText).join(',')}`);
  lines.push(`NOTE:${vcardText(contactNote(c))}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

export function contactsVcf(list: ContactList): string {
  return list.contacts.map(card).join('');
}

/** contactsVcf with `pause` called now and then (a list of thousands takes a while): Ctrl-C is answered there. */
export async function contactsVcfInSteps(list: ContactList, pause?: () => Promise<void>): Promise<string> {
  return (await mapInSteps(list.contacts, card, pause)).join('');
}
