// Context: node (tests). The client side of a demo conversation, written against the browser APIs
// (global WebSocket, EventSource, fetch) so the very same code runs against the real demo server
// (recording) and against whatever replays it (MSW handlers, pushlens-replay). It records what it
// saw as HarConnections, the shape the panel exports, so a recording can go through the panel's
// own Session → HAR path.
import type { HarConnection } from '../../lib/har';

type Ctor<T> = new (...args: never[]) => T;
interface MinimalMessageEvent {
  data: unknown;
  type: string;
  lastEventId?: string;
}

const bytesToBase64 = (b: ArrayBuffer): string => Buffer.from(b).toString('base64');

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}

/**
 * Chat: says hello on open, says "second" once its hello comes back, and waits for the server to
 * close the socket (the demo's flaky mode cuts it with a close code).
 */
function chat(origin: string): Promise<HarConnection> {
  const url = `${origin.replace(/^http/, 'ws')}/ws/chat?name=tester`;
  const WS = globalThis.WebSocket as unknown as Ctor<WebSocket>;
  const c: HarConnection = { api: 'ws', url, createdAt: Date.now(), frames: [] };
  return new Promise((resolve, reject) => {
    const sock = new (WS as unknown as new (url: string) => WebSocket)(url);
    sock.binaryType = 'arraybuffer';
    const send = (text: string) => {
      sock.send(text);
      c.frames!.push({ time: Date.now(), dir: 'out', opcode: 1, data: text });
    };
    let saidSecond = false;
    sock.addEventListener('open', () => {
      c.openedAt = Date.now();
      send(JSON.stringify({ type: 'chat', text: 'hello' }));
    });
    sock.addEventListener('message', (ev: MinimalMessageEvent) => {
      const binary = typeof ev.data !== 'string';
      c.frames!.push({ time: Date.now(), dir: 'in', opcode: binary ? 2 : 1, data: binary ? bytesToBase64(ev.data as ArrayBuffer) : String(ev.data) });
      if (!saidSecond && !binary && /"from":"tester".*"text":"hello"/.test(String(ev.data))) {
        saidSecond = true;
        send(JSON.stringify({ type: 'chat', text: 'second' }));
      }
    });
    sock.addEventListener('close', (ev: { code: number; reason: string; wasClean: boolean }) => {
      c.closedAt = Date.now();
      c.close = { code: ev.code, reason: ev.reason, wasClean: ev.wasClean };
      resolve(c);
    });
    sock.addEventListener('error', () => {
      if (c.openedAt === undefined) reject(new Error(`chat socket failed: ${url}`));
    });
  });
}

/** Danmaku: reads until the first binary stats frame, then closes (1000) itself. */
function danmaku(origin: string): Promise<HarConnection> {
  const url = `${origin.replace(/^http/, 'ws')}/ws/danmaku`;
  const c: HarConnection = { api: 'ws', url, createdAt: Date.now(), frames: [] };
  return new Promise((resolve) => {
    const sock = new (globalThis.WebSocket as unknown as new (url: string) => WebSocket)(url);
    sock.binaryType = 'arraybuffer';
    sock.addEventListener('open', () => (c.openedAt = Date.now()));
    let closing = false;
    sock.addEventListener('message', (ev: MinimalMessageEvent) => {
      // Frames already in flight when close() was called still arrive; like most apps, ignore them.
      if (closing) return;
      const binary = typeof ev.data !== 'string';
      c.frames!.push({ time: Date.now(), dir: 'in', opcode: binary ? 2 : 1, data: binary ? bytesToBase64(ev.data as ArrayBuffer) : String(ev.data) });
      if (binary) {
        closing = true;
        sock.close(1000, 'enough');
      }
    });
    sock.addEventListener('close', (ev: { code: number; reason: string; wasClean: boolean }) => {
      c.closedAt = Date.now();
      c.close = { code: ev.code, reason: ev.reason, wasClean: ev.wasClean };
      resolve(c);
    });
  });
}

/** Prices: the first `count` events (any type), then close. */
function prices(origin: string, count: number): Promise<HarConnection> {
  const url = `${origin}/sse/prices`;
  const c: HarConnection = { api: 'sse', url, createdAt: Date.now(), events: [] };
  const ES = (globalThis as unknown as { EventSource: new (url: string) => EventTarget & { close(): void } }).EventSource;
  return new Promise((resolve) => {
    const es = new ES(url);
    es.addEventListener('open', () => (c.openedAt = Date.now()));
    const on = (ev: Event) => {
      const m = ev as unknown as MinimalMessageEvent;
      if (c.events!.length >= count) return;
      c.events!.push({ time: Date.now(), event: m.type, id: m.lastEventId ?? '', data: String(m.data) });
      if (c.events!.length === count) {
        es.close();
        c.closedAt = Date.now();
        resolve(c);
      }
    };
    for (const type of ['message', 'price', 'news']) es.addEventListener(type, on);
  });
}

/** Notifications: `count` long polls in a row, each from the last id seen. */
async function notifications(origin: string, count: number): Promise<HarConnection[]> {
  const out: HarConnection[] = [];
  let since = 0;
  for (let i = 0; i < count; i++) {
    const url = `${origin}/api/notifications/wait?since=${since}`;
    const start = Date.now();
    const res = await fetch(url, { cache: 'no-store' });
    const responseAt = Date.now();
    const body = await res.text();
    const end = Date.now();
    if (res.status === 200) for (const n of JSON.parse(body) as { id: number }[]) since = Math.max(since, n.id);
    out.push({
      api: 'fetch',
      url,
      createdAt: start,
      http: {
        api: 'fetch',
        method: 'GET',
        url,
        requestHeaders: [],
        start,
        responseAt,
        end,
        status: res.status,
        statusText: res.statusText,
        responseHeaders: [...res.headers],
        body,
        size: Buffer.byteLength(body),
        outcome: 'ok',
        eventStream: false,
      },
    });
  }
  return out;
}

/** Runs the whole conversation; every part in parallel, as a page would. */
export async function runConversation(origin: string, timeoutMs = 15_000): Promise<HarConnection[]> {
  const o = origin.replace(/\/$/, '');
  const parts = await withTimeout(Promise.all([chat(o), danmaku(o), prices(o, 6), notifications(o, 3)]), timeoutMs, `the demo conversation at ${o}`);
  return parts.flat().sort((a, b) => a.createdAt - b.createdAt);
}

/** What a client saw, without times: what a replay must reproduce exactly. */
export function observed(connections: readonly HarConnection[]) {
  return connections.map((c) => ({
    api: c.api,
    path: new URL(c.url).pathname,
    received: (c.frames ?? []).filter((f) => f.dir === 'in').map((f) => `${f.opcode}:${f.data}`),
    sent: (c.frames ?? []).filter((f) => f.dir === 'out').map((f) => `${f.opcode}:${f.data}`),
    close: c.close ? `${c.close.code} ${c.close.reason}` : undefined,
    events: (c.events ?? []).map((e) => `${e.event}#${e.id}:${e.data}`),
    answer: c.http ? `${c.http.status} ${c.http.body}` : undefined,
  }));
}
