// Context: node (test runner). Unit tests for the demo server (demo/server/*.mjs), started
// in-process on a free loopback port with compressed timings, exercised with node's fetch and the
// `ws` client. Each server is closed in afterAll/finally and must leave no timers behind.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startDemoServer, type DemoServer, type DemoServerOptions } from '../../demo/server/index.mjs';

interface SseEvent {
  type: string;
  id: string | null;
  data: string;
}

/** Minimal text/event-stream parser over a fetch body; stops after `max` events or when `until` says so. */
async function readSse(
  res: Response,
  { max = Infinity, until }: { max?: number; until?: (events: SseEvent[]) => boolean } = {},
): Promise<{ events: SseEvent[]; raw: string; ended: boolean; reader: ReadableStreamDefaultReader<Uint8Array> }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let raw = '';
  let buf = '';
  let ended = false;
  while (events.length < max && !(until && until(events))) {
    const { value, done } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    const text = decoder.decode(value, { stream: true });
    raw += text;
    buf += text;
    let end;
    while ((end = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, end);
      buf = buf.slice(end + 2);
      let type = 'message';
      let id: string | null = null;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') type = value;
        else if (field === 'id') id = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length) events.push({ type, id, data: data.join('\n') });
    }
  }
  return { events, raw, ended, reader };
}

async function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

