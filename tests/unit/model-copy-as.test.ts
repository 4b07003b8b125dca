// Context: node (test). Copy-as commands must survive quotes and drop browser-owned headers.
import { describe, expect, it } from 'vitest';
import { shellQuote, toCurl, toFetch, toWebsocat } from '../../lib/model/copy-as';

describe('copy as', () => {
  it('quotes single quotes for the shell', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
  it('builds a cURL command with method, headers and body', () => {
    const cmd = toCurl({
      method: 'POST',
      url: 'http://127.0.0.1/api?a=1',
      headers: [
        ['content-type', 'application/json'],
        ['host', 'x'],
        ['x-note', "Bob's"],
      ],
      body: '{"q":"it\'s"}',
    });
    expect(cmd).toBe(
      `curl 'http://127.0.0.1/api?a=1' -X 'POST' -H 'content-type: application/json' -H 'x-note: Bob'\\''s' --data-raw '{"q":"it'\\''s"}'`,
    );
  });
  it('leaves -X out for a plain GET', () => {
    expect(toCurl({ method: 'GET', url: 'http://h/', headers: [] })).toBe(`curl 'http://h/'`);
  });
  it('builds a fetch() call that parses back to the same request', () => {
    const code = toFetch({
      method: 'PUT',
      url: 'http://h/x',
      headers: [
        ['accept', 'text/plain'],
        ['content-length', '3'],
      ],
      body: 'abc',
    });
    const m = /^fetch\(("[^"]*"), ([\s\S]*)\);$/.exec(code)!;
    expect(JSON.parse(m[1])).toBe('http://h/x');
    expect(JSON.parse(m[2])).toEqual({ method: 'PUT', headers: { accept: 'text/plain' }, body: 'abc', credentials: 'include' });
  });
  it('builds a websocat command with subprotocols', () => {
    expect(toWebsocat('ws://127.0.0.1:1/ws', ['graphql-transport-ws'])).toBe(`websocat --protocol 'graphql-transport-ws' 'ws://127.0.0.1:1/ws'`);
  });
});
