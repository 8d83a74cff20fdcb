import { describe, expect, it } from 'vitest';
import { displayWidth, wrap } from '../../../src/ui/wrap.js';

// Lines are fitted to the columns a terminal gives them: a Chinese character or an emoji takes
// two. (Counted as one each, a line of Chinese ran to twice the width and the terminal cut the
// next words mid-word.) Invented names.
describe('wrap at words, in the columns a terminal gives the text', () => {
  it('counts wide characters as two columns, accents written apart as none', () => {
    expect(displayWidth('Ana')).toBe(3);
    expect(displayWidth('北京市')).toBe(6);
    expect(displayWidth('김민준')).toBe(6);
    expect(displayWidth('🎓 Org')).toBe(6);
    expect(displayWidth('❤️')).toBe(2);
    expect(displayWidth('José')).toBe(4);
    expect(displayWidth('Jose\u0301')).toBe(4);
    expect(displayWidth('مركز')).toBe(4);
  });

  // As a terminal shows them: an emoji sequence in two columns (counted code point by code point,
  // a family was 6, a flag 4); marks over a letter in any script, joiners and zero-width spaces in
  // none (string-width 4, cli-table3's measure, counts them); a symbol shown as text in one.
  it.each([
    ['👨‍👩‍👧', 2], ['👩‍💻 Org', 6], ['👍🏽', 2], ['🇬🇭', 2], ['🇬🇭🇰🇪', 4], ['1️⃣', 2], ['🏳️‍🌈', 2], ['❤️', 2], ['❤', 1],
    ['नमस्ते', 4], ['कृषि', 3], ['مُحَمَّد', 4], ['a\u200db', 2], ['a\u200bb', 2], ['ＡＢＣ', 6], ['🫠', 2],
    // a joiner joins two pictographs only right after the first and its marks, as a grapheme does
    ['👩\u200d\u200d💻', 4], ['💻\u093e\u200d💻', 4], ['a\u200d👩', 3], ['🇬🇭🇰', 4], ['x🏽', 3], ['#\ufe0f\u20e3 1⃣', 5],
  ])('%s is %i columns wide', (text, width) => expect(displayWidth(text)).toBe(width));

  it('keeps every line of text in wide characters within the width, and cuts no Latin word', () => {
    const text = '北京市职业技能培训中心 Beijing Vocational Training Centre 东亚和太平洋地区';
    const out = wrap(text, 30, '', '');
    for (const line of out.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(30);
    expect(out.split(/\s+/)).toEqual(expect.arrayContaining(['Beijing', 'Vocational', 'Training', 'Centre']));
    expect(out.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
  });

  it('breaks a run of wide characters wider than the line between two of them, a long Latin word not', () => {
    const out = wrap('职业技能培训中心职业技能培训中心', 10, '', '');
    expect(out.split('\n')).toEqual(['职业技能培', '训中心职业', '技能培训中', '心']);
    expect(wrap('https://example.org/a-very-long-address', 10, '', '')).toBe('https://example.org/a-very-long-address');
  });
});
