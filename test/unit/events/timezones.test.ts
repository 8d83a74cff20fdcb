import ct from 'countries-and-timezones';
import { describe, expect, it } from 'vitest';
import { listCountries } from '../../../src/geo/countries.js';
import {
  countryClocks,
  capitalTimeZones,
  checkTimeZone,
  countryTimeZone,
  localTime,
  memberTimeZone,
  readingsOf,
  timeZoneName,
  wallTimeToInstant,
} from '../../../src/events/timezones.js';

/** The first Core Group meeting: 19 November 2020, 14:00 Geneva time. */
const MEETING = (() => {
  const r = wallTimeToInstant('2020-11-19T14:00', 'Europe/Zurich');
  if (!r.ok) throw new Error(r.message);
  return r.instant;
})();

describe('wall time in a zone -> instant', () => {
  it('reads 14:00 in Zurich in November as 13:00 UTC (winter time, +01:00)', () => {
    const r = wallTimeToInstant('2020-11-19 14:00', 'Europe/Zurich');
    expect(r.ok && r.utc).toBe('2020-11-19T13:00:00Z');
    expect(r.ok && r.local.iso).toBe('2020-11-19T14:00:00+01:00');
  });

  it('refuses a start in the spring-forward gap, saying what happens that night', () => {
    const r = wallTimeToInstant('2021-03-28 02:30', 'Europe/Zurich');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toBe('gap');
    expect(r.message).toBe('2021-03-28 02:30 does not exist in Europe/Zurich: that night the clocks go forward from 02:00 to 03:00');
    expect(r.hint).toContain('03:30');
  });

  it('refuses a start in the autumn overlap unless the offset says which one', () => {
    const r = wallTimeToInstant('2021-10-31 02:30', 'Europe/Zurich');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toBe('ambiguous');
    expect(r.message).toBe('2021-10-31 02:30 happens twice in Europe/Zurich: that night the clocks go back from 03:00 to 02:00');
    expect(r.hint).toContain('2021-10-31T02:30+02:00');
    expect(r.hint).toContain('2021-10-31T02:30+01:00');
    const first = wallTimeToInstant('2021-10-31T02:30+02:00', 'Europe/Zurich');
    const second = wallTimeToInstant('2021-10-31T02:30+01:00', 'Europe/Zurich');
    expect(first.ok && first.utc).toBe('2021-10-31T00:30:00Z');
    expect(second.ok && second.utc).toBe('2021-10-31T01:30:00Z');
    const wrong = wallTimeToInstant('2020-11-19T14:00+02:00', 'Europe/Zurich');
    expect(!wrong.ok && wrong.problem).toBe('offset');
    // "14:00Z" copied from a tool that writes UTC may mean that instant: the zone's clock time for it is given too
    expect(wallTimeToInstant('2021-11-15T14:00Z', 'Europe/Zurich')).toMatchObject({ ok: false, problem: 'offset', hint: 'write 2021-11-15 14:00 without an offset, or with +01:00; for 14:00 at UTC+00:00, write "2021-11-15 15:00"' });
    expect(wallTimeToInstant('2021-11-15T23:30Z', 'Asia/Tokyo')).toMatchObject({ hint: expect.stringMatching(/write "2021-11-16 08:30"$/) });
    // with the zone's offset when its clock shows that time twice, so that the hint is taken as written
    const twice = wallTimeToInstant('2021-10-31T01:30Z', 'Europe/Zurich');
    expect(twice).toMatchObject({ hint: expect.stringMatching(/write "2021-10-31T02:30\+01:00"$/) });
    expect(wallTimeToInstant('2021-10-31T02:30+01:00', 'Europe/Zurich')).toMatchObject({ ok: true, utc: '2021-10-31T01:30:00Z' });
  });

  it('refuses unknown zones, abbreviations, bad dates and bad formats', () => {
    expect(wallTimeToInstant('2020-11-19 14:00', 'Europe/Geneva')).toMatchObject({ ok: false, problem: 'zone' });
    expect(wallTimeToInstant('2020-11-19 14:00', 'CET')).toMatchObject({ ok: false, problem: 'zone' });
    expect(wallTimeToInstant('2021-02-30 14:00', 'Europe/Zurich')).toMatchObject({ ok: false, problem: 'date' });
    expect(wallTimeToInstant('19/11/2020 14:00', 'Europe/Zurich')).toMatchObject({ ok: false, problem: 'format' });
    expect(() => checkTimeZone('EST')).toThrow(/unknown time zone "EST"/);
  });

  it('answers a day-first or month-first start with the form --start takes, both readings when either could be the day', () => {
    const hint = (text: string) => {
      const r = wallTimeToInstant(text, 'Europe/Zurich');
      return r.ok ? null : r.hint;
    };
    expect(hint('15/11/2021 14:00')).toBe('write it as YYYY-MM-DD HH:MM, in quotes: "2021-11-15 14:00"');
    expect(hint('11/15/2021 2pm')).toBe('write it as YYYY-MM-DD HH:MM, in quotes: "2021-11-15 14:00"');
    expect(hint('03/11/2021 14:00')).toBe('write it as YYYY-MM-DD HH:MM, in quotes: "2021-11-03 14:00" (3 November) or "2021-03-11 14:00" (11 March)');
    expect(readingsOf('15.11.2021 14h30')).toEqual([{ iso: '2021-11-15 14:30', spoken: '15 November' }]);
    expect(readingsOf('15/11/2021 9h')).toEqual([{ iso: '2021-11-15 09:00', spoken: '15 November' }]);
    expect(readingsOf('1/13/2021 12am')).toEqual([{ iso: '2021-01-13 00:00', spoken: '13 January' }]);
    expect(readingsOf('15/11/2021')).toEqual([{ iso: '2021-11-15 HH:MM', spoken: '15 November' }]);
    expect(readingsOf('5/5/2021 9:00')).toEqual([{ iso: '2021-05-05 09:00', spoken: '5 May' }]);
    expect(hint('2021-11-15 2:30 pm')).toBe('write it as YYYY-MM-DD HH:MM, in quotes: "2021-11-15 14:30"');
    // a time alone: the date was left out
    expect(wallTimeToInstant('14h00', 'Europe/Zurich')).toMatchObject({ ok: false, message: '"14h00" has no date', hint: 'give the date and the time together, in quotes: "YYYY-MM-DD 14:00"' });
    expect(wallTimeToInstant('2 pm', 'Europe/Zurich')).toMatchObject({ message: '"2 pm" has no date', hint: expect.stringContaining('"YYYY-MM-DD 14:00"') });
    expect(wallTimeToInstant('14', 'Europe/Zurich')).toMatchObject({ message: '"14" is not a date and time' });
    // the year first with slashes or dots, the month by its English name (which says which number is the day)
    expect(readingsOf('2021/11/15 14:00')).toEqual([{ iso: '2021-11-15 14:00', spoken: '15 November' }]);
    expect(readingsOf('Nov 15 2021 2 pm')).toEqual([{ iso: '2021-11-15 14:00', spoken: '15 November' }]);
    expect(readingsOf('15 November 2021 14:00')).toEqual([{ iso: '2021-11-15 14:00', spoken: '15 November' }]);
    expect(readingsOf('3rd Sept. 2021, 9.30 am')).toEqual([{ iso: '2021-09-03 09:30', spoken: '3 September' }]);
    expect(readingsOf('March 4, 2021 15:00')).toEqual([{ iso: '2021-03-04 15:00', spoken: '4 March' }]);
    for (const text of ['May 2021 10:00', 'Ma 4 2021 10:00', '30 Feb 2021 10:00', 'Monday 4 2021 10:00']) expect(readingsOf(text), text).toEqual([]);
    // month names in French, Spanish and Portuguese too (the import's month names: src/import/dates.ts)
    expect(readingsOf('15 novembre 2021 14h00')).toEqual([{ iso: '2021-11-15 14:00', spoken: '15 November' }]);
    expect(readingsOf('15 de noviembre de 2021 14:00')).toEqual([{ iso: '2021-11-15 14:00', spoken: '15 November' }]);
    expect(readingsOf('1er déc. 2021 9.30 am')).toEqual([{ iso: '2021-12-01 09:30', spoken: '1 December' }]);
    expect(readingsOf('3 março 2021 10:00')).toEqual([{ iso: '2021-03-03 10:00', spoken: '3 March' }]);
    // hours past 23 or minutes past 59: not a time the clocks skip
    expect(wallTimeToInstant('2021-12-31 24:00', 'Europe/Zurich')).toMatchObject({ ok: false, problem: 'date', message: '2021-12-31 24:00 is not a real time of day', hint: '24:00 is the midnight that starts the next day: write "2022-01-01 00:00"' });
    expect(wallTimeToInstant('2021-11-15 14:75', 'Europe/Zurich')).toMatchObject({ ok: false, problem: 'date', hint: 'hours go from 00 to 23 and minutes from 00 to 59' });
    // not real dates or times, or no date of this shape: the general example stays
    for (const text of ['31/02/2021 10:00', '15/11/2021 14', '15/11/2021 25:00', '13/13/2021 10:00', 'next monday']) expect(readingsOf(text)).toEqual([]);
    expect(hint('31/02/2021 10:00')).toBe('write it as YYYY-MM-DD HH:MM, in quotes: "2020-11-19 14:00"');
  });

  it('spells zone names as the database does and accepts current and old names', () => {
    expect(timeZoneName('europe/zurich')).toBe('Europe/Zurich');
    expect(timeZoneName('Europe/Kyiv')).toBe('Europe/Kyiv');
    expect(timeZoneName('Europe/Kiev')).toBe('Europe/Kiev');
    expect(timeZoneName('UTC')).toBe('UTC');
    expect(timeZoneName('+01:00')).toBeNull();
    expect(timeZoneName('Mars/Olympus')).toBeNull();
  });
});

