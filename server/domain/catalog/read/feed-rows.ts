/**
 * Rows of a feed in any supported format, read from text chunks as they arrive. Each row is
 * either raw fields (to be checked by toProductRow) or a problem with its line; a file whose
 * structure is broken throws a FeedSyntaxError naming where.
 */
import type { CatalogFormat } from '../../../../shared/admin-types.ts';
import { CsvError, CsvReader } from '../../../lib/csv.ts';
import { fieldName, type RawRow } from '../product-row.ts';
import { JsonArrayReader } from './json-array.ts';
import { shopifyRows } from './shopify.ts';
import { FeedSyntaxError } from './feed-syntax-error.ts';
import { XmlItemReader } from './xml-items.ts';

export type FeedRow = { line: number; fields: RawRow } | { line: number; error: { field: string; message: string } };


export interface FeedReadOptions {
  storeUrl: string | null;
}

export async function* feedRows(format: CatalogFormat, chunks: AsyncIterable<string>, options: FeedReadOptions): AsyncGenerator<FeedRow> {
  if (format === 'merchant_xml') yield* xmlRows(chunks);
  else if (format === 'shopify_json') yield* jsonRows(chunks, options.storeUrl);
  else yield* delimitedRows(chunks, format === 'merchant_tsv' ? '\t' : ',');
}

async function* xmlRows(chunks: AsyncIterable<string>): AsyncGenerator<FeedRow> {
  const reader = new XmlItemReader();
  let any = false;
  let head = '';
  for await (const chunk of chunks) {
    if (head.length < 512) head += chunk.slice(0, 512);
    for (const row of reader.push(chunk)) {
      any = true;
      yield row;
    }
  }
  reader.end();
  if (!any && !/<(rss|feed)[\s>]/.test(head)) throw new FeedSyntaxError('the file is not an RSS or Atom feed (no <rss> or <feed> element, no <item>)');
}

async function* jsonRows(chunks: AsyncIterable<string>, storeUrl: string | null): AsyncGenerator<FeedRow> {
  const reader = new JsonArrayReader('products');
  for await (const chunk of chunks) {
    for (const { line, value } of reader.push(chunk)) {
      const rows = shopifyRows(value, storeUrl);
      if ('error' in rows) yield { line, error: rows.error };
      else for (const fields of rows) yield { line, fields };
    }
  }
  reader.end();
}

async function* delimitedRows(chunks: AsyncIterable<string>, delimiter: string): AsyncGenerator<FeedRow> {
  const reader = new CsvReader({ delimiter, lenientQuotes: true });
  let names: string[] | null = null;
  const rows = function* (records: ReturnType<CsvReader['push']>): Generator<FeedRow> {
    for (const record of records) {
      if (!names) {
        names = record.fields.map(fieldName);
        if (!names.includes('id')) throw new FeedSyntaxError(`line ${record.line}: the header row has no id (or sku) column${delimiter === ',' && record.fields.length === 1 && record.fields[0]!.includes('\t') ? '; the file looks tab-separated' : ''}`);
        continue;
      }
      const fields: RawRow = {};
      names.forEach((name, i) => (fields[name] = record.fields[i]));
      yield { line: record.line, fields };
    }
  };
  // CsvError is shared with post imports; here a broken quote breaks the whole feed.
  const read = (next: () => ReturnType<CsvReader['push']>) => {
    try {
      return next();
    } catch (error) {
      throw error instanceof CsvError ? new FeedSyntaxError(error.message) : error;
    }
  };
  for await (const chunk of chunks) yield* rows(read(() => reader.push(chunk)));
  yield* rows(read(() => reader.end()));
}
