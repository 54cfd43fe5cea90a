import { describe, expect, it } from 'vitest';
import { csvObjects, CsvError, CsvReader, parseCsv } from './csv.ts';

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

describe('CsvReader', () => {
  const text = '\uFEFFsku,title,price\r\nA-1,"Lamp, ""arc""\nwith shade",24.99 EUR\r\nB-2,Vase,12\n\nC-3,"Mug",\n';
  const whole = parseCsv(text);

  it('gives the same records however the text is cut into chunks', () => {
    for (let size = 1; size <= text.length; size++) {
      const reader = new CsvReader();
      const records = [];
      for (let i = 0; i < text.length; i += size) records.push(...reader.push(text.slice(i, i + size)));
      records.push(...reader.end());
      expect(records, `chunks of ${size}`).toEqual(whole);
    }
    expect(whole.map((r) => r.line)).toEqual([1, 2, 4, 6]);
  });

  it('keeps stray quotes as text when lenient, as hand-made feeds need', () => {
    const reader = new CsvReader({ delimiter: '\t', lenientQuotes: true });
    expect([...reader.push('id\ttitle\n1\tScreen 5" wide\n2\t"Quoted" tail\n'), ...reader.end()]).toEqual([
      { line: 1, fields: ['id', 'title'] },
      { line: 2, fields: ['1', 'Screen 5" wide'] },
      { line: 3, fields: ['2', 'Quoted tail'] },
    ]);
  });

  it('refuses a record that never ends instead of buffering the whole file', () => {
    const reader = new CsvReader();
    reader.push('a,"open\n');
    expect(() => reader.push('x'.repeat(1 << 20))).toThrow(/line 1: a record longer than 1 MB/);
  });
});
