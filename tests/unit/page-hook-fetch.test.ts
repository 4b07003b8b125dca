// Context: node (unit test). The fetch hook over a stub network: fetch(url) with no init (built by
// the native from the page's own arguments, resolved without a URL object) records the same
// request a Request would describe; other calls go through a Request of ours; bodies, failures
// and re-runs are recorded as before. Node's fetch classes stand in for the browser's.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hookFetch } from '../../lib/page/hook-fetch';
import { ConnectionRegistry } from '../../lib/page/connections';
import type { Recorder } from '../../lib/page/recorder';
import { resolveLazyFields } from '../../lib/page/record-ring';
import type { CaptureRecord } from '../../lib/protocol/records';

type Rec = Record<string, unknown> & { type: string; conn: number };
const BASE = 'http://example.test/app/page.html';
const records: Rec[] = [];
const calls: unknown[][] = [];
let reply: () => Promise<Response> = async () => new Response('{"ok":1}', { headers: { 'content-type': 'application/json' } });
const registry = new ConnectionRegistry();
let nextConn = 1;

beforeAll(() => {
  // A document whose base URL the hook resolves fetch(url) against, as in a page.
  class FakeNode {
    get baseURI() {
      return BASE;
    }
  }
  Object.assign(globalThis, { Node: FakeNode, document: new FakeNode() });
  Object.defineProperty(globalThis, 'fetch', {
    configurable: true,
    writable: true,
    value: function fetch(...args: unknown[]) {
      calls.push(args);
      return reply();
    },
  });
  // Records read as a panel reads them: lazy fields (the Headers objects) resolved.
  const recorder = {
    settings: { previewBytes: 1024 },
    newConnectionId: () => nextConn++,
    emit: (r: Rec) => records.push(resolveLazyFields(r as unknown as CaptureRecord) as unknown as Rec),
  } as unknown as Recorder;
  hookFetch(recorder, registry);
});

beforeEach(() => {
  records.length = 0;
  calls.length = 0;
  reply = async () => new Response('{"ok":1}', { headers: { 'content-type': 'application/json' } });
});

const of = (conn: number) => records.filter((r) => r.conn === conn);
const request = () => records.find((r) => r.type === 'http-request')!;

describe('fetch hook', () => {
  it('fetch(path): the native gets the page’s own string; the record is what a Request would say', async () => {
    const res = await fetch('/api/x?y=1#f');
    expect(calls).toEqual([['/api/x?y=1#f']]);
    expect(request()).toMatchObject({ api: 'fetch', url: 'http://example.test/api/x?y=1#f', method: 'GET', headers: [], body: undefined });
    const viaRequest = new Request(new URL('/api/x?y=1#f', BASE));
    expect(request().url).toBe(viaRequest.url);
    expect(await res.text()).toBe('{"ok":1}');
    const conn = request().conn;
    expect(of(conn).map((r) => r.type)).toEqual(['http-request', 'http-response', 'http-end']);
    expect(of(conn)[2]).toMatchObject({ size: 8, outcome: 'ok', body: { data: '{"ok":1}' } });
    expect(registry.get(conn)?.closed).toBe(true);
  });

  it('resolves other plain URLs with the parser, still without a Request', async () => {
    await (await fetch('rel/a b?q=é')).text();
    await (await fetch('/a/../b')).text();
    await (await fetch('https://other.test')).text();
    expect(calls.map((c) => typeof c[0])).toEqual(['string', 'string', 'string']);
    expect(records.filter((r) => r.type === 'http-request').map((r) => r.url)).toEqual([
      'http://example.test/app/rel/a%20b?q=%C3%A9',
      'http://example.test/b',
      'https://other.test/',
    ]);
  });

  it('calls with an init (or a non-string input) go through a Request of ours, init read once', async () => {
    const gets: string[] = [];
    const init = new Proxy(
      { method: 'POST', body: 'abc', headers: { 'x-a': '1' } },
      { get: (t, k, r) => (gets.push(String(k)), Reflect.get(t, k, r)) },
    );
    // Node's Request has no document to resolve against: an absolute URL here.
    await (await fetch('http://example.test/p', init)).text();
    expect(calls[0][0]).toBeInstanceOf(Request);
    expect(new Set(gets).size).toBe(gets.length);
    expect(request()).toMatchObject({ url: 'http://example.test/p', method: 'POST', body: { data: 'abc' } });
    expect(request().headers).toContainEqual(['x-a', '1']);
    records.length = 0;
    await (await fetch(new URL('http://example.test/u'))).text();
    expect(calls[1][0]).toBeInstanceOf(Request);
    expect(request()).toMatchObject({ url: 'http://example.test/u', method: 'GET', headers: [] });
  });

  it('leaves URLs the native refuses to the Request path, which rejects as before', async () => {
    await expect(fetch('http://u:p@example.test/')).rejects.toThrow(TypeError);
    await expect(fetch('http://[::1')).rejects.toThrow(TypeError);
    expect(calls).toEqual([]);
    expect(records).toEqual([]);
  });

  it('records a network failure', async () => {
    reply = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(fetch('/down')).rejects.toThrow('Failed to fetch');
    expect(records.map((r) => r.type)).toEqual(['http-request', 'http-end']);
    expect(records[1]).toMatchObject({ outcome: 'error', error: 'TypeError: Failed to fetch' });
  });

  it('follows a body the page reads chunk by chunk, and event streams', async () => {
    reply = async () => new Response('data: a\n\ndata: b\n\n', { headers: { 'content-type': 'text/event-stream' } });
    const reader = (await fetch('/sse')).body!.getReader();
    while (!(await reader.read()).done);
    expect(records.filter((r) => r.type === 'sse-event').map((r) => (r.payload as { data: string }).data)).toEqual(['a', 'b']);
    expect(records.at(-1)).toMatchObject({ type: 'http-end', outcome: 'ok' });
  });

  it('re-runs a request with the page’s own arguments, recorded as a new exchange with its body', async () => {
    await (await fetch('/again?n=1')).text();
    registry.get(request().conn)!.rerun!();
    expect(calls).toEqual([['/again?n=1'], ['/again?n=1']]);
    await new Promise((r) => setTimeout(r, 20));
    const requests = records.filter((r) => r.type === 'http-request');
    expect(requests.map((r) => r.url)).toEqual(['http://example.test/again?n=1', 'http://example.test/again?n=1']);
    const end = of(requests[1].conn).find((r) => r.type === 'http-end')!;
    expect(end).toMatchObject({ outcome: 'ok', size: 8, body: { data: '{"ok":1}' } });
  });
});
