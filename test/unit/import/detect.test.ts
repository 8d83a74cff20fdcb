import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { detectDelimiter, detectEncoding, detectFormat, parseDelimiterOption, parseEncodingOption } from '../../../src/import/detect.js';
import { isUtf8 } from 'node:buffer';

const scan = (head: Buffer) => ({ head, validUtf8: isUtf8(head) });

describe('detectEncoding', () => {
  it('reads byte-order marks', () => {
    expect(detectEncoding(scan(Buffer.from([0xef, 0xbb, 0xbf, 0x61])))).toEqual({ encoding: 'utf8', bom: 3 });
    expect(detectEncoding(scan(Buffer.from([0xff, 0xfe, 0x61, 0])))).toEqual({ encoding: 'utf16le', bom: 2 });
    expect(detectEncoding(scan(Buffer.from([0xfe, 0xff, 0, 0x61])))).toEqual({ encoding: 'utf16be', bom: 2 });
  });
  it('believes a UTF-16 byte-order mark only when the bytes after it agree', () => {
    // (a mark before UTF-8 text, or a mark of the other byte order, read as "no participants table")
    const text = 'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\r\n';
    expect(detectEncoding(scan(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text + 'Société\r\n', 'utf8')])))).toEqual({ encoding: 'utf8', bom: 2 });
    expect(detectEncoding(scan(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf8')])))).toEqual({ encoding: 'utf8', bom: 2 });
    expect(detectEncoding(scan(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text + 'Pays;€\r\n', 'windows-1252')])))).toEqual({ encoding: 'windows1252', bom: 2 });
    expect(detectEncoding(scan(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le')])))).toEqual({ encoding: 'utf16le', bom: 2 });
    expect(detectEncoding(scan(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le').swap16()])))).toEqual({ encoding: 'utf16be', bom: 2 });
    // text with no ASCII at all (all of it Chinese) keeps its mark
    expect(detectEncoding(scan(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名电子邮件加入时间离开时间持续时间姓名电子邮件加入时间', 'utf16le')])))).toEqual({ encoding: 'utf16le', bom: 2 });
  });
  it('recognises UTF-16 without a BOM by its zero bytes', () => {
    expect(detectEncoding(scan(Buffer.from('Organization\tEmail\r\n', 'utf16le'))).encoding).toBe('utf16le');
    expect(detectEncoding(scan(Buffer.from('Organization\tEmail\r\n', 'utf16le').swap16())).encoding).toBe('utf16be');
  });
  it('valid UTF-8 stays UTF-8; other bytes are Windows-1252', () => {
    expect(detectEncoding(scan(Buffer.from('Pays;Société\n', 'utf8')))).toEqual({ encoding: 'utf8', bom: 0 });
    const cp1252 = iconv.encode('Pays;Société;“quotes” – €\n', 'windows-1252');
    expect(detectEncoding(scan(cp1252))).toEqual({ encoding: 'windows1252', bom: 0 });
    expect(iconv.decode(cp1252, 'windows1252')).toContain('“quotes” – €');
  });
  it('an invalid byte deep in the file decides, not only the first ones', () => {
    // scanFile reports validity of the whole file; the head alone may look like UTF-8
    expect(detectEncoding({ head: Buffer.from('Organization,Email\n'), validUtf8: false }).encoding).toBe('windows1252');
  });
});

describe('detectDelimiter', () => {
  it('picks the consistent candidate', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('Nom;Pays;Note\nA;Sénégal;8,5\nB;Mali;7,25\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter('a|b|c\n1|2|3\n')).toBe('|');
  });
  it('ignores delimiters inside quotes, and honours an Excel sep= line', () => {
    expect(detectDelimiter('Org;Text\nA;"one, two, three"\nB;"x, y"\n')).toBe(';');
    expect(detectDelimiter('sep=|\na,b|c\n')).toBe('|');
  });
  it('a single column defaults to comma', () => {
    expect(detectDelimiter('Organization\nAcme\n')).toBe(',');
  });
});

describe('options and formats', () => {
  it('parses --delimiter and --encoding', async () => {
    expect(parseDelimiterOption('tab')).toBe('\t');
    expect(parseDelimiterOption(';')).toBe(';');
    expect(() => parseDelimiterOption(';;')).toThrow(/one character/);
    // One line of error whatever was typed, and the right reason for a single character that cannot be one.
    for (const bad of ['"', '\n', '\r', 'a', 'é', '0']) {
      expect(() => parseDelimiterOption(bad)).toThrow(/^--delimiter cannot be "(.|\\[nr"])": a quote, a line break, a letter or a digit/);
    }
    expect(() => parseDelimiterOption('\n\n')).toThrow(/^--delimiter must be one character \(or "tab"\), got "\\n\\n"$/);
    expect(await parseEncodingOption('UTF-8')).toBe('utf8');
    expect(await parseEncodingOption('cp1252')).toBe('windows1252');
    expect(await parseEncodingOption('latin1')).toBe('latin1');
    await expect(parseEncodingOption('nope')).rejects.toThrow(/unknown encoding/);
  });
  it('an .xlsx is a zip; an old .xls is refused with advice', () => {
    expect(detectFormat('a.xlsx', Buffer.from('PK\u0003\u0004rest'))).toBe('xlsx');
    expect(detectFormat('a.csv', Buffer.from('a,b'))).toBe('csv');
    expect(() => detectFormat('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toThrow(/old Excel \.xls workbook/);
  });
  it('an OpenDocument file whose mimetype entry has its sizes in a data descriptor is still named by its kind', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    zip.file('content.xml', '<office:document-content/>');
    // streamFiles: sizes 0 in the local header, the real ones after the data
    const head = await zip.generateAsync({ type: 'nodebuffer', streamFiles: true });
    expect(head.readUInt32LE(18)).toBe(0);
    expect(() => detectFormat('c.ods', head)).toThrow(/is an OpenDocument spreadsheet \(\.ods\), which/);
  });
});
