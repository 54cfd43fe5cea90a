/**
 * RFC 4180 CSV, as spreadsheets export it: quoted fields with doubled quotes, commas and line
 * breaks inside quotes, CRLF or LF, a leading byte-order mark. Each record keeps the line it
 * starts on, so an import report can say "line 14: ...".
 *
 * `CsvReader` takes the text in chunks, so a 50,000-row catalog never sits in memory whole: a
 * record cut by a chunk boundary waits in `carry` for the next chunk.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export interface CsvOptions {
  delimiter?: string;
  /**
   * Product feeds are hand-made more often than not (`5" screen` in a TSV title): a quote that
   * does not open a field is then kept as text instead of failing the file.
   */
  lenientQuotes?: boolean;
}

/** A record larger than this is a broken file (an unclosed quote), not data. */
const MAX_RECORD_CHARS = 1 << 20;
const NEWLINE = 10;
const RETURN = 13;
const QUOTE = 34;

export class CsvReader {
  private carry = '';
  private line = 1;
  private started = false;
  private readonly delimiter: number;
  private readonly lenient: boolean;

  constructor({ delimiter = ',', lenientQuotes = false }: CsvOptions = {}) {
    this.delimiter = delimiter.charCodeAt(0);
    this.lenient = lenientQuotes;
  }

  push(chunk: string): CsvRecord[] {
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    return this.read(this.carry + chunk, false);
  }

  end(): CsvRecord[] {
    return this.read(this.carry, true);
  }

  private read(input: string, final: boolean): CsvRecord[] {
    const records: CsvRecord[] = [];
    let pos = 0;
    while (pos < input.length) {
      const record = this.record(input, pos, final);
      if (!record) break;
      pos = record.next;
      this.line = record.nextLine;
      // A blank line is no record.
      if (!(record.fields.length === 1 && record.fields[0] === '')) records.push({ line: record.line, fields: record.fields });
    }
    this.carry = input.slice(pos);
    if (this.carry.length > MAX_RECORD_CHARS) throw new CsvError(this.line, 'a record longer than 1 MB (is a quote never closed?)');
    return records;
  }

  /** The record starting at `pos`, or null when the input ends inside it and more may come. */
  private record(input: string, pos: number, final: boolean): { fields: string[]; line: number; next: number; nextLine: number } | null {
    const fields: string[] = [];
    const line = this.line;
    let lines = 0;
    let i = pos;
    for (;;) {
      let field = '';
      if (input.charCodeAt(i) === QUOTE) {
        let from = i + 1;
        for (;;) {
          const close = input.indexOf('"', from);
          if (close === -1) {
            if (!final) return null;
            throw new CsvError(line, 'a quoted field is never closed');
          }
          field += input.slice(from, close);
          if (input.charCodeAt(close + 1) === QUOTE) {
            field += '"';
            from = close + 2;
            continue;
          }
          if (close + 1 === input.length && !final) return null; // a doubled quote may follow
          i = close + 1;
          break;
        }
        lines += countNewlines(field);
        const after = input.charCodeAt(i);
        if (i < input.length && after !== this.delimiter && after !== NEWLINE && after !== RETURN) {
          if (!this.lenient) throw new CsvError(line + lines, 'text after a closing quote');
          const end = this.fieldEnd(input, i);
          field += input.slice(i, end);
          i = end;
        }
      } else {
        const end = this.fieldEnd(input, i);
        field = input.slice(i, end);
        if (!this.lenient && field.includes('"')) throw new CsvError(line + lines, 'a quote inside an unquoted field');
        i = end;
      }
      fields.push(field);
      if (i >= input.length) {
        if (!final) return null;
        return { fields, line, next: i, nextLine: line + lines + 1 };
      }
      const ch = input.charCodeAt(i);
      if (ch === this.delimiter) {
        i++;
        continue;
      }
      // A line break ends the record; CR LF counts once. A CR last in a chunk may be half of one.
      if (ch === RETURN && i + 1 === input.length && !final) return null;
      i += ch === RETURN && input.charCodeAt(i + 1) === NEWLINE ? 2 : 1;
      return { fields, line, next: i, nextLine: line + lines + 1 };
    }
  }

  private fieldEnd(input: string, from: number): number {
    let i = from;
    while (i < input.length) {
      const ch = input.charCodeAt(i);
      if (ch === this.delimiter || ch === NEWLINE || ch === RETURN) break;
      i++;
    }
    return i;
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function parseCsv(text: string, delimiter = ','): CsvRecord[] {
  const reader = new CsvReader({ delimiter });
  return [...reader.push(text), ...reader.end()];
}

/** A header name as imports compare them: trimmed and lower-cased. */
export const headerName = (name: string) => name.trim().toLowerCase();

/** Records as objects keyed by the header row's names (trimmed, lower-cased). */
export function csvObjects(text: string, delimiter = ','): { line: number; values: Record<string, string> }[] {
  const [header, ...rows] = parseCsv(text, delimiter);
  if (!header) return [];
  const names = header.fields.map(headerName);
  return rows.map((row) => ({ line: row.line, values: Object.fromEntries(names.map((name, i) => [name, row.fields[i] ?? ''])) }));
}

/**
 * One CSV record (RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled).
 * A text field starting with =, +, - or @ gets a leading apostrophe: a spreadsheet would run it
 * as a formula, and labels come from captions anyone can write.
 */
export function csvLine(values: (string | number | null)[]): string {
  return values
    .map((value) => {
      const text = value === null ? '' : String(value);
      const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(',');
}
