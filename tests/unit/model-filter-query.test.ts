// Context: pure model, no browser APIs. Unit tests (node) for the frame-table filter language.

import { describe, expect, it } from 'vitest';
import { compileFilter, highlightRanges, parseFilter, type FilterNode, type FilterableRow } from '../../lib/model/filter-query';

function ast(q: string): FilterNode {
  const r = parseFilter(q);
  if (!r.ok) throw new Error(`${q}: ${r.error}`);
  return r.ast;
}

function err(q: string): { error: string; at: number } {
  const r = parseFilter(q);
  if (r.ok) throw new Error(`${q} parsed but should not`);
  return { error: r.error, at: r.at };
}

const row = (over: Partial<FilterableRow> = {}): FilterableRow => ({
  dir: 'in',
  kind: 'ws',
  event: '',
  status: 0,
  size: 100,
  text: '{"type":"Chat","text":"Hello World"}',
  channel: 'wss://chat.example.com/socket',
  ...over,
});

const matches = (q: string, r: FilterableRow): boolean => compileFilter(ast(q))(r);

describe('parseFilter', () => {
  it('matches everything for an empty or blank query', () => {
    expect(ast('')).toEqual({ type: 'all' });
    expect(ast('   ')).toEqual({ type: 'all' });
    expect(matches('', row())).toBe(true);
  });

  it('builds AND, OR, NOT and groups with the usual precedence', () => {
    expect(ast('a b | c')).toEqual({
      type: 'or',
      children: [
        {
          type: 'and',
          children: [
            { type: 'text', value: 'a', at: 0 },
            { type: 'text', value: 'b', at: 2 },
          ],
        },
        { type: 'text', value: 'c', at: 6 },
      ],
    });
    expect(ast('a (b OR c)')).toMatchObject({ type: 'and', children: [{ type: 'text' }, { type: 'or' }] });
    expect(ast('-a')).toEqual({ type: 'not', child: { type: 'text', value: 'a', at: 1 } });
    expect(ast('NOT NOT a')).toEqual({ type: 'text', value: 'a', at: 8 });
    expect(ast('a AND b')).toMatchObject({ type: 'and' });
    expect(ast('a||b')).toMatchObject({ type: 'or' });
  });

  it('keeps lowercase or/and/not as words and a lone dash as text', () => {
    expect(ast('or')).toEqual({ type: 'text', value: 'or', at: 0 });
    expect(ast('-')).toEqual({ type: 'text', value: '-', at: 0 });
  });

  it('reads quoted phrases with escapes and quoted field values', () => {
    expect(ast('"hello world"')).toEqual({ type: 'text', value: 'hello world', at: 0 });
    expect(ast('"say \\"hi\\""')).toEqual({ type: 'text', value: 'say "hi"', at: 0 });
    expect(ast('event:"user joined"')).toEqual({ type: 'event', value: 'user joined', prefix: false });
    expect(ast('"type:ping"')).toEqual({ type: 'text', value: 'type:ping', at: 0 });
  });

  it('parses regexes, but treats paths as text', () => {
    expect(ast('/a|b/i')).toEqual({ type: 'regex', source: 'a|b', flags: 'i', at: 0 });
    expect(ast('/[/]x/')).toEqual({ type: 'regex', source: '[/]x', flags: '', at: 0 });
    expect(ast('/api/v1/users')).toEqual({ type: 'text', value: '/api/v1/users', at: 0 });
    expect(ast('/api')).toEqual({ type: 'text', value: '/api', at: 0 });
    expect(ast('https://x.test/a')).toEqual({ type: 'text', value: 'https://x.test/a', at: 0 });
  });

  it('parses field values', () => {
    expect(ast('dir:OUT')).toEqual({ type: 'dir', value: 'out' });
    expect(ast('kind:sse,poll')).toEqual({ type: 'kind', values: ['sse', 'long-poll', 'short-poll'] });
    expect(ast('status:404')).toEqual({ type: 'status', min: 404, max: 404 });
    expect(ast('status:5xx')).toEqual({ type: 'status', min: 500, max: 599 });
    expect(ast('status:200-299')).toEqual({ type: 'status', min: 200, max: 299 });
    expect(ast('size:>1k')).toMatchObject({ type: 'size', min: 1025 });
    expect(ast('size:<=512')).toMatchObject({ type: 'size', max: 512 });
    expect(ast('size:>=2mb')).toMatchObject({ type: 'size', min: 2 * 1024 * 1024 });
    expect(ast('size:<1.5k')).toMatchObject({ type: 'size', max: 1535 });
    expect(ast('event:user*')).toEqual({ type: 'event', value: 'user', prefix: true });
    expect(ast('CHANNEL:Chat')).toEqual({ type: 'channel', value: 'chat' });
  });

  it('keeps the AST JSON-safe', () => {
    const a = ast('size:>1k status:<500');
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('reports clear errors with positions', () => {
    expect(err('/[/')).toEqual({ error: 'Invalid regex /[/: Unterminated character class', at: 0 });
    expect(err('x /(/')).toEqual({ error: 'Invalid regex /(/: Unterminated group', at: 2 });
    expect(err('/a/ii').error).toMatch(/repeated flag/);
    const unknown = err('foo:bar');
    expect(unknown.error).toMatch(/^Unknown field 'foo:'\. Fields: dir, kind, event, status, size, channel/);
    expect(unknown.error).toContain('"foo:bar"');
    expect(err('a OR')).toEqual({ error: "'OR' needs a term on both sides", at: 2 });
    expect(err('| a').at).toBe(0);
    expect(err('a | | b').at).toBe(2);
    expect(err('(a b')).toEqual({ error: "Missing ')' for the '(' here", at: 0 });
    expect(err('a)')).toEqual({ error: "Unexpected ')' with no matching '('", at: 1 });
    expect(err('()').error).toBe('Empty parentheses');
    expect(err('x "abc').at).toBe(2);
    expect(err('""').error).toMatch(/Empty quotes/);
    expect(err('NOT').error).toBe("'NOT' needs a term after it");
    expect(err('a -)').error).toMatch(/Unexpected '\)'|needs a term/);
    expect(err('a AND').error).toMatch(/AND/);
    expect(err('dir:up').error).toBe("dir: must be in or out, not 'up'");
    expect(err('dir:').error).toMatch(/dir: needs a value/);
    expect(err('kind:smoke').error).toMatch(/^Unknown kind 'smoke'\. Kinds: ws, sse/);
    expect(err('status:abc').error).toMatch(/^status: expects/);
    expect(err('size:12q').error).toMatch(/^size: expects/);
    expect(err('size:>').error).toMatch(/^size: expects/);
  });
});

describe('compileFilter', () => {
  it('matches free text case-insensitively, including letterless needles', () => {
    expect(matches('hello', row())).toBe(true);
    expect(matches('HELLO world', row())).toBe(true);
    expect(matches('"hello world"', row())).toBe(true);
    expect(matches('"world hello"', row())).toBe(false);
    expect(matches('":"', row())).toBe(true);
    expect(matches('42', row({ text: 'n=42' }))).toBe(true);
    expect(matches('a.b', row({ text: 'axb' }))).toBe(false);
  });

  it('matches regexes with their flags, ignoring g and y state', () => {
    expect(matches('/hello/', row())).toBe(false);
    expect(matches('/hello/i', row())).toBe(true);
    const f = compileFilter(ast('/Hello/g'));
    expect([f(row()), f(row()), f(row())]).toEqual([true, true, true]);
  });

  it('matches fields', () => {
    expect(matches('dir:in', row())).toBe(true);
    expect(matches('dir:out', row())).toBe(false);
    expect(matches('kind:ws', row())).toBe(true);
    expect(matches('kind:poll', row({ kind: 'long-poll' }))).toBe(true);
    expect(matches('kind:poll', row({ kind: 'http' }))).toBe(false);
    expect(matches('event:message', row({ event: 'Message' }))).toBe(true);
    expect(matches('event:mess', row({ event: 'message' }))).toBe(false);
    expect(matches('event:mess*', row({ event: 'message' }))).toBe(true);
    expect(matches('status:4xx', row({ status: 404 }))).toBe(true);
    expect(matches('status:4xx', row({ status: 500 }))).toBe(false);
    expect(matches('status:>=500', row({ status: 503 }))).toBe(true);
    expect(matches('size:>1k', row({ size: 1024 }))).toBe(false);
    expect(matches('size:>1k', row({ size: 1025 }))).toBe(true);
    expect(matches('size:>=1k', row({ size: 1024 }))).toBe(true);
    expect(matches('size:<=512', row({ size: 512 }))).toBe(true);
    expect(matches('size:<512', row({ size: 512 }))).toBe(false);
    expect(matches('channel:CHAT.example', row())).toBe(true);
  });

  it('combines with AND, OR, NOT and groups', () => {
    const r = row({ status: 404 });
    expect(matches('hello dir:out', r)).toBe(false);
    expect(matches('hello | dir:out', r)).toBe(true);
    expect(matches('-hello', r)).toBe(false);
    expect(matches('NOT dir:out', r)).toBe(true);
    expect(matches('(dir:out OR status:404) -(kind:sse | size:>1k)', r)).toBe(true);
    expect(matches('(dir:out OR status:404) -(kind:ws | size:>1k)', r)).toBe(false);
    expect(matches('a | b | hello', r)).toBe(true);
    expect(matches('hello chat dir:in kind:ws', r)).toBe(true);
    expect(matches('hello chat dir:in kind:sse', r)).toBe(false);
  });

  it('filters 1M rows without error', () => {
    const rows: FilterableRow[] = new Array(1_000_000);
    for (let i = 0; i < rows.length; i++) {
      rows[i] = { dir: i % 2 ? 'in' : 'out', kind: 'ws', event: '', status: 0, size: i % 2048, text: `{"seq":${i},"sym":"BTC"}`, channel: 'c' };
    }
    const f = compileFilter(ast('btc dir:in -/seq":\\d*7,/ size:>=1k'));
    let n = 0;
    for (const r of rows) if (f(r)) n++;
    // Odd i, size ≥ 1024, last digit of i not 7.
    let expected = 0;
    for (let i = 1; i < rows.length; i += 2) if (i % 2048 >= 1024 && i % 10 !== 7) expected++;
    expect(n).toBe(expected);
  });
});

describe('highlightRanges', () => {
  it('marks text and regex matches, merged and sorted', () => {
    const text = 'Hello hello, HELLO world';
    expect(highlightRanges(ast('hello'), text)).toEqual([
      [0, 5],
      [6, 11],
      [13, 18],
    ]);
    expect(highlightRanges(ast('/l+o w/ hello'), text)).toEqual([
      [0, 5],
      [6, 11],
      [13, 18],
    ]);
    expect(highlightRanges(ast('/wor/ OR lo'), 'hello world')).toEqual([
      [3, 5],
      [6, 9],
    ]);
  });

  it('ignores negated terms and fields, and skips empty regex matches', () => {
    expect(highlightRanges(ast('-hello dir:in'), 'hello')).toEqual([]);
    expect(highlightRanges(ast('NOT (a OR -b)'), 'ab')).toEqual([[1, 2]]);
    expect(highlightRanges(ast('/x*/'), 'axxb')).toEqual([[1, 3]]);
    expect(highlightRanges(ast(''), 'abc')).toEqual([]);
  });

  it('treats the needle literally', () => {
    expect(highlightRanges(ast('"a.b"'), 'axb a.b')).toEqual([[4, 7]]);
  });
});
