// Context: pure model, no browser APIs.
// Tokenizer and recursive-descent parser for the frame filter language (see filter-ast.ts). Errors
// carry a character offset so the panel can underline the offending part of the query.

import { FILTER_FIELDS, FILTER_KINDS, KIND_ALIASES, stripStateful, type FieldName, type FilterNode, type ParseResult } from './filter-ast';

class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

// --- Tokens --------------------------------------------------------------------------------------

type Token =
  | { t: 'lparen' | 'rparen' | 'or' | 'and'; at: number; text: string }
  | { t: 'not'; at: number; text: string }
  | { t: 'term'; at: number; node: FilterNode };

const DELIMITERS = new Set(['(', ')', '|']);

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0';
}

function isBoundary(c: string | undefined): boolean {
  return c === undefined || isSpace(c) || DELIMITERS.has(c);
}

/** Reads a double-quoted string starting at `start` (the quote). */
function readQuoted(q: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < q.length) {
    const c = q[i] as string;
    if (c === '\\' && i + 1 < q.length) {
      value += q[i + 1];
      i += 2;
      continue;
    }
    if (c === '"') return { value, end: i + 1 };
    value += c;
    i++;
  }
  throw new FilterSyntaxError(`Unterminated quote: add a closing " to the phrase that starts here`, start);
}

const VALID_FLAGS = /^[dgimsuvy]*$/;

function closingSlash(q: string, start: number, classAware: boolean): number {
  let inClass = false;
  for (let i = start + 1; i < q.length; i++) {
    const c = q[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (classAware && c === '[') inClass = true;
    else if (classAware && c === ']') inClass = false;
    else if (c === '/' && !inClass) return i;
  }
  return -1;
}

/**
 * A token starting with `/` is a regex only if it closes with `/`, optional valid flags and then a
 * boundary; otherwise it is text, so searching for a path like `/api/v1/users` just works.
 */
function tryRegex(q: string, start: number): { source: string; flags: string; end: number } | null {
  for (const classAware of [true, false]) {
    const close = closingSlash(q, start, classAware);
    if (close <= start + 1) continue;
    let end = close + 1;
    while (end < q.length && /[a-z]/i.test(q[end] as string)) end++;
    const flags = q.slice(close + 1, end);
    if (!isBoundary(q[end]) || !VALID_FLAGS.test(flags)) continue;
    return { source: q.slice(start + 1, close), flags, end };
  }
  return null;
}

function regexNode(source: string, flags: string, at: number): FilterNode {
  if (new Set(flags).size !== flags.length) {
    throw new FilterSyntaxError(`Invalid regex /${source}/${flags}: repeated flag`, at);
  }
  try {
    new RegExp(source, stripStateful(flags));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const reason = msg.slice(msg.lastIndexOf(': ') + 2) || msg;
    throw new FilterSyntaxError(`Invalid regex /${source}/${flags}: ${reason}`, at);
  }
  return { type: 'regex', source, flags, at };
}

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      tokens.push({ t: c === '(' ? 'lparen' : 'rparen', at: i, text: c });
      i++;
      continue;
    }
    if (c === '|') {
      const len = q[i + 1] === '|' ? 2 : 1;
      tokens.push({ t: 'or', at: i, text: q.slice(i, i + len) });
      i += len;
      continue;
    }
    if (c === '-' && !isSpace(q[i + 1]) && q[i + 1] !== undefined && q[i + 1] !== ')' && q[i + 1] !== '|') {
      tokens.push({ t: 'not', at: i, text: '-' });
      i++;
      continue;
    }
    if (c === '"') {
      const { value, end } = readQuoted(q, i);
      if (value === '') throw new FilterSyntaxError('Empty quotes: put the text to find between them', i);
      tokens.push({ t: 'term', at: i, node: { type: 'text', value, at: i } });
      i = end;
      continue;
    }
    if (c === '/') {
      const re = tryRegex(q, i);
      if (re) {
        tokens.push({ t: 'term', at: i, node: regexNode(re.source, re.flags, i) });
        i = re.end;
        continue;
      }
    }
    // A bare word; `field:"quoted value"` is read whole so values may contain spaces.
    const start = i;
    let word = '';
    let quotedValue: string | undefined;
    while (i < q.length && !isBoundary(q[i])) {
      if (q[i] === '"' && /^[A-Za-z][\w-]*:$/.test(word)) {
        const { value, end } = readQuoted(q, i);
        quotedValue = value;
        i = end;
        break;
      }
      word += q[i];
      i++;
    }
    if (quotedValue === undefined) {
      if (word === 'OR') {
        tokens.push({ t: 'or', at: start, text: word });
        continue;
      }
      if (word === 'AND') {
        tokens.push({ t: 'and', at: start, text: word });
        continue;
      }
      if (word === 'NOT') {
        tokens.push({ t: 'not', at: start, text: word });
        continue;
      }
    }
    tokens.push({ t: 'term', at: start, node: wordNode(word, quotedValue, start) });
  }
  return tokens;
}

