/**
 * Items of a Google Merchant Center XML feed (RSS 2.0 `<item>` or Atom `<entry>`, fields in the
 * `g:` namespace or bare), read in chunks: only the item being read is buffered, never the file.
 * Not a general XML parser — feeds are flat lists of text fields, and that is all it reads:
 * CDATA, the five XML entities, numeric references and the HTML entities merchants paste in.
 */
import type { RawRow } from '../product-row.ts';
import { fieldName } from '../product-row.ts';
import { FeedSyntaxError } from './feed-syntax-error.ts';

export interface ReadRow {
  line: number;
  fields: RawRow;
}

const ITEM_START = /<(item|entry)(?=[\s>/])/g;
/** One child element: name, attributes, and text (absent when self-closing). */
const ELEMENT = /<([A-Za-z_][\w.:-]*)(\s[^>]*?)?\s*(?:\/>|>([\s\S]*?)<\/\1\s*>)/g;
const MAX_ITEM_CHARS = 1 << 20;

export class XmlItemReader {
  private buffer = '';
  /** Line number of buffer[0]. */
  private line = 1;

  push(chunk: string): ReadRow[] {
    this.buffer += chunk;
    const items: ReadRow[] = [];
    for (;;) {
      ITEM_START.lastIndex = 0;
      const start = ITEM_START.exec(this.buffer);
      if (!start) {
        // Keep a tail that may be the start of a tag cut by the chunk boundary.
        this.drop(Math.max(0, this.buffer.length - 16));
        break;
      }
      const close = `</${start[1]}>`;
      const end = this.buffer.indexOf(close, start.index);
      if (end === -1) {
        this.drop(start.index);
        if (this.buffer.length > MAX_ITEM_CHARS) throw new FeedSyntaxError(`line ${this.line}: an <${start[1]}> longer than 1 MB (is it never closed?)`);
        break;
      }
      this.drop(start.index);
      const body = this.buffer.slice(0, end - start.index + close.length);
      items.push({ line: this.line, fields: readFields(body.slice(start[0].length, body.length - close.length)) });
      this.drop(body.length);
    }
    return items;
  }

  end(): ReadRow[] {
    ITEM_START.lastIndex = 0;
    const open = ITEM_START.exec(this.buffer);
    if (open) throw new FeedSyntaxError(`line ${this.line}: an <${open[1]}> is never closed`);
    return [];
  }

  private drop(count: number) {
    if (count <= 0) return;
    this.line += countNewlines(this.buffer, count);
    this.buffer = this.buffer.slice(count);
  }
}

function countNewlines(text: string, upTo: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < upTo; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function readFields(item: string): RawRow {
  const fields: RawRow = {};
  // Skip the item tag's own attributes.
  const inner = item.slice(item.indexOf('>') + 1);
  ELEMENT.lastIndex = 0;
  for (let match = ELEMENT.exec(inner); match; match = ELEMENT.exec(inner)) {
    const name = fieldName(match[1]!);
    if (fields[name] !== undefined) continue; // additional_image_link and friends: the first wins
    let value = match[3] === undefined ? '' : textOf(match[3]);
    // Atom links carry the address in an attribute.
    if (!value && name === 'link') value = /\bhref\s*=\s*["']([^"']*)["']/.exec(match[2] ?? '')?.[1] ?? '';
    fields[name] = decodeEntities(value).trim();
  }
  return fields;
}

/** Text content: CDATA kept verbatim, entities decoded elsewhere; nested tags dropped. */
function textOf(content: string): string {
  if (!content.includes('<')) return decodeEntities(content);
  return content
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeEntities(part.replace(/<[^>]*>/g, ''))))
    .join('');
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', euro: '€', pound: '£', yen: '¥', copy: '©', reg: '®', trade: '™',
  hellip: '…', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', deg: '°', times: '×',
  eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', aacute: 'á', agrave: 'à', acirc: 'â', auml: 'ä', aring: 'å', ccedil: 'ç',
  iacute: 'í', icirc: 'î', iuml: 'ï', oacute: 'ó', ocirc: 'ô', ouml: 'ö', oslash: 'ø', uacute: 'ú', ugrave: 'ù', ucirc: 'û', uuml: 'ü',
  ntilde: 'ñ', szlig: 'ß', Eacute: 'É', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', Ccedil: 'Ç',
};

/**
 * XML entities and the HTML ones feeds are full of. Applied to text that was already decoded
 * once too, because `&amp;eacute;` (HTML escaped again for XML) is what many exports write.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}
