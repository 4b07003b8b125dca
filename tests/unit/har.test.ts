// Context: node (test). HAR export/import: round trip of our own format, Chrome's WebSocket
// format (fixtures/har/chrome-websocket.har, hand-built to match the entries documented in
// /work/shared/notes/devtools-network-api.md and Chrome's HAR export: _resourceType,
// _webSocketMessages with epoch-second times, opcode, and the {type: 'error'} handshake failure),
// redaction, and the error messages for bad files.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportHar, importHar, importHarChunked, REDACTED, type HarExportInput } from '../../lib/har';

const T0 = 1763632800123.5;

function session(): HarExportInput {
  return {
    pageUrl: 'http://127.0.0.1:5173/chat',
    connections: [
      {
        api: 'ws',
        url: 'ws://127.0.0.1:5173/ws?token=s3cret&room=1',
        createdAt: T0,
        openedAt: T0 + 12.25,
        closedAt: T0 + 5000,
        protocol: 'graphql-transport-ws',
        close: { code: 1001, reason: 'going away', wasClean: true },
        requestHeaders: [
          ['Cookie', 'sid=1'],
          ['Origin', 'http://127.0.0.1:5173'],
        ],
        frames: [
          { time: T0 + 20.125, dir: 'out', opcode: 1, data: '{"type":"connection_init"}' },
          { time: T0 + 25.5, dir: 'in', opcode: 1, data: '{"type":"connection_ack"}' },
          { time: T0 + 30.001, dir: 'in', opcode: 2, data: 'AAEC/w==' },
        ],
      },
      {
        api: 'sse',
        url: 'http://127.0.0.1:5173/events',
        createdAt: T0 + 1,
        openedAt: T0 + 3,
        handshakeStatus: 200,
        events: [
          { time: T0 + 100, event: 'notice', id: '7', data: 'line1\nline2' },
          { time: T0 + 200, event: 'message', id: '', data: '{"likes":3}' },
        ],
      },
      {
        api: 'fetch',
        url: 'http://127.0.0.1:5173/api/poll?since=1',
        createdAt: T0 + 2,
        http: {
          api: 'fetch',
          method: 'POST',
          url: 'http://127.0.0.1:5173/api/poll?since=1',
          requestHeaders: [
            ['Authorization', 'Bearer abc'],
            ['Content-Type', 'application/json'],
            ['X-Api-Key', 'k'],
          ],
          requestBody: '{"since":1}',
          start: T0 + 2,
          responseAt: T0 + 30002,
          end: T0 + 30010,
          status: 200,
          statusText: 'OK',
          responseHeaders: [
            ['Content-Type', 'application/json'],
            ['Set-Cookie', 'sid=2'],
          ],
          size: 12,
          body: '{"items":[]}',
          outcome: 'ok',
          eventStream: false,
        },
      },
    ],
  };
}

