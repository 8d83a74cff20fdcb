import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeMarkdown, isFormulaLike, markdownCell, outlookPhoneCell, safeCell, xmlEscape, xmlSafeText } from '../../../src/export/escape.js';

describe('safeCell (OWASP CSV injection)', () => {
  it('prefixes an apostrophe to text a spreadsheet would run', () => {
    for (const v of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '=HYPERLINK("http://x","y")', '＝1+1']) {
      expect(safeCell(v)).toBe(`'${v}`);
    }
  });

  it('leaves ordinary text, numbers and plain numeric text alone', () => {
    expect(safeCell('Taller Abierto')).toBe('Taller Abierto');
    expect(safeCell('a=b')).toBe('a=b');
    expect(safeCell(8.5)).toBe(8.5);
    expect(safeCell(-3)).toBe(-3);
    expect(safeCell('-3.5')).toBe('-3.5');
    expect(safeCell('+12')).toBe('+12');
    expect(safeCell(null)).toBe('');
    expect(safeCell(undefined)).toBe('');
    expect(safeCell(Number.NaN)).toBe('');
  });

  it('never leaves a dangerous first character, and only ever adds one apostrophe', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = safeCell(s) as string;
        if (isFormulaLike(s)) {
          expect(out).toBe(`'${s}`);
          expect(isFormulaLike(out)).toBe(false);
        } else {
          expect(out).toBe(s);
        }
      }),
    );
  });
});

describe('xml and markdown helpers', () => {
  it('drops characters XML forbids and escapes markup', () => {
    expect(xmlSafeText('a\u0000b\u0008c\td\ne')).toBe('abc\td\ne');
    expect(xmlEscape(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(xmlSafeText('lone \uD800 surrogate 😀')).toBe('lone  surrogate 😀');
  });

  it('shows applicant Markdown as typed', () => {
    expect(escapeMarkdown('*bold* _it_ # h <b>')).toBe('\\*bold\\* \\_it\\_ \\# h \\<b\\>');
    expect(escapeMarkdown('- item\n1. first')).toBe('\\- item\n1\\. first');
    expect(markdownCell('a | b\nc')).toBe('a \\| b c');
    expect(markdownCell('Fish &amp; Chips & R&D &copy;')).toBe('Fish \\&amp; Chips \\& R\\&D \\&copy;');
  });
});

describe('outlookPhoneCell', () => {
  it('writes a "+" number of digits, spaces, dashes and parentheses as it is (Outlook keeps an apostrophe), and neutralises anything else', () => {
    expect(outlookPhoneCell('+52 55 1234 5678')).toBe('+52 55 1234 5678');
    expect(outlookPhoneCell('+1 (800) 555-0100')).toBe('+1 (800) 555-0100');
    expect(outlookPhoneCell('0227996111')).toBe('0227996111');
    expect(outlookPhoneCell('+1+cmd|x')).toBe("'+1+cmd|x");
    expect(outlookPhoneCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(outlookPhoneCell('-2+3')).toBe("'-2+3");
    expect(outlookPhoneCell('+')).toBe("'+");
    expect(outlookPhoneCell(null)).toBe('');
  });
});
