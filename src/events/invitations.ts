/**
 * The mail-merge sheet for an event: one row per invitee with the event's date and time on the
 * invitee's own clock, a salutation and a date line in their working language, and their
 * breakout group. The zone comes from the member's stored zone, else from their country (the
 * capital's zone, flagged, for countries that span several): the flag tells the officer which
 * times are a guess worth checking.
 */
import { CSV_OPTIONS, safeCell } from '../export/escape.js';
import { eventTimes } from './event.js';
import { contactName } from '../geo/names.js';
import { dateText, salutation, textLanguage } from './texts.js';
import { countryClocks, localTime, memberTimeZone, offsetText, utcText } from './timezones.js';
import type { Invitee, NetworkEvent } from './types.js';

export interface InvitationRow {
  memberId: number;
  email: string;
  givenName: string;
  familyName: string;
  fullName: string;
  organization: string;
  country: string;
  salutation: string;
  /** The language of the row's texts: the working language when the tool writes it (en, fr, es), else English. */
  language: string;
  workingLanguage: string;
  /** Breakout group ('en-1'), empty when none. */
  group: string;
  /** IANA zone the times are in; empty when none could be found. */
  timeZone: string;
  timeZoneSource: 'member' | 'country' | 'capital' | '';
  /** The country spans zones that differ and the member has no zone of their own: the capital's time was used. */
  multipleZones: boolean;
  /** ISO 8601 with the zone's offset, '2020-11-19T07:00:00-06:00'. */
  localStart: string;
  localEnd: string;
  localDateText: string;
  utcStart: string;
  /** Why a field is empty or a guess. */
  note: string;
}

export interface InvitationOptions {
  /** Breakout group of each member (memberId -> 'en-1'). */
  groups?: ReadonlyMap<number, string>;
}

export interface InvitationSheet {
  rows: InvitationRow[];
  /** One sentence per thing the officer should look at before sending. */
  warnings: string[];
}

/** One row per invitee, in the order given. */
export function buildInvitations(event: NetworkEvent, invitees: readonly Invitee[], options: InvitationOptions = {}): InvitationSheet {
  const times = eventTimes(event);
  const rows = invitees.map((m): InvitationRow => {
    const language = textLanguage(m.workingLanguage);
    const tz = memberTimeZone(m, times.start);
    // The same split as the contacts export: form's columns first, else the full name where it is safe.
    const split = contactName({ givenName: m.givenName, familyName: m.familyName, fullName: m.fullName }, { language: m.workingLanguage, country: m.country });
    const name = split.given || split.display || null;
    const local = tz.zone ? { start: localTime(times.start, tz.zone), end: localTime(times.end, tz.zone) } : null;
    const notes: string[] = [];
    if (tz.note) notes.push(tz.note);
    if (tz.multipleZones) notes.push(`${m.country} spans several time zones: the capital's time is shown`);
    if (!m.email) notes.push('no email address');
    return {
      memberId: m.memberId,
      email: m.email ?? '',
      givenName: split.given,
      familyName: split.family,
      fullName: m.fullName ?? split.display,
      organization: m.organization,
      country: m.country ?? '',
      salutation: salutation(language, name),
      language,
      workingLanguage: m.workingLanguage ?? '',
      group: options.groups?.get(m.memberId) ?? '',
      timeZone: tz.zone ?? '',
      timeZoneSource: tz.source ?? '',
      multipleZones: tz.multipleZones,
      localStart: local?.start.iso ?? '',
      localEnd: local?.end.iso ?? '',
      localDateText: tz.zone ? dateText(language, times.start, times.end, tz.zone) : '',
      utcStart: utcText(times.start),
      note: notes.join('; '),
    };
  });
  const warnings: string[] = [];
  const count = (p: (r: InvitationRow) => boolean) => rows.filter(p).length;
  const noZone = count((r) => !r.timeZone);
  const guessed = count((r) => r.multipleZones);
  const noEmail = count((r) => !r.email);
  // (who they are, and the command that records a zone: "record their own zone" left the officer
  // to find both)
  const which = (p: (r: InvitationRow) => boolean) => {
    const ids = rows.filter(p).map((r) => `member-${r.memberId}`);
    return `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? `, and ${ids.length - 5} more` : ''}`;
  };
  const record = (p: (r: InvitationRow) => boolean, zones = 'an IANA name such as America/Sao_Paulo') => `skillsnet member set ${`member-${rows.find(p)!.memberId}`} --time-zone ZONE (${zones})`;
  if (noZone) warnings.push(`${noZone} invitee${noZone === 1 ? ' has' : 's have'} no country or time zone on record (${which((r) => !r.timeZone)}): their local time is left blank; record one: ${record((r) => !r.timeZone)}`);
  if (guessed) warnings.push(`${guessed} invitee${guessed === 1 ? ' lives' : 's live'} in a country with several time zones (${which((r) => r.multipleZones)}): the capital's time is shown (multiple_zones_flag); check it, or record their own zone: ${record((r) => r.multipleZones, clocksOf(rows.filter((r) => r.multipleZones), times.start))}`);
  // (named, as the others are: the mail merge skips an empty address, and the officer had to find whose)
  if (noEmail) warnings.push(`${noEmail} invitee${noEmail === 1 ? ' has' : 's have'} no email address (${which((r) => !r.email)}): the mail merge cannot reach ${noEmail === 1 ? 'them' : 'these'}; skillsnet member show ${`member-${rows.find((r) => !r.email)!.memberId}`} says who the contact is`);
  return { rows, warnings };
}

