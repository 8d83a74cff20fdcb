import { describe, expect, it } from 'vitest';
import { callMistypedAs, callSpelledAs, differsUnseen, newCallYearSign, otherCallSigns, suggestedCallName } from '../../../src/import/call-fit.js';
import { spelledOut } from '../../../src/suggest.js';

const call2020 = { first: '2020-03-04T10:00:00', last: '2020-05-15T18:00:00', lowest: 0.9, highest: 10 };

describe('otherCallSigns', () => {
  it('names dates half a year away and another score scale', () => {
    const file = { first: '2021-03-01T09:00:00', last: '2021-05-28T12:00:00', lowest: 35, highest: 98 };
    expect(otherCallSigns(file, call2020)).toEqual([
      "its applications were submitted from 2021-03-01 to 2021-05-28, the call's from 2020-03-04 to 2020-05-15",
      "its scores (35–98) read as 0–100, the call's (0.9–10) as 0–10",
    ]);
    expect(suggestedCallName(file, '2020')).toBe('2021');
    expect(suggestedCallName(file, '2021')).toBe('NAME');
  });
  it('says nothing of a late file of the same call, of undated or unscored files, or of an empty call', () => {
    expect(otherCallSigns({ first: '2020-06-01', last: '2020-06-02', lowest: 4, highest: 9.5 }, call2020)).toEqual([]);
    expect(otherCallSigns({ first: null, last: null, lowest: null, highest: null }, call2020)).toEqual([]);
    // a few corrections scored low on the call's own 0–10 (their highest reads as 0–5): within the call's scores
    expect(otherCallSigns({ first: '2020-04-01', last: '2020-04-01', lowest: 3, highest: 4.5 }, call2020)).toEqual([]);
    expect(otherCallSigns({ first: null, last: null, lowest: 4, highest: 4 }, call2020)).toEqual([]);
    // corrections scored 3–4.5, all below a call scored 6–9.5: still the call's own 0–10
    expect(otherCallSigns({ first: null, last: null, lowest: 3, highest: 4.5 }, { first: null, last: null, lowest: 6, highest: 9.5 })).toEqual([]);
    // but a 0–10 file beside a 0–100 call whose every score is above it is another scale
    expect(otherCallSigns({ first: null, last: null, lowest: 2, highest: 9 }, { first: null, last: null, lowest: 35, highest: 98 })).toHaveLength(1);
    expect(otherCallSigns({ first: '2024-01-01', last: '2024-01-01', lowest: 5, highest: 5 }, { first: null, last: null, lowest: null, highest: null })).toEqual([]);
  });
  it('reads files submitted long before the call as another call too', () => {
    expect(otherCallSigns({ first: '2019-01-01', last: '2019-02-01', lowest: null, highest: null }, call2020)).toHaveLength(1);
  });
});

describe('a new --call that is likely mistyped', () => {
  it('finds the known call spelled in another case or spacing, never the call itself or another name', () => {
    expect(callSpelledAs('sic-2021', ['2020', 'SIC-2021'])).toBe('SIC-2021');
    expect(callSpelledAs('Call  2021', ['call 2021'])).toBe('call 2021');
    expect(callSpelledAs('SIC-2021', ['SIC-2021', 'sic-2021'])).toBeUndefined();
    expect(callSpelledAs('sic 2021', ['sic-2021'])).toBeUndefined();
    expect(callSpelledAs('2021', [])).toBeUndefined();
  });
  it('finds the known call behind a name pasted with unseen or lookalike characters, and spells them out', () => {
    // a zero-width space, a non-breaking hyphen, an en dash, full-width letters, a BOM, spaces around the dash
    for (const pasted of ['SIC-2021\u200b', 'SIC\u20112021', 'SIC\u20132021', '\uff33\uff29\uff23-2021', '\ufeffSIC-2021', 'SIC - 2021']) {
      expect(callSpelledAs(pasted, ['2020', 'SIC-2021']), pasted).toBe('SIC-2021');
    }
    expect(spelledOut('SIC-2021\u200b')).toBe('SIC-2021<U+200B>');
    expect(spelledOut('SIC\u20132021')).toBe('SIC<U+2013>2021');
    expect(spelledOut('Convocatoria año 2021')).toBe('Convocatoria año 2021');
    expect(differsUnseen('SIC\u20132021', 'SIC-2021')).toBe(true);
    expect(differsUnseen('sic - 2021', 'SIC-2021')).toBe(false);
    // a non-breaking, em or tab space pasted from a document shows as a space: spelled out too
    for (const space of ['\u00a0', '\u2003', '\t']) {
      expect(callSpelledAs(`SIC${space}2021`, ['SIC 2021'])).toBe('SIC 2021');
      expect(differsUnseen(`SIC${space}2021`, 'SIC 2021'), JSON.stringify(space)).toBe(true);
    }
    expect(differsUnseen('SIC  2021', 'SIC 2021')).toBe(false);
    expect(spelledOut('SIC\u00a02021')).toBe('SIC<U+00A0>2021');
    expect(spelledOut('SIC\t2021')).toBe('SIC<U+0009>2021');
    expect(callSpelledAs('SIC 2021', ['SIC-2021'])).toBeUndefined();
  });
  it('reads a name the --call filters would suggest a known call for as that call mistyped, never another year\'s', () => {
    expect(callMistypedAs('SIC-2O21', ['2020', 'SIC-2021'])).toBe('SIC-2021');
    expect(callMistypedAs('SIC2021', ['SIC-2021'])).toBe('SIC-2021');
    expect(callMistypedAs('SIC 2021', ['SIC-2021'])).toBe('SIC-2021');
    expect(callMistypedAs('SIC-2022', ['SIC-2021'])).toBeUndefined();
    expect(callMistypedAs('SIC-2021', ['SIC-2021'])).toBeUndefined();
    expect(callMistypedAs('Youth call', ['SIC-2021'])).toBeUndefined();
    expect(callMistypedAs('2021', [])).toBeUndefined();
  });
  it('reads a name whose one year is two years or more from every submission as mistyped', () => {
    const spring2021 = { first: '2021-03-15T10:00:00', last: '2021-03-18T09:00:00', lowest: 5, highest: 8 };
    expect(newCallYearSign('2012', spring2021)).toEqual({ sign: 'its applications were submitted from 2021-03-15 to 2021-03-18, not around 2012', year: '2021', name: '2021' });
    expect(newCallYearSign('SIC-2024', spring2021)?.year).toBe('2021');
    for (const name of ['2021', '2020', 'cohort 2022', 'SIC call', '2012-2021', 'round 12', 'SIC 2021-22', 'FY2022', '2021b', 'Call 2', '2020/2021']) expect(newCallYearSign(name, spring2021), name).toBeNull();
    // the name to give keeps the officer's naming; a range of years is checked as a range
    expect(newCallYearSign('SIC-2024', spring2021)?.name).toBe('SIC-2021');
    expect(newCallYearSign('FY2012', spring2021)?.name).toBe('FY2021');
    expect(newCallYearSign('2018-2019', spring2021)).toEqual({ sign: 'its applications were submitted from 2021-03-15 to 2021-03-18, not around 2018–2019', year: '2021', name: '2021' });
    expect(newCallYearSign('SIC 2023/2024', spring2021)?.name).toBe('2021');
    expect(newCallYearSign('2012', { first: null, last: null, lowest: 5, highest: 8 })).toBeNull();
  });
});
