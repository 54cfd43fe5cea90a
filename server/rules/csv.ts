/**
 * RFC 4180 CSV, as spreadsheets export it: quoted fields with doubled quotes, commas and line
 * breaks inside quotes, CRLF or LF, a leading byte-order mark. Each record keeps the line it
 * starts on, so an import report can say "line 14: ...".
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

export function parseCsv(text: string, delimiter = ','): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let afterQuote = false;
  const endRecord = () => {
    fields.push(field);
    // A blank line is no record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    afterQuote = false;
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field !== '' || afterQuote) throw new CsvError(line, 'a quote inside an unquoted field');
      quoted = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      afterQuote = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (afterQuote) throw new CsvError(line, 'text after a closing quote');
      field += ch;
    }
  }
  if (quoted) throw new CsvError(recordLine, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** Records as objects keyed by the header row's names (trimmed, lower-cased). */
export function csvObjects(text: string, delimiter = ','): { line: number; values: Record<string, string> }[] {
  const [header, ...rows] = parseCsv(text, delimiter);
  if (!header) return [];
  const names = header.fields.map((n) => n.trim().toLowerCase());
  return rows.map((row) => ({ line: row.line, values: Object.fromEntries(names.map((name, i) => [name, row.fields[i] ?? ''])) }));
}
