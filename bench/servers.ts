// Context: node (bench). Flood servers on 127.0.0.1 for `npm run bench`: the bench page, a
// WebSocket flood, an SSE flood and a tiny fetch endpoint. Floods are pre-encoded into one buffer
// per shape and written in one go, so the server costs almost nothing and the browser, not node,
// is what gets measured (the machine has 2 cores shared by node, Chromium and the extension).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { createHash } from 'node:crypto';
import { BENCH_PAGE } from './page';
import { FRAME_PAGE, iframesPage, blankFramesPage } from './load-pages';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface BenchServer {
  url: string;
  host: string;
  /** The same server under a second loopback host name: another site, for cross-origin iframes. */
  otherOrigin: string;
  close(): Promise<void>;
}

/** Message i of a flood: ASCII, exactly `size` bytes, unique per i (so filters and counts are meaningful). */
export function floodMessage(i: number, size: number): string {
  const head = `{"i":${i},"p":"`;
  const tail = '"}';
  return head + 'x'.repeat(Math.max(0, size - head.length - tail.length)) + tail;
}

const cache = new Map<string, Buffer>();
function cached(key: string, build: () => Buffer): Buffer {
  let b = cache.get(key);
  if (!b) cache.set(key, (b = build()));
  return b;
}

/** Unmasked server→client text frames (RFC 6455 §5.2), payload < 64 KiB. */
function wsFrames(n: number, size: number, from = 0): Buffer {
  const parts: Buffer[] = [];
  for (let i = from; i < from + n; i++) {
    const payload = Buffer.from(floodMessage(i, size));
    const head = payload.length < 126 ? Buffer.from([0x81, payload.length]) : Buffer.from([0x81, 126, payload.length >> 8, payload.length & 0xff]);
    parts.push(head, payload);
  }
  return Buffer.concat(parts);
}

function sseEvents(n: number, size: number, from = 0): Buffer {
  const parts: string[] = [];
  for (let i = from; i < from + n; i++) parts.push(`data: ${floodMessage(i, size)}\n\n`);
  return Buffer.from(parts.join(''));
}

function params(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? '/', 'http://x').searchParams;
}

function num(p: URLSearchParams, name: string, dflt: number): number {
  const v = Number(p.get(name));
  return Number.isFinite(v) && v > 0 ? v : dflt;
}

/**
 * WebSocket upgrade on any /ws path. Query: n, size, and rate (frames/s; 0 = as fast as possible).
 * The flood starts when the page sends its first frame ("go"), so the page's clock starts first.
 * ack=1: answer the page's close frame and hang up, so the socket really closes at once (without
 * it Chromium waits out its closing-handshake timeout, ~60 s, before DevTools sees it finish).
 */
function onUpgrade(req: IncomingMessage, socket: Socket): void {
  const key = req.headers['sec-websocket-key'];
  if (typeof key !== 'string') return void socket.destroy();
  const accept = createHash('sha1')
    .update(key + WS_GUID)
    .digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  socket.setNoDelay(true);
  const p = params(req);
  const n = num(p, 'n', 1000);
  const size = num(p, 'size', 100);
  const rate = num(p, 'rate', 0);
  const ack = p.get('ack') === '1';
  let started = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  socket.on('data', (data: Buffer) => {
    if (started) {
      // Later frames: the page's close frame (opcode 8). Echo code 1000 and hang up when asked to.
      if (ack && (data[0] & 0x0f) === 0x8) {
        if (timer) clearInterval(timer);
        socket.end(Buffer.from([0x88, 0x02, 0x03, 0xe8]));
      }
      return;
    }
    started = true;
    if (!rate) return void socket.write(cached(`ws ${n} ${size}`, () => wsFrames(n, size)));
    // Paced: a chunk every 10 ms keeps the rate steady without a timer per frame.
    let sent = 0;
    const t0 = Date.now();
    timer = setInterval(() => {
      const due = Math.min(n, Math.round(((Date.now() - t0) / 1000) * rate));
      if (due > sent) {
        socket.write(wsFrames(due - sent, size, sent));
        sent = due;
      }
      if (sent >= n) clearInterval(timer);
    }, 10);
  });
  socket.on('error', () => {});
  socket.on('close', () => timer && clearInterval(timer));
}

export async function startBenchServer(): Promise<BenchServer> {
  const sockets = new Set<Socket>();
  let otherOrigin = '';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/' || path === '/bench.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(BENCH_PAGE);
    }
    if (path === '/frame.html' || path === '/iframes50.html' || path === '/blank200.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      if (path === '/frame.html') return void res.end(FRAME_PAGE);
      return void res.end(path === '/blank200.html' ? blankFramesPage(200) : iframesPage(otherOrigin, 50));
    }
    if (path.startsWith('/sse')) {
      const p = params(req);
      const n = num(p, 'n', 1000);
      const size = num(p, 'size', 100);
      const rate = num(p, 'rate', 0);
      // end=1 (fetch streams): finish the response. Otherwise left open: the page closes the EventSource once it counted every event (no reconnect).
      const end = p.get('end') === '1';
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      if (!rate) {
        res.write(cached(`sse ${n} ${size}`, () => sseEvents(n, size)));
        if (end) res.end();
        return;
      }
      // Paced like the WebSocket flood: every 10 ms, the events due by then.
      let sent = 0;
      const t0 = Date.now();
      const timer = setInterval(() => {
        const due = Math.min(n, Math.round(((Date.now() - t0) / 1000) * rate));
        if (due > sent) {
          res.write(sseEvents(due - sent, size, sent));
          sent = due;
        }
        if (sent >= n) {
          clearInterval(timer);
          if (end) res.end();
        }
      }, 10);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (path.startsWith('/longline')) {
      // One event whose data line is `bytes` long, written `chunk` bytes at a time with a turn of
      // the event loop between writes, so the page gets it in many small reads.
      const p = params(req);
      const bytes = num(p, 'bytes', 8 * 1024 * 1024);
      const chunk = Buffer.alloc(num(p, 'chunk', 4096), 'x');
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write('data: ');
      let sent = 0;
      const next = () => {
        if (res.destroyed) return;
        if (sent >= bytes) return void res.end('\n\n');
        const part = sent + chunk.length <= bytes ? chunk : chunk.subarray(0, bytes - sent);
        sent += part.length;
        if (res.write(part)) setImmediate(next);
        else res.once('drain', next);
      };
      return next();
    }
    if (path.startsWith('/f')) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return void res.end(`{"ok":true,"i":${JSON.stringify(params(req).get('i') ?? '')}}`);
    }
    res.writeHead(404).end();
  });
  server.keepAliveTimeout = 60_000;
  server.on('upgrade', (req, socket) => onUpgrade(req, socket as Socket));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const port = (server.address() as { port: number }).port;
  // "localhost" is loopback too (Chromium never asks DNS for it) but another site than 127.0.0.1.
  otherOrigin = `http://localhost:${port}`;
  return {
    otherOrigin,
    url: `http://127.0.0.1:${port}/bench.html`,
    host: `127.0.0.1:${port}`,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((res) => server.close(() => res()));
    },
  };
}