// --- Field values --------------------------------------------------------------------------------

const UNIT: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

/** Turns `op value` into an inclusive integer range (safe-integer bounds keep the AST JSON-safe). */
function toRange(op: string, x: number): { min: number; max: number } {
  switch (op) {
    case '>':
      return { min: Math.floor(x) + 1, max: Number.MAX_SAFE_INTEGER };
    case '>=':
      return { min: Math.ceil(x), max: Number.MAX_SAFE_INTEGER };
    case '<':
      return { min: Number.MIN_SAFE_INTEGER, max: Math.ceil(x) - 1 };
    case '<=':
      return { min: Number.MIN_SAFE_INTEGER, max: Math.floor(x) };
    default:
      return { min: Math.round(x), max: Math.round(x) };
  }
}

function parseStatus(v: string, at: number): FilterNode {
  let m = /^([1-5])xx$/i.exec(v);
  if (m) {
    const base = Number(m[1]) * 100;
    return { type: 'status', min: base, max: base + 99 };
  }
  m = /^(\d{1,4})-(\d{1,4})$/.exec(v);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return { type: 'status', min: Math.min(a, b), max: Math.max(a, b) };
  }
  m = /^(>=|<=|>|<|=)?(\d{1,4})$/.exec(v);
  if (m) return { type: 'status', ...toRange(m[1] ?? '=', Number(m[2])) };
  throw new FilterSyntaxError(`status: expects a code (404), a class (4xx), a range (200-299) or a comparison (>=500), not '${v}'`, at);
}

function parseSize(v: string, at: number): FilterNode {
  const m = /^(>=|<=|>|<|=)?(\d+(?:\.\d+)?|\.\d+)([a-z]*)$/i.exec(v);
  const unit = m ? UNIT[(m[3] ?? '').toLowerCase()] : undefined;
  if (!m || unit === undefined) {
    throw new FilterSyntaxError(`size: expects a comparison and a size such as >1k, <=512 or >=2mb, not '${v}'`, at);
  }
  return { type: 'size', ...toRange(m[1] ?? '=', Number(m[2]) * unit) };
}

function parseKind(v: string, at: number): FilterNode {
  const values: string[] = [];
  for (const part of v.toLowerCase().split(',')) {
    if (part === '') continue;
    const alias = KIND_ALIASES[part];
    if (alias) values.push(...alias);
    else if ((FILTER_KINDS as readonly string[]).includes(part)) values.push(part);
    else throw new FilterSyntaxError(`Unknown kind '${part}'. Kinds: ${FILTER_KINDS.join(', ')}, poll`, at);
  }
  return { type: 'kind', values: [...new Set(values)] };
}

function fieldNode(field: FieldName, value: string, at: number): FilterNode {
  switch (field) {
    case 'dir': {
      const v = value.toLowerCase();
      if (v === 'in' || v === 'out') return { type: 'dir', value: v };
      throw new FilterSyntaxError(`dir: must be in or out, not '${value}'`, at);
    }
    case 'kind':
      return parseKind(value, at);
    case 'event': {
      const prefix = value.endsWith('*');
      return { type: 'event', value: (prefix ? value.slice(0, -1) : value).toLowerCase(), prefix };
    }
    case 'status':
      return parseStatus(value, at);
    case 'size':
      return parseSize(value, at);
    case 'channel':
      return { type: 'channel', value: value.toLowerCase() };
  }
}

const FIELD_HINT: Record<FieldName, string> = {
  dir: 'in or out',
  kind: FILTER_KINDS.join(', '),
  event: 'an event name',
  status: 'a code such as 404 or 4xx',
  size: 'a size such as >1k',
  channel: 'part of a channel URL',
};