describe('exportHar', () => {
  it('writes Chrome-format WebSocket entries and our SSE extension', () => {
    const har = exportHar(session(), { redact: false });
    expect(har.log.version).toBe('1.2');
    const ws = har.log.entries.find((e) => e._resourceType === 'websocket');
    expect(ws?.response.status).toBe(101);
    expect(ws?._webSocketMessages).toEqual([
      { type: 'send', time: (T0 + 20.125) / 1000, opcode: 1, data: '{"type":"connection_init"}' },
      { type: 'receive', time: (T0 + 25.5) / 1000, opcode: 1, data: '{"type":"connection_ack"}' },
      { type: 'receive', time: (T0 + 30.001) / 1000, opcode: 2, data: 'AAEC/w==' },
    ]);
    const sse = har.log.entries.find((e) => e._resourceType === 'eventsource');
    expect(sse?._eventSourceMessages?.[0]).toEqual({ time: (T0 + 100) / 1000, eventName: 'notice', eventId: '7', data: 'line1\nline2' });
    const http = har.log.entries.find((e) => e._resourceType === 'fetch');
    expect(http?.timings.wait).toBe(30000);
    expect(http?.timings.receive).toBe(8);
    expect(http?.time).toBe(30008);
    expect(http?.request.postData).toEqual({ mimeType: 'application/json', text: '{"since":1}' });
    expect(http?.request.queryString).toEqual([{ name: 'since', value: '1' }]);
  });

  it('redacts credentials in headers and URLs when asked', () => {
    const har = exportHar(session(), { redact: true });
    const text = JSON.stringify(har);
    for (const secret of ['s3cret', 'Bearer abc', 'sid=1', 'sid=2', '"k"']) expect(text).not.toContain(secret);
    const http = har.log.entries.find((e) => e._resourceType === 'fetch');
    expect(http?.request.headers.find((h) => h.name === 'Authorization')?.value).toBe(REDACTED);
    expect(http?.request.headers.find((h) => h.name === 'Content-Type')?.value).toBe('application/json');
    expect(har.log.entries[0].request.url).toContain('room=1');
    // Unredacted export keeps them.
    expect(JSON.stringify(exportHar(session(), { redact: false }))).toContain('Bearer abc');
  });
});