describe('the Geneva meeting on members\' clocks', () => {
  it.each([
    ['America/Mexico_City', '2020-11-19T07:00:00-06:00'],
    ['Asia/Manila', '2020-11-19T21:00:00+08:00'],
    // across the date line: Samoa kept daylight saving in 2020 (UTC+14)
    ['Pacific/Apia', '2020-11-20T03:00:00+14:00'],
    ['Pacific/Kiritimati', '2020-11-20T03:00:00+14:00'],
    // southern-hemisphere summer: daylight saving on the event date
    ['America/Santiago', '2020-11-19T10:00:00-03:00'],
    ['Australia/Sydney', '2020-11-20T00:00:00+11:00'],
    ['Europe/Zurich', '2020-11-19T14:00:00+01:00'],
    ['UTC', '2020-11-19T13:00:00+00:00'],
  ])('%s: %s', (zone, iso) => {
    expect(localTime(MEETING, zone).iso).toBe(iso);
  });

  it('gives the offset, date and time separately', () => {
    expect(localTime(MEETING, 'Asia/Manila')).toEqual({
      zone: 'Asia/Manila',
      iso: '2020-11-19T21:00:00+08:00',
      date: '2020-11-19',
      time: '21:00',
      offset: '+08:00',
      utc: '2020-11-19T13:00:00Z',
    });
  });
});