/**
 * The zones to choose from in the countries of invitees shown their capital's time: "an IANA name
 * such as America/Sao_Paulo" left an officer in Dakar to find the DR Congo's second zone.
 */
function clocksOf(rows: readonly InvitationRow[], at: Date): string {
  const countries = [...new Set(rows.map((r) => r.country))];
  const named = countries.slice(0, 3).map((c) => `${c} ${countryClocks(c, at).map((k) => `${k.zone} UTC${offsetText(k.offset)}`).join(', ')}`);
  const more = countries.length > 3 ? `; ${countries.length - 3} more countr${countries.length === 4 ? 'y' : 'ies'}` : '';
  return `the clocks at the event's start: ${named.join('; ')}${more}`;
}

/** The sheet's columns, in order (CONTRACT: at least email, given_name, language, group, time_zone, local_start). */
export const INVITATION_CSV_COLUMNS = [
  'email',
  'given_name',
  'family_name',
  'full_name',
  'organization',
  'country',
  'salutation',
  'language',
  'working_language',
  'group',
  'time_zone',
  'time_zone_source',
  'multiple_zones_flag',
  'local_start',
  'local_end',
  'local_date_text',
  'utc_start',
  'member_id',
  'note',
] as const;

function csvRecord(r: InvitationRow): (string | number)[] {
  return [
    r.email,
    r.givenName,
    r.familyName,
    r.fullName,
    r.organization,
    r.country,
    r.salutation,
    r.language,
    r.workingLanguage,
    r.group,
    r.timeZone,
    r.timeZoneSource,
    r.multipleZones ? 'yes' : 'no',
    r.localStart,
    r.localEnd,
    r.localDateText,
    r.utcStart,
    r.memberId,
    r.note,
  ].map((v) => safeCell(v));
}

/**
 * The sheet as CSV text for Excel and mail-merge tools: UTF-8 with a BOM, CRLF, formulas
 * neutralised; `delimiter` ";" for Excel in a French or Spanish locale.
 */
export async function invitationsCsv(rows: readonly InvitationRow[], delimiter = ','): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  return '\uFEFF' + stringify([[...INVITATION_CSV_COLUMNS], ...rows.map(csvRecord)], { ...CSV_OPTIONS, delimiter });
}