function openWs(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Collects messages from the moment of connection (so the welcome message is never missed). */
function collectingWs(url: string) {
  const ws = new WebSocket(url);
  const messages: Array<{ data: Buffer; isBinary: boolean }> = [];
  ws.on('message', (data, isBinary) => messages.push({ data: data as Buffer, isBinary }));
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on('error', () => {});
  return { ws, messages, opened, closed };
}

async function withServer<T>(opts: DemoServerOptions, fn: (s: DemoServer) => Promise<T>): Promise<T> {
  const s = await startDemoServer({ fast: true, quiet: true, ...opts });
  try {
    return await fn(s);
  } finally {
    await s.close();
    expect(s.pendingTimers).toBe(0);
  }
}

describe('demo server', () => {
  let demo: DemoServer;
  let base: string;
  let wsBase: string;

  beforeAll(async () => {
    demo = await startDemoServer({ fast: true, quiet: true });
    base = demo.url;
    wsBase = base.replace(/^http/, 'ws');
  });

  afterAll(async () => {
    await demo.close();
    expect(demo.pendingTimers).toBe(0);
  });

  it('binds loopback only and serves the page', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await expect(startDemoServer({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
    const page = await fetch(base);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<title>PushLens demo — realtime push techniques</title>');
    for (const id of ['short-poll', 'long-poll', 'chat', 'danmaku', 'sse', 'llm']) {
      expect(html).toContain(`data-testid="count-${id}"`);
    }
    const js = await fetch(`${base}main.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    await js.text();
    expect((await fetch(`${base}..%2fserver%2findex.mjs`)).status).toBe(404);
    const health = await (await fetch(`${base}api/health`)).json();
    expect(health.ok).toBe(true);
  });

  it('short polling: JSON {likes, notices} that changes only every 5th poll', async () => {
    const bodies: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${base}api/likes?_=${Date.now()}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      bodies.push(await res.text());
    }
    const parsed = JSON.parse(bodies[0]);
    expect(typeof parsed.likes).toBe('number');
    expect(typeof parsed.notices).toBe('number');
    const changes = bodies.filter((b, i) => i > 0 && b !== bodies[i - 1]).length;
    expect(changes).toBe(2); // polls 5 and 10
  });

  it('long polling: answers with notifications newer than `since`', async () => {
    const t0 = Date.now();
    const res = await fetch(`${base}api/notifications/wait?since=999999`);
    expect(Date.now() - t0).toBeLessThan(demo.timing.longPollTimeoutMs + 500);
    expect([200, 204]).toContain(res.status);
    if (res.status === 200) {
      const list = await res.json();
      expect(list.length).toBeGreaterThan(0);
      expect(list[0]).toMatchObject({ id: expect.any(Number), title: expect.any(String), text: expect.any(String) });
    }
    await waitFor(() => demo.stats.notificationsProduced >= 2);
    const all = await (await fetch(`${base}api/notifications/wait?since=0`)).json();
    const ids = all.map((n: { id: number }) => n.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => a - b));
  });

  it('long polling: 204 after the timeout when nothing happens, and aborted waits are forgotten', async () => {
    await withServer({ timing: { notifyMinMs: 60_000, notifyMaxMs: 60_000, longPollTimeoutMs: 150 } }, async (s) => {
      const t0 = Date.now();
      const res = await fetch(`${s.url}api/notifications/wait?since=0`);
      expect(res.status).toBe(204);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(140);

      const ac = new AbortController();
      const pending = fetch(`${s.url}api/notifications/wait?since=0`, { signal: ac.signal }).catch((e) => e);
      await waitFor(() => s.stats.longPollsWaiting === 1);
      ac.abort();
      await pending;
      await waitFor(() => s.stats.longPollsWaiting === 0);
    });
  });

  it('chat: welcome, echo to all clients, bot messages, and a verbatim log of received frames', async () => {
    const a = collectingWs(`${wsBase}ws/chat?name=alice`);
    const b = collectingWs(`${wsBase}ws/chat`);
    await Promise.all([a.opened, b.opened]);
    await waitFor(() => a.messages.length >= 1 && b.messages.length >= 1);
    const welcome = JSON.parse(a.messages[0].data.toString());
    expect(welcome).toMatchObject({ type: 'welcome', name: 'alice' });

    const frame = JSON.stringify({ type: 'chat', text: 'hello 你好 <b>' });
    a.ws.send(frame);
    a.ws.send('plain text frame');
    const isEcho = (m: { data: Buffer }, text: string) => {
      const msg = JSON.parse(m.data.toString());
      return msg.type === 'chat' && msg.from === 'alice' && msg.text === text;
    };
    await waitFor(() => b.messages.some((m) => isEcho(m, 'hello 你好 <b>')) && b.messages.some((m) => isEcho(m, 'plain text frame')));
    const echo = JSON.parse(b.messages.find((m) => isEcho(m, 'hello 你好 <b>'))!.data.toString());
    expect(echo).toMatchObject({ id: expect.any(Number), ts: expect.any(Number) });

    await waitFor(() => a.messages.some((m) => JSON.parse(m.data.toString()).from === 'bot'));

    const log: string[] = await (await fetch(`${base}api/log/chat`)).json();
    expect(log).toContain(frame);
    expect(log).toContain('plain text frame');
    // Resending the same frame (what PushLens's "resend" does) shows up twice.
    a.ws.send(frame);
    await waitFor(() => demo.stats.chatReceived >= 3);
    const log2: string[] = await (await fetch(`${base}api/log/chat`)).json();
    expect(log2.filter((t) => t === frame)).toHaveLength(2);

    a.ws.close(1000);
    b.ws.close(1000);
    await Promise.all([a.closed, b.closed]);
  });

  it('danmaku: bursts of JSON bullet comments plus 8-byte binary frames; accepts comments', async () => {
    const c = collectingWs(`${wsBase}ws/danmaku`);
    await c.opened;
    await waitFor(() => c.messages.some((m) => m.isBinary) && c.messages.filter((m) => !m.isBinary).length >= 5);
    const text = c.messages.find((m) => !m.isBinary)!;
    expect(JSON.parse(text.data.toString())).toMatchObject({
      type: 'danmaku',
      text: expect.any(String),
      color: expect.stringMatching(/^#/),
      ts: expect.any(Number),
    });
    expect(c.messages.find((m) => m.isBinary)!.data.length).toBe(8);

    c.ws.send(JSON.stringify({ text: 'my bullet', color: '#123456' }));
    await waitFor(() => c.messages.some((m) => !m.isBinary && JSON.parse(m.data.toString()).text === 'my bullet'));
    c.ws.close(1000);
    await c.closed;
  });

  it('/ws/forbidden refuses the upgrade with HTTP 403', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`${wsBase}ws/forbidden`);
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
        ws.terminate();
      });
      ws.on('open', () => reject(new Error('should not open')));
      ws.on('error', () => {});
    });
    expect(status).toBe(403);
    expect(demo.stats.forbiddenUpgrades).toBeGreaterThanOrEqual(1);
  });

  it('SSE prices: retry, named events with increasing ids, resume after Last-Event-ID', async () => {
    const ac = new AbortController();
    const res = await fetch(`${base}sse/prices`, { signal: ac.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const { events, raw } = await readSse(res, {
      until: (ev) => ev.some((e) => e.type === 'news') && ev.filter((e) => e.type === 'price').length >= 3,
    });
    ac.abort();
    expect(raw.startsWith('retry: ')).toBe(true);
    expect(events[0].type).toBe('message'); // hello
    const ids = events.map((e) => Number(e.id));
    expect(ids).toEqual(ids.map((_, i) => i + 1));
    const price = JSON.parse(events.find((e) => e.type === 'price')!.data);
    expect(price).toMatchObject({ symbol: expect.any(String), price: expect.any(Number) });

    const ac2 = new AbortController();
    const res2 = await fetch(`${base}sse/prices`, { signal: ac2.signal, headers: { 'Last-Event-ID': '41' } });
    const resumed = await readSse(res2, { max: 3 });
    ac2.abort();
    expect(resumed.events.map((e) => e.id)).toEqual(['42', '43', '44']);
    expect(JSON.parse(resumed.events[0].data)).toMatchObject({ resumedFrom: 41 });
    await waitFor(() => demo.stats.sseConnections === 0);
  });

  it('SSE prices: sends ": ping" heartbeat comments', async () => {
    const ac = new AbortController();
    const res = await fetch(`${base}sse/prices`, { signal: ac.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let raw = '';
    while (!raw.includes('\n: ping\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      raw += decoder.decode(value, { stream: true });
    }
    ac.abort();
    expect(raw).toContain('\n: ping\n');
  });

  it('LLM fetch stream: 20–40 token events, then `done`', async () => {
    const before = demo.stats.streamsFinished;
    const res = await fetch(`${base}api/chat/stream`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ prompt: 'How does WebSocket work?' }),
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const { events, ended } = await readSse(res);
    expect(ended).toBe(true);
    const tokens = events.filter((e) => e.type === 'message').map((e) => JSON.parse(e.data).token);
    expect(tokens.length).toBeGreaterThanOrEqual(20);
    expect(tokens.length).toBeLessThanOrEqual(40);
    expect(tokens.join('')).toMatch(/^WebSocket/);
    expect(events.at(-1)!.type).toBe('done');
    await waitFor(() => demo.stats.streamsFinished === before + 1);
  });

  it('LLM fetch stream: cancelling the reader early counts as streamsClosedEarly', async () => {
    const { streamsOpened, streamsClosedEarly } = demo.stats;
    const res = await fetch(`${base}api/chat/stream`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ prompt: 'sse' }),
    });
    const { events, reader } = await readSse(res, { max: 2 });
    expect(events).toHaveLength(2);
    await reader.cancel();
    await waitFor(() => demo.stats.streamsClosedEarly === streamsClosedEarly + 1);
    expect(demo.stats.streamsOpened).toBe(streamsOpened + 1);
    const stats = await (await fetch(`${base}api/stats`)).json();
    expect(stats).toMatchObject({
      streamsClosedEarly: streamsClosedEarly + 1,
      wsConnections: expect.any(Number),
      sseConnections: expect.any(Number),
    });
  });

  it('status zoo: answers the requested status codes', async () => {
    for (const code of [200, 400, 401, 403, 404, 500, 502]) {
      const res = await fetch(`${base}status/${code}`);
      expect(res.status).toBe(code);
      expect(await res.text()).toContain(String(code));
    }
    for (const code of [429, 503]) {
      const res = await fetch(`${base}status/${code}`);
      expect(res.status).toBe(code);
      expect(res.headers.get('retry-after')).toBe('2');
      await res.text();
    }
    const noContent = await fetch(`${base}status/204`);
    expect(noContent.status).toBe(204);
    const moved = await fetch(`${base}status/301`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/status/200');
    const notModified = await fetch(`${base}status/304`);
    expect(notModified.status).toBe(304);
    expect((await fetch(`${base}status/99`)).status).toBe(400);

    const sse204 = await fetch(`${base}sse/status/204`);
    expect(sse204.status).toBe(204);
    const sse500 = await fetch(`${base}sse/status/500`);
    expect(sse500.status).toBe(500);
    await sse500.text();
    const wrong = await fetch(`${base}sse/status/wrong-type`);
    expect(wrong.status).toBe(200);
    expect(wrong.headers.get('content-type')).toMatch(/^text\/plain/);
    await wrong.text();
  });

  it('flaky toggle via POST /api/flaky', async () => {
    expect((await (await fetch(`${base}api/flaky`)).json()).on).toBe(false);
    const bad = await fetch(`${base}api/flaky`, { method: 'POST', body: '{"on":"yes"}' });
    expect(bad.status).toBe(400);
    await bad.text();
    const on = await fetch(`${base}api/flaky`, { method: 'POST', body: JSON.stringify({ on: true }) });
    expect(await on.json()).toEqual({ on: true });
    expect(demo.stats.flaky).toBe(true);
    const off = await fetch(`${base}api/flaky`, { method: 'POST', body: JSON.stringify({ on: false }) });
    expect(await off.json()).toEqual({ on: false });
  });
});

describe('demo server in flaky mode', () => {
  it('cuts WebSockets with 1011, 1001, 4001 and an abrupt close (1006), in rotation', async () => {
    await withServer({ flaky: true }, async (s) => {
      const codes: number[] = [];
      const reasons: string[] = [];
      for (let i = 0; i < 4; i++) {
        const c = collectingWs(`${s.url.replace(/^http/, 'ws')}ws/${i % 2 ? 'danmaku' : 'chat'}`);
        await c.opened;
        const { code, reason } = await c.closed;
        codes.push(code);
        reasons.push(reason);
      }
      expect(codes).toEqual([1011, 1001, 4001, 1006]);
      expect(reasons.slice(0, 3)).toEqual(['flaky mode: simulated server error', 'going away', 'custom app close']);
      expect(s.stats.flakyCloses).toBe(4);
    });
  });

  it('turning flaky on arms open sockets; turning it off disarms them', async () => {
    await withServer({}, async (s) => {
      const c = collectingWs(`${s.url.replace(/^http/, 'ws')}ws/chat`);
      await c.opened;
      s.setFlaky(true);
      s.setFlaky(false);
      await new Promise((r) => setTimeout(r, s.timing.flakyMaxMs + 100));
      expect(c.ws.readyState).toBe(WebSocket.OPEN);
      s.setFlaky(true);
      expect((await c.closed).code).toBe(1011);
    });
  });

  it('ends SSE streams after a few events and answers long polls 502', async () => {
    await withServer({ flaky: true, timing: { flaky502Rate: 1 } }, async (s) => {
      const res = await fetch(`${s.url}sse/prices`);
      const { events, ended } = await readSse(res);
      expect(ended).toBe(true);
      expect(events.length).toBeGreaterThanOrEqual(s.timing.flakySseMinEvents);
      expect(events.length).toBeLessThanOrEqual(s.timing.flakySseMaxEvents);

      // The browser would reconnect with Last-Event-ID; the sequence continues.
      const lastId = events.at(-1)!.id!;
      const ac = new AbortController();
      const again = await fetch(`${s.url}sse/prices`, { headers: { 'Last-Event-ID': lastId }, signal: ac.signal });
      const next = await readSse(again, { max: 1 });
      ac.abort();
      expect(Number(next.events[0].id)).toBe(Number(lastId) + 1);

      const lp = await fetch(`${s.url}api/notifications/wait?since=0`);
      expect(lp.status).toBe(502);
      await lp.text();
    });
  });
});

describe('demo server close()', () => {
  it('releases timers and ends open WebSockets, SSE streams, long polls and LLM streams', async () => {
    const s = await startDemoServer({
      fast: true,
      quiet: true,
      timing: { longPollTimeoutMs: 60_000, notifyMinMs: 60_000, notifyMaxMs: 60_000, llmTokenMinMs: 50, llmTokenMaxMs: 50 },
    });
    const ws = collectingWs(`${s.url.replace(/^http/, 'ws')}ws/chat`);
    await ws.opened;
    const sse = await fetch(`${s.url}sse/prices`);
    const sseRead = readSse(sse).catch(() => ({ ended: true }));
    const lp = fetch(`${s.url}api/notifications/wait?since=0`).then(
      (r) => r.status,
      () => 'network error',
    );
    const llm = await fetch(`${s.url}api/chat/stream`, { method: 'POST', body: '{"prompt":"x"}' });
    const llmRead = readSse(llm).catch(() => ({ ended: true }));
    await waitFor(() => s.stats.longPollsWaiting === 1 && s.stats.sseConnections === 1);

    await s.close();
    expect(s.pendingTimers).toBe(0);
    expect((await ws.closed).code).toBe(1006);
    expect((await sseRead).ended).toBe(true);
    expect(await lp).toBe('network error');
    expect((await llmRead).ended).toBe(true);
    await s.close(); // idempotent
  });
});
