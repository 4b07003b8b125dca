// Context: node (the pushlens-replay CLI and tests). A loopback server that plays a ReplayScript:
// WebSocket paths send their recorded server messages (segment k after the k-th client message),
// SSE paths stream their recorded events, HTTP endpoints answer in recorded sequence with the
// recorded hold times. Paths are matched without origin or query, since the page now talks to us.
// It serves recorded data to the browser that asked for it, so it binds loopback only.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { pathOf, sseEventText, type Endpoint, type HttpAnswer, type ReplayScript, type SseStep, type WsStep } from '../export/script';

export interface ReplayServerOptions {
  port?: number;
  /** Delays are divided by this (2 = twice as fast). */
  speed?: number;
  /**
   * Start every sequence again when it runs out. Without it, a used-up WebSocket opens and stays
   * silent, an EventSource gets 204 (stop reconnecting) and an HTTP endpoint repeats its last answer.
   */
  loop?: boolean;
  /** Serve files from this folder for GET paths the recording does not have (e.g. the demo page). */
  staticDir?: string;
}

export interface ReplayServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Close codes a server may put in a close frame; others (1005, 1006, 1015…) mean "no frame". */
const sendableCode = (code: number): boolean =>
  (code >= 1000 && code <= 1014 && ![1004, 1005, 1006].includes(code)) || (code >= 3000 && code <= 4999);

/** The n-th use of an endpoint: its n-th recording; undefined once they are used up (from the start again with loop). */
function picker<T>(list: T[], loop: boolean): () => T | undefined {
  let n = 0;
  return () => {
    if (list.length === 0) return undefined;
    const i = n++;
    if (i < list.length) return list[i];
    return loop ? list[i % list.length] : undefined;
  };
}

export async function startReplayServer(script: ReplayScript, options: ReplayServerOptions = {}): Promise<ReplayServer> {
  const speed = options.speed && options.speed > 0 ? options.speed : 1;
  const loop = options.loop ?? false;
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  const sleep = (ms: number): Promise<void> =>
    new Promise((res) => {
      if (ms <= 0) return res();
      const t = setTimeout(() => {
        timers.delete(t);
        res();
      }, ms / speed);
      timers.add(t);
    });

  const ws = new Map<
    string,
    { ep: Extract<Endpoint, { kind: 'ws' }>; next: () => Extract<Endpoint, { kind: 'ws' }>['recordings'][number] | undefined }
  >();
  const sse = new Map<string, { next: () => Extract<Endpoint, { kind: 'sse' }>['recordings'][number] | undefined }>();
  const httpEps = new Map<string, { last: HttpAnswer; next: () => HttpAnswer | undefined }>();
  for (const ep of script.endpoints) {
    const path = pathOf(ep.url);
    if (ep.kind === 'ws' && !ws.has(path)) ws.set(path, { ep, next: picker(ep.recordings, loop) });
    else if (ep.kind === 'sse' && !sse.has(path)) sse.set(path, { next: picker(ep.recordings, loop) });
    else if (ep.kind === 'http' && !httpEps.has(`${ep.method} ${path}`) && ep.answers.length > 0)
      httpEps.set(`${ep.method} ${path}`, { last: ep.answers[ep.answers.length - 1], next: picker(ep.answers, loop) });
  }
  const lastWs = (path: string) => ws.get(path)?.ep.recordings.at(-1);

  const streamEvents = async (res: http.ServerResponse, events: readonly SseStep[]): Promise<void> => {
    for (const e of events) {
      await sleep(e.delay);
      if (closed || res.destroyed) return;
      res.write(sseEventText(e));
    }
  };

  const serveStatic = async (res: http.ServerResponse, pathname: string): Promise<boolean> => {
    if (!options.staticDir) return false;
    const root = resolve(options.staticDir) + sep;
    let rel: string;
    try {
      rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    } catch {
      return false;
    }
    const file = normalize(join(root, rel));
    if (!file.startsWith(root) || rel.includes('\0')) return false;
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(body);
      return true;
    } catch {
      return false;
    }
  };

  const server = http.createServer(async (req, res) => {
    res.on('error', () => {});
    const pathname = new URL(req.url ?? '/', 'http://replay.invalid').pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    const s = method === 'GET' ? sse.get(pathname) : undefined;
    if (s) {
      const rec = s.next();
      // 204 tells an EventSource to stop reconnecting: the recording is over.
      if (!rec) return void res.writeHead(204).end();
      res.writeHead(rec.status, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' });
      if (rec.status !== 200) return void res.end();
      res.flushHeaders();
      await streamEvents(res, rec.events);
      if (rec.ends) res.end();
      return;
    }
    const h = httpEps.get(`${method} ${pathname}`);
    if (h) {
      const a = h.next() ?? h.last;
      await sleep(a.delay);
      if (closed || res.destroyed) return;
      const headers: [string, string][] = a.headers.filter(([k]) => k.toLowerCase() !== 'set-cookie');
      if (a.statusText) res.writeHead(a.status, a.statusText, headers.flat());
      else res.writeHead(a.status, headers.flat());
      if (a.events) {
        res.flushHeaders();
        await streamEvents(res, a.events);
        return void res.end();
      }
      if (a.status === 204 || a.status === 304 || a.body === undefined || method === 'HEAD') return void res.end();
      return void res.end(a.bodyBinary ? Buffer.from(a.body, 'base64') : a.body);
    }
    if ((method === 'GET' || method === 'HEAD') && (await serveStatic(res, pathname))) return;
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Not in the recording: ${method} ${pathname}\n`);
  });

  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered, req) => {
      const path = new URL(req.url ?? '/', 'http://replay.invalid').pathname;
      const p = lastWs(path)?.protocol;
      return p && offered.has(p) ? p : false;
    },
  });

  const play = async (sock: WebSocket, steps: readonly WsStep[]): Promise<void> => {
    for (const step of steps) {
      await sleep(step.delay);
      if (closed || sock.readyState !== sock.OPEN) return;
      if ('close' in step) {
        if (sendableCode(step.close.code)) sock.close(step.close.code, step.close.reason);
        else sock.terminate(); // no close frame: the page sees 1006, as recorded
        return;
      }
      if (step.opcode === 2) sock.send(Buffer.from(step.data, 'base64'), { binary: true });
      else sock.send(step.data, { binary: false });
    }
  };

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const path = new URL(req.url ?? '/', 'http://replay.invalid').pathname;
    const entry = ws.get(path);
    if (!entry) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    // Once the recordings are used up (a page reconnecting after the recorded close), the socket
    // opens and stays silent: replaying again would show the page messages that never happened.
    const rec = entry.next();
    wss.handleUpgrade(req, socket, head, (sock) => {
      sock.on('error', () => {});
      if (!rec) return;
      let chain = play(sock, rec.segments[0] ?? []);
      let received = 0;
      sock.on('message', () => {
        const seg = rec.segments[++received];
        if (seg) chain = chain.then(() => play(sock, seg));
      });
    });
  });

  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', rej);
      res();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close() {
      closing ??= (async () => {
        closed = true;
        for (const t of timers) clearTimeout(t);
        timers.clear();
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.closeAllConnections();
        await new Promise<void>((r) => server.close(() => r()));
      })();
      return closing;
    },
  };
}
