/**
 * The elements of a JSON array read in chunks — `[…]` or the array under a top-level key
 * (`{"products": […]}`) — each parsed on its own, so a large Shopify export is never one
 * JSON.parse. The scanner only tracks strings and nesting depth to find where elements end.
 */
import { FeedSyntaxError } from './feed-syntax-error.ts';

export class JsonArrayReader {
  private buffer = '';
  private pos = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Depth of the array's elements, once the array is found. */
  private elementDepth: number | null = null;
  private elementStart = -1;
  private line = 1;
  private elementLine = 1;
  private lastKey = '';
  private keyStart = -1;

  constructor(private readonly key: string) {}

  push(chunk: string): { line: number; value: unknown }[] {
    this.buffer += chunk;
    const out: { line: number; value: unknown }[] = [];
    const s = this.buffer;
    for (; this.pos < s.length; this.pos++) {
      const ch = s.charCodeAt(this.pos);
      if (ch === 10) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === 92) this.escaped = true;
        else if (ch === 34) {
          this.inString = false;
          if (this.keyStart >= 0) {
            this.lastKey = s.slice(this.keyStart, this.pos);
            this.keyStart = -1;
          }
        }
        continue;
      }
      if (ch === 34) {
        this.inString = true;
        if (this.depth === 1 && this.elementDepth === null) this.keyStart = this.pos + 1;
      } else if (ch === 123 || ch === 91) {
        if (this.elementDepth === null && ch === 91 && (this.depth === 0 || (this.depth === 1 && this.lastKey === this.key))) this.elementDepth = this.depth + 1;
        else if (this.depth === this.elementDepth) {
          this.elementStart = this.pos;
          this.elementLine = this.line;
        }
        this.depth++;
      } else if (ch === 125 || ch === 93) {
        this.depth--;
        if (this.depth < 0) throw new FeedSyntaxError(`line ${this.line}: unbalanced ${String.fromCharCode(ch)}`);
        if (this.depth === this.elementDepth && this.elementStart >= 0) {
          const text = s.slice(this.elementStart, this.pos + 1);
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch (error) {
            throw new FeedSyntaxError(`line ${this.elementLine}: ${(error as Error).message}`);
          }
          out.push({ line: this.elementLine, value });
          this.elementStart = -1;
        } else if (this.elementDepth !== null && this.depth === this.elementDepth - 1 && ch === 93) {
          this.elementDepth = -1; // the array ended; later arrays are not ours
        }
      }
    }
    // Drop what is read: everything before the element being read (or all of it between elements).
    const keep = this.elementStart >= 0 ? this.elementStart : this.inString && this.keyStart >= 0 ? this.keyStart : this.pos;
    this.buffer = s.slice(keep);
    this.pos -= keep;
    if (this.elementStart >= 0) this.elementStart -= keep;
    if (this.keyStart >= 0) this.keyStart -= keep;
    if (this.buffer.length > 1 << 22) throw new FeedSyntaxError(`line ${this.elementLine}: one element is larger than 4 MB`);
    return out;
  }

  end(): void {
    if (this.elementDepth === null) throw new FeedSyntaxError(`no "${this.key}" array found`);
    if (this.depth !== 0 || this.inString) throw new FeedSyntaxError(`line ${this.line}: the JSON ends in the middle of a value`);
  }
}
