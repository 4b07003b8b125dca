// Context: node (test). A session with WebSocket, SSE, a fetch stream and polling traffic is
// exported as HAR, imported again, and rebuilt: same channels (kind, URL) and the same frames.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Session } from '../../lib/store/session';
import { sessionToHarInput, loadHarIntoSession } from '../../lib/store/session-har';
import { exportHar, importHar } from '../../lib/har';
import type { UnsequencedRecord, CaptureRecord } from '../../lib/protocol/records';
import { DIR_OUT } from '../../lib/store/frame-store';

function text(data: string) {
  return { data, binary: false, size: data.length, truncated: false };
}

function sample(): CaptureRecord[] {
  const t = 1_764_000_000_000;
  const r: UnsequencedRecord[] = [
    { type: 'ws-create', t, conn: 1, url: 'ws://127.0.0.1:9/ws/chat', protocols: [] },
    { type: 'ws-open', t: t + 5, conn: 1, protocol: '', extensions: '' },
    { type: 'ws-frame', t: t + 10, conn: 1, dir: 'in', payload: text('{"type":"welcome"}') },
    { type: 'ws-frame', t: t + 20, conn: 1, dir: 'out', payload: text('hello') },
    { type: 'ws-frame', t: t + 25, conn: 1, dir: 'in', payload: { data: 'AAEC/w==', binary: true, size: 4, truncated: false } },
    { type: 'ws-close', t: t + 30, conn: 1, code: 1011, reason: 'boom', wasClean: true, by: 'server' },
    { type: 'sse-create', t: t + 1, conn: 2, url: 'http://127.0.0.1:9/sse/prices', withCredentials: false },
    { type: 'sse-open', t: t + 3, conn: 2 },
    { type: 'sse-event', t: t + 40, conn: 2, event: 'price', id: '7', payload: text('{"p":1}') },
    { type: 'sse-event', t: t + 50, conn: 2, event: 'news', id: '8', payload: text('hi') },
  ];
  for (let k = 0; k < 4; k++) {
    const s = t + k * 1000;
    const conn = 10 + k;
    r.push(
      { type: 'http-request', t: s, conn, api: 'xhr', method: 'GET', url: `http://127.0.0.1:9/api/likes?_=${s}`, headers: [] },
      {
        type: 'http-response',
        t: s + 5,
        conn,
        status: 200,
        statusText: 'OK',
        headers: [['content-type', 'application/json']],
        url: `http://127.0.0.1:9/api/likes?_=${s}`,
        eventStream: false,
      },
      { type: 'http-end', t: s + 6, conn, size: 11, body: text('{"likes":1}'), bodyHash: 'abcd', outcome: 'ok' },
    );
  }
  r.push(
    {
      type: 'http-request',
      t: t + 100,
      conn: 20,
      api: 'fetch',
      method: 'POST',
      url: 'http://127.0.0.1:9/api/chat/stream',
      headers: [['content-type', 'application/json']],
      body: text('{"prompt":"x"}'),
    },
    {
      type: 'http-response',
      t: t + 110,
      conn: 20,
      status: 200,
      statusText: 'OK',
      headers: [['content-type', 'text/event-stream']],
      url: 'http://127.0.0.1:9/api/chat/stream',
      eventStream: true,
    },
    { type: 'sse-event', t: t + 120, conn: 20, event: 'message', id: '', payload: text('{"token":"a"}') },
    { type: 'sse-event', t: t + 130, conn: 20, event: 'done', id: '', payload: text('') },
    { type: 'http-end', t: t + 140, conn: 20, size: 40, outcome: 'ok' },
  );
  return r.sort((a, b) => a.t - b.t).map((x, i) => ({ ...x, seq: i + 1 }) as CaptureRecord);
}

function shape(s: Session) {
  s.refreshPolling();
  const channels = s.channels
    .filter((c) => c.connections.length)
    .map((c) => ({ kind: c.kind, url: c.url, framesIn: c.framesIn, framesOut: c.framesOut, responses: c.responses }));
  const frames = [];
  for (let i = 0; i < s.frames.count; i++)
    frames.push([
      s.channels[s.frames.channel[i]].kind,
      s.frames.dir[i] === DIR_OUT ? 'out' : 'in',
      s.frames.eventName(i),
      s.frames.preview[i],
      s.frames.size[i],
      s.frames.time[i],
    ]);
  return { channels, frames };
}

describe('HAR round trip of a session', () => {
  it('exports and re-imports the same channels and frames', () => {
    const live = new Session();
    live.ingest(0, 'doc', 'agent', sample());
    // Exact round trip is what an unredacted export promises (redaction rewrites payload fields like "token").
    const har = exportHar(sessionToHarInput(live), { redact: false });
    const text = JSON.stringify(har);
    // Chrome's field for WebSocket messages and ours for SSE events are in the file.
    expect(text).toContain('"_webSocketMessages"');
    expect(text).toContain('"_eventSourceMessages"');
    const imported = importHar(text);
    expect(imported.ok).toBe(true);
    const again = new Session();
    loadHarIntoSession(again, imported.ok ? imported.data : { connections: [] }, 'file.har');
    expect(shape(again)).toEqual(shape(live));
    expect(
      shape(again)
        .channels.map((c) => c.kind)
        .sort(),
    ).toEqual(['fetch-stream', 'short-poll', 'sse', 'ws']);
  });

  it('opens a HAR saved by Chrome with all its WebSocket messages', () => {
    const file = readFileSync(resolve(import.meta.dirname, 'fixtures/har/chrome-websocket.har'), 'utf8');
    const harJson = JSON.parse(file) as { log: { entries: { _resourceType?: string; _webSocketMessages?: unknown[] }[] } };
    const expected = harJson.log.entries
      .filter((e) => e._resourceType === 'websocket')
      .reduce((n, e) => n + (e._webSocketMessages ?? []).filter((m) => (m as { type: string }).type !== 'error').length, 0);
    const imported = importHar(file);
    expect(imported.ok).toBe(true);
    const s = new Session();
    loadHarIntoSession(s, imported.ok ? imported.data : { connections: [] }, 'chrome.har');
    const ws = s.channels.filter((c) => c.kind === 'ws');
    expect(ws.length).toBeGreaterThan(0);
    expect(ws.reduce((n, c) => n + c.framesIn + c.framesOut, 0)).toBe(expected);
  });

  it('rejects a file that is not HAR with a clear message', () => {
    const r = importHar('{"hello": 1}');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('not-har');
  });
});