describe('importHar', () => {
  it('round-trips our own export exactly', () => {
    const input = session();
    const text = JSON.stringify(exportHar(input, { redact: false }));
    const r = importHar(text);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.creator).toBe('PushLens 0.1.0');
    expect(r.stats).toMatchObject({ entries: 3, websockets: 1, eventStreams: 1, http: 1, frames: 3, events: 2 });
    const byApi = (api: string) => r.data.connections.find((c) => c.api === api);
    expect(byApi('ws')).toMatchObject({
      url: input.connections[0].url,
      createdAt: T0,
      openedAt: T0 + 12.25,
      protocol: 'graphql-transport-ws',
      close: { code: 1001, reason: 'going away', wasClean: true },
      frames: input.connections[0].frames,
    });
    expect(byApi('sse')?.events).toEqual(input.connections[1].events);
    expect(byApi('fetch')?.http).toEqual(input.connections[2].http);
  });

  it('reads a Chrome HAR with _webSocketMessages, a failed handshake and unknown fields', () => {
    const text = readFileSync(new URL('./fixtures/har/chrome-websocket.har', import.meta.url), 'utf8');
    const r = importHar(text);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.creator).toBe('WebInspector 537.36');
    expect(r.skipped).toBe(0);
    const [ws, failed, sse, poll] = r.data.connections;
    expect(ws.api).toBe('ws');
    expect(ws.handshakeStatus).toBe(101);
    expect(ws.frames?.map((f) => [f.dir, f.opcode])).toEqual([
      ['in', 1],
      ['out', 1],
      ['in', 1],
      ['out', 1],
      ['in', 1],
      ['in', 2],
    ]);
    expect(ws.frames?.[0].time).toBe(1763632801004.123);
    expect(failed).toMatchObject({ api: 'ws', handshakeStatus: 0, errored: true, frames: [] });
    expect(r.warnings.join('\n')).toContain('Unexpected response code: 403');
    expect(sse).toMatchObject({ api: 'sse', handshakeStatus: 500 });
    expect(poll.http).toMatchObject({
      method: 'GET',
      status: 200,
      body: '{"items":[]}',
      responseAt: Date.parse('2025-11-20T10:00:05.000Z') + 30002,
      end: Date.parse('2025-11-20T10:00:05.000Z') + 30012,
    });
  });

  it('skips unreadable entries and unknown message types, keeping the rest', () => {
    const har = exportHar(session(), { redact: false });
    const raw = JSON.parse(JSON.stringify(har)) as { log: { entries: unknown[] } };
    raw.log.entries.push({ nothing: true }, 42);
    (raw.log.entries[0] as { _webSocketMessages: unknown[] })._webSocketMessages?.push({ type: 'ping', time: 1, opcode: 9, data: '' });
    const r = importHar(JSON.stringify(raw));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.skipped).toBe(2);
    expect(r.data.connections).toHaveLength(3);
    expect(r.warnings).toEqual(expect.arrayContaining(['entry 3 has no request.url', 'entry 4 is not an object']));
  });

  it('explains bad files', () => {
    const notJson = importHar('hello, this is a text file');
    expect(notJson).toMatchObject({ ok: false, error: { code: 'not-json' } });
    const notHar = importHar('{"log":{"version":"1.2"}}');
    expect(notHar).toMatchObject({ ok: false, error: { code: 'not-har' } });
    if (!notHar.ok) expect(notHar.error.message).toContain('"log.entries" is missing');
    expect(importHar('[1,2]')).toMatchObject({ ok: false, error: { code: 'not-har' } });
    expect(importHar('{"foo":1}')).toMatchObject({ ok: false, error: { message: expect.stringContaining('"log" field is missing') } });
    const full = JSON.stringify(exportHar(session(), { redact: false }));
    const cut = full.slice(0, 700);
    const truncated = importHar(cut);
    expect(truncated).toMatchObject({ ok: false, error: { code: 'truncated', byteOffset: 700 } });
    if (!truncated.ok) expect(truncated.error.message).toContain('near byte 700');
    const big = importHar(full, undefined, { maxBytes: 100 });
    expect(big).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('reports progress from 0 to 1', () => {
    const seen: number[] = [];
    importHar(JSON.stringify(exportHar(session(), { redact: false })), (f) => seen.push(f));
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});

describe('importHarChunked', () => {
  function bigSession(n: number): HarExportInput {
    const s = session();
    const ws = s.connections[0];
    ws.frames = Array.from({ length: n }, (_, i) => ({
      time: T0 + i,
      dir: i % 2 ? 'in' : 'out',
      opcode: 1,
      data: `{"n":${i},"s":"é—${'x'.repeat(i % 50)}"}`,
    }));
    for (let i = 0; i < n / 5; i++) s.connections.push({ ...s.connections[2], createdAt: T0 + 10 + i });
    return s;
  }

  it('gives the same result as importHar and yields to the event loop', async () => {
    const text = JSON.stringify(exportHar(bigSession(3000), { redact: false }));
    let t = 0;
    let yields = 0;
    const progress: number[] = [];
    const r = await importHarChunked(text, {
      now: () => (t += 5), // every check "takes" 5 ms, so slices end often
      yieldFn: async () => {
        yields++;
      },
      onProgress: (f) => progress.push(f),
    });
    expect(r).toEqual(importHar(text));
    expect(yields).toBeGreaterThan(5);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  }, 30_000);

  it('reports truncation, bad entries and size like the sync importer', async () => {
    const text = JSON.stringify(exportHar(session(), { redact: false }));
    const yieldFn = async (): Promise<void> => undefined;
    expect(await importHarChunked(text.slice(0, 900), { yieldFn })).toMatchObject({ ok: false, error: { code: 'truncated', byteOffset: 900 } });
    expect(await importHarChunked(text, { yieldFn, maxBytes: 10 })).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(await importHarChunked('{"log":{}}', { yieldFn })).toMatchObject({ ok: false, error: { code: 'not-har' } });
    const broken = text.replace('"startedDateTime"', '"startedDateTime" "oops"');
    expect(await importHarChunked(broken, { yieldFn })).toMatchObject({ ok: false, error: { code: 'not-json' } });
  });

  it('can be cancelled', async () => {
    const text = JSON.stringify(exportHar(bigSession(2000), { redact: false }));
    const ac = new AbortController();
    let t = 0;
    const p = importHarChunked(text, { now: () => (t += 20), signal: ac.signal, yieldFn: async () => ac.abort() });
    await expect(p).rejects.toThrow('cancelled');
  });
});