describe('country -> time zone', () => {
  it.each([
    ['BR', 'America/Sao_Paulo'],
    ['US', 'America/New_York'],
    ['MX', 'America/Mexico_City'],
    ['AU', 'Australia/Sydney'],
    ['RU', 'Europe/Moscow'],
    ['ID', 'Asia/Jakarta'],
    ['CD', 'Africa/Kinshasa'],
    ['CA', 'America/Toronto'],
  ])('%s spans several zones: the capital\'s %s, flagged', (country, zone) => {
    expect(countryTimeZone(country, MEETING)).toMatchObject({ zone, source: 'capital', multipleZones: true });
  });

  it('names the clocks a country shows at an instant, one zone each, the capital\'s first', () => {
    expect(countryClocks('CD', MEETING)).toEqual([{ zone: 'Africa/Kinshasa', offset: 60 }, { zone: 'Africa/Lubumbashi', offset: 120 }]);
    const brazil = countryClocks('BR', MEETING);
    expect(brazil[0]).toEqual({ zone: 'America/Sao_Paulo', offset: -180 });
    expect(brazil.map((c) => c.offset)).toEqual([-180, -300, -240, -120]);
    expect(countryClocks('SN', MEETING)).toEqual([{ zone: 'Africa/Dakar', offset: 0 }]);
    expect(countryClocks('XX', MEETING)).toEqual([]);
  });

  it('gives a one-zone country its zone, unflagged', () => {
    expect(countryTimeZone('PH', MEETING)).toMatchObject({ zone: 'Asia/Manila', source: 'country', multipleZones: false });
    expect(countryTimeZone('ch')).toMatchObject({ zone: 'Europe/Zurich', multipleZones: false });
    expect(countryTimeZone('WS')).toMatchObject({ zone: 'Pacific/Apia', multipleZones: false });
  });

  it('names a country\'s zone after a place of that country, where the IANA database names it after another\'s', () => {
    // one clock for several countries since 2022, named after one of them: the others keep their own name as a link
    expect(countryTimeZone('SN', MEETING)).toMatchObject({ zone: 'Africa/Dakar', source: 'country', multipleZones: false });
    expect(countryTimeZone('BA')?.zone).toBe('Europe/Sarajevo');
    expect(countryTimeZone('BH')?.zone).toBe('Asia/Bahrain');
    expect(countryTimeZone('NO')?.zone).toBe('Europe/Oslo');
    // a zone named after the country's own place stays
    expect(countryTimeZone('CI')?.zone).toBe('Africa/Abidjan');
    expect(countryTimeZone('DE')?.zones).toContain('Europe/Berlin');
    // every country's zones: the same clock as the package's zone; a renamed one, a name Node reads and gives back as it is
    for (const country of Object.values(ct.getAllCountries())) {
      const zones = countryTimeZone(country.id)?.zones ?? [];
      expect(zones.length, country.id).toBe(country.timezones.length);
      zones.forEach((zone, i) => {
        if (zone !== country.timezones[i]) expect(new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone).toBe(zone);
        expect(localTime(MEETING, zone).iso, `${country.id} ${zone}`).toBe(localTime(MEETING, country.timezones[i]!).iso);
      });
    }
  });

  it('does not flag a country whose zones all keep the same time', () => {
    // Germany: Berlin and Büsingen (Zurich's zone) always agree
    expect(countryTimeZone('DE', MEETING)).toMatchObject({ zone: 'Europe/Berlin', source: 'capital', multipleZones: false });
  });

  it('knows Kosovo, which the package lacks, and has no zone for uninhabited Bouvet Island', () => {
    expect(countryTimeZone('XK')).toMatchObject({ zone: 'Europe/Belgrade', multipleZones: false });
    expect(countryTimeZone('BV')).toBeNull();
  });

  it('lets a member\'s stored zone win over their country', () => {
    expect(memberTimeZone({ country: 'MX', timeZone: 'America/Tijuana' }, MEETING)).toEqual({ zone: 'America/Tijuana', source: 'member', multipleZones: false });
    expect(memberTimeZone({ country: 'MX', timeZone: null }, MEETING)).toEqual({ zone: 'America/Mexico_City', source: 'capital', multipleZones: true });
    expect(memberTimeZone({ country: null }, MEETING)).toMatchObject({ zone: null, note: 'no country and no time zone on record' });
    expect(memberTimeZone({ country: 'PH', timeZone: 'Manila' }, MEETING)).toMatchObject({ zone: 'Asia/Manila', source: 'country', note: expect.stringContaining('"Manila"') });
  });
});

describe('data/capital-time-zones.csv', () => {
  const capitals = capitalTimeZones();

  it('has a capital for every country countries-and-timezones lists with several zones', () => {
    const multi = Object.values(ct.getAllCountries()).filter((c) => c.timezones.length > 1).map((c) => c.id as string);
    expect(multi.length).toBeGreaterThan(25);
    expect(multi.filter((c) => !capitals.has(c))).toEqual([]);
  });

  it('names, for each row, a valid IANA zone that belongs to that country', () => {
    for (const [country, row] of capitals) {
      expect(timeZoneName(row.zone), `${country} ${row.zone}`).toBe(row.zone);
      const zones = ct.getCountry(country, { deprecated: true })?.timezones;
      if (zones) expect(zones, country).toContain(row.zone);
      else expect(row.note, country).toMatch(/not in countries-and-timezones/);
    }
  });

  it('gives every ISO 3166-1 country the tool knows a zone, except uninhabited ones without', () => {
    const missing = listCountries().filter((c) => !countryTimeZone(c.alpha2)).map((c) => c.alpha2);
    expect(missing).toEqual(['BV', 'HM']);
  });
});
