/**
 * The Graph API's `fields` parameter with field expansion:
 * `id,children{id,media_url},mentioned_media.media_id(178…){caption,comments.limit(5){text}}`.
 */
import { graphErrors } from './errors.ts';

export interface FieldNode {
  name: string;
  /** `.media_id(178…)` → { media_id: '178…' }, `.limit(5)` → { limit: '5' }. */
  modifiers: Record<string, string>;
  /** Sub-fields of an expansion; undefined when the field was named without braces. */
  fields?: FieldNode[];
}

export function parseFields(source: string | undefined): FieldNode[] | undefined {
  if (source === undefined || source.trim() === '') return undefined;
  const parser = new Parser(source);
  const nodes = parser.list();
  parser.end();
  return nodes;
}

class Parser {
  private at = 0;
  constructor(private readonly text: string) {}

  list(): FieldNode[] {
    const nodes = [this.item()];
    while (this.peek() === ',') {
      this.at++;
      nodes.push(this.item());
    }
    return nodes;
  }

  end(): void {
    if (this.at < this.text.length) this.fail(`Expected end of string instead of "${this.text[this.at]}".`);
  }

  private item(): FieldNode {
    const node: FieldNode = { name: this.name(), modifiers: {} };
    while (this.peek() === '.') {
      this.at++;
      const modifier = this.name();
      this.expect('(');
      const close = this.text.indexOf(')', this.at);
      if (close < 0) this.fail('Expected ")".');
      node.modifiers[modifier] = this.text.slice(this.at, close).trim();
      this.at = close + 1;
    }
    if (this.peek() === '{') {
      this.at++;
      node.fields = this.list();
      this.expect('}');
    }
    return node;
  }

  private name(): string {
    this.skipSpace();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.at));
    if (!match) this.fail(`Expected a field name at "${this.text.slice(this.at, this.at + 10)}".`);
    this.at += match[0].length;
    this.skipSpace();
    return match[0];
  }

  private peek(): string | undefined {
    this.skipSpace();
    return this.text[this.at];
  }

  private expect(ch: string): void {
    if (this.peek() !== ch) this.fail(`Expected "${ch}".`);
    this.at++;
  }

  private skipSpace(): void {
    while (this.text[this.at] === ' ') this.at++;
  }

  private fail(detail: string): never {
    throw graphErrors.syntax(detail, this.at, this.text);
  }
}
