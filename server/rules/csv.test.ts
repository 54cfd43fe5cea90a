import { describe, expect, it } from 'vitest';
import { csvObjects, CsvError, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, embedded commas and line breaks, CRLF and a BOM', () => {
    const text = '\uFEFFname,caption\r\n"Clara","Hello, ""world""\nsecond line"\r\nJules,plain\n\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['name', 'caption'] },
      { line: 2, fields: ['Clara', 'Hello, "world"\nsecond line'] },
      { line: 4, fields: ['Jules', 'plain'] },
    ]);
  });

  it('keeps empty fields and a last line without a newline', () => {
    expect(parseCsv('a,,c\n,,')).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 2, fields: ['', '', ''] },
    ]);
  });

  it('names the line of broken quoting', () => {
    expect(() => parseCsv('a,b\n"open,never closed\n')).toThrow(new CsvError(2, 'a quoted field is never closed'));
    expect(() => parseCsv('a,b\nx"y,z')).toThrow(/line 2: a quote inside an unquoted field/);
    expect(() => parseCsv('"a"b,c')).toThrow(/line 1: text after a closing quote/);
  });

  it('maps rows to the header names, and reads tab-separated files', () => {
    expect(csvObjects('Image_URL\tAuthor\nhttps://x/1.jpg\tclara\n', '\t')).toEqual([{ line: 2, values: { image_url: 'https://x/1.jpg', author: 'clara' } }]);
  });
});