function wordNode(word: string, quotedValue: string | undefined, at: number): FilterNode {
  const m = /^([A-Za-z][\w-]*):(.*)$/s.exec(word);
  if (m) {
    const name = (m[1] as string).toLowerCase();
    const value = quotedValue ?? (m[2] as string);
    if ((FILTER_FIELDS as readonly string[]).includes(name)) {
      const field = name as FieldName;
      if (value === '') throw new FilterSyntaxError(`${field}: needs a value (${FIELD_HINT[field]})`, at);
      return fieldNode(field, value, at);
    }
    // URLs (`https://…`) are text, not a field.
    if (quotedValue === undefined && value.startsWith('//')) return { type: 'text', value: word, at };
    throw new FilterSyntaxError(
      `Unknown field '${m[1]}:'. Fields: ${FILTER_FIELDS.join(', ')}. To search for the text, quote it: "${word}${quotedValue ?? ''}"`,
      at,
    );
  }
  return { type: 'text', value: word, at };
}

// --- Parser --------------------------------------------------------------------------------------

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  parseQuery(): FilterNode {
    if (this.tokens.length === 0) return { type: 'all' };
    const node = this.parseOr();
    const extra = this.peek();
    if (extra) throw new FilterSyntaxError(`Unexpected ')' with no matching '('`, extra.at);
    return node;
  }

  private parseOr(): FilterNode {
    const children = [this.parseAnd()];
    for (let tok = this.peek(); tok?.t === 'or'; tok = this.peek()) {
      this.pos++;
      const next = this.peek();
      if (!next || next.t === 'rparen' || next.t === 'or') {
        throw new FilterSyntaxError(`'${tok.text}' needs a term on both sides`, tok.at);
      }
      children.push(this.parseAnd());
    }
    return children.length === 1 ? (children[0] as FilterNode) : { type: 'or', children };
  }

  private parseAnd(): FilterNode {
    const children: FilterNode[] = [];
    for (;;) {
      const tok = this.peek();
      if (!tok || tok.t === 'rparen' || tok.t === 'or') break;
      if (tok.t === 'and') {
        this.pos++;
        const next = this.peek();
        if (children.length === 0 || !next || next.t === 'rparen' || next.t === 'or' || next.t === 'and') {
          throw new FilterSyntaxError(`'AND' needs a term on both sides`, tok.at);
        }
        continue;
      }
      children.push(this.parseUnary());
    }
    if (children.length === 0) {
      const tok = this.peek();
      if (tok?.t === 'or') throw new FilterSyntaxError(`'${tok.text}' needs a term on both sides`, tok.at);
      if (tok?.t === 'rparen') throw new FilterSyntaxError(`Unexpected ')' with no matching '('`, tok.at);
      throw new FilterSyntaxError('Expected a search term', tok?.at ?? this.length);
    }
    return children.length === 1 ? (children[0] as FilterNode) : { type: 'and', children };
  }

  private parseUnary(): FilterNode {
    const tok = this.peek();
    if (tok?.t === 'not') {
      this.pos++;
      const next = this.peek();
      if (!next || next.t === 'rparen' || next.t === 'or' || next.t === 'and') {
        throw new FilterSyntaxError(`'${tok.text}' needs a term after it`, tok.at);
      }
      const child = this.parseUnary();
      // Double negation is the term itself; keeping the tree flat keeps the closure cheap.
      return child.type === 'not' ? child.child : { type: 'not', child };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FilterNode {
    const tok = this.peek();
    if (!tok) throw new FilterSyntaxError('Expected a search term', this.length);
    if (tok.t === 'lparen') {
      this.pos++;
      const next = this.peek();
      if (next?.t === 'rparen') throw new FilterSyntaxError('Empty parentheses', tok.at);
      if (!next) throw new FilterSyntaxError(`Missing ')' for the '(' here`, tok.at);
      const node = this.parseOr();
      if (this.peek()?.t !== 'rparen') throw new FilterSyntaxError(`Missing ')' for the '(' here`, tok.at);
      this.pos++;
      return node;
    }
    if (tok.t === 'term') {
      this.pos++;
      return tok.node;
    }
    throw new FilterSyntaxError(`Unexpected '${tok.text}'`, tok.at);
  }
}

/** Parses a filter query. Never throws; errors carry a 0-based character offset. */
export function parseFilter(query: string): ParseResult {
  try {
    const ast = new Parser(tokenize(query), query.length).parseQuery();
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof FilterSyntaxError) return { ok: false, error: e.message, at: e.at };
    throw e;
  }
}
