// Context: node (test). Loopback server for the equivalence probes: serves the probe page and
// scripts, and the WebSocket, SSE and HTTP endpoints they exercise. Every endpoint is
// deterministic, and what the server observes (request closed, Last-Event-ID, bytes accepted)
// is kept under a key the page chooses and can be read back from /observed?key=.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';

const PAGE_DIR = join(import.meta.dirname, 'page');

export interface ProbeServer {
  origin: string;
  /** What the server saw under a key, in order. */
  observed(key: string): unknown[];
  close(): Promise<void>;
}

export async function startProbeServer(): Promise<ProbeServer> {
  const observations = new Map<string, unknown[]>();
  const note = (key: string | null, what: unknown) => {
    if (!key) return;
    if (!observations.has(key)) observations.set(key, []);
    observations.get(key)!.push(what);
  };
  const sseVisits = new Map<string, number>();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const key = url.searchParams.get('key');
    try {
      route(url, key, req, res);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });

  const route = (url: URL, key: string | null, req: IncomingMessage, res: ServerResponse) => {
    const p = url.pathname;
    if (p === '/' || p === '/probe.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>probe</title><script src="/page/probe-lib.js"></script>');
      return;
    }
    if (p.startsWith('/page/') && /^[\w-]+\.js$/.test(p.slice(6))) {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      res.end(readFileSync(join(PAGE_DIR, p.slice(6))));
      return;
    }
    if (p === '/observed') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(observations.get(key ?? '') ?? []));
      return;
    }
    if (p === '/text') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'x-probe': 'a, b', 'cache-control': 'no-store' });
      res.end('hello text ✓');
      return;
    }
    if (p === '/json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end('{"a":1,"b":[true,null,"x"]}');
      return;
    }
    if (p === '/xml') {
      res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
      res.end('<!doctype html><html><body><p id="x">doc</p></body></html>');
      return;
    }
    if (p === '/bytes') {
      const n = Number(url.searchParams.get('n') ?? '256');
      const buf = Buffer.alloc(n);
      for (let i = 0; i < n; i++) buf[i] = (i * 7) & 255;
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(n), 'cache-control': 'no-store' });
      res.end(buf);
      return;
    }
    if (p === '/empty') {
      res.writeHead(204).end();
      return;
    }
    if (p === '/status') {
      res.writeHead(Number(url.searchParams.get('code') ?? '404'), { 'content-type': 'text/plain' });
      res.end('status body');
      return;
    }
    if (p === '/redirect') {
      res.writeHead(302, { location: url.searchParams.get('to') ?? '/text' }).end();
      return;
    }
    if (p === '/slow') {
      // Answers after a delay: XHR timeout and abort probes.
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('late'), Number(url.searchParams.get('ms') ?? '1500'));
      return;
    }
    if (p === '/chunks') {
      const n = Number(url.searchParams.get('n') ?? '5');
      const gap = Number(url.searchParams.get('gap') ?? '100');
      const type = url.searchParams.get('type') ?? 'text/plain';
      // nosniff: Chromium may hold a text/plain body back to sniff it, merging early chunks.
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      res.flushHeaders();
      let i = 0;
      const tick = () => {
        if (res.destroyed) return;
        if (i === n) return void res.end();
        res.write(type === 'text/event-stream' ? `id: ${i}\ndata: chunk ${i}\n\n` : `chunk ${i} ${'x'.repeat(i * 10)}\n`);
        i++;
        setTimeout(tick, gap);
      };
      tick();
      return;
    }
    if (p === '/hold') {
      // Sends one chunk and never ends: cancellation must reach us as a closed request.
      res.writeHead(200, { 'content-type': url.searchParams.get('type') ?? 'text/plain', 'cache-control': 'no-store' });
      res.write('first\n');
      const started = Date.now();
      note(key, 'open');
      const keepAlive = setInterval(() => res.write('.\n'), 200);
      res.on('close', () => {
        clearInterval(keepAlive);
        note(key, { closed: Date.now() - started });
      });
      return;
    }
    if (p === '/big') {
      // Streams up to `mb` MiB honouring backpressure; records how much the client accepted.
      const total = Number(url.searchParams.get('mb') ?? '64') * 1024 * 1024;
      const chunk = Buffer.alloc(64 * 1024, 97);
      let sent = 0;
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' });
      const stats = { accepted: 0, done: false };
      observations.set(key ?? 'big', [stats]);
      const pump = () => {
        while (sent < total && !res.destroyed) {
          sent += chunk.length;
          stats.accepted = sent;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (sent >= total && !stats.done) {
          stats.done = true;
          res.end();
        }
      };
      pump();
      return;
    }
    if (p === '/sse') {
      // Visit 1: retry 100, two events (one named), then ends → the source reconnects with
      // Last-Event-ID. Visit 2: one more event, ends. Visit 3: 204 → the source gives up.
      const k = key ?? 'sse';
      const visit = (sseVisits.get(k) ?? 0) + 1;
      sseVisits.set(k, visit);
      note(k, { visit, lastEventId: req.headers['last-event-id'] ?? null, accept: req.headers.accept ?? null });
      if (visit >= 3) return void res.writeHead(204).end();
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      if (visit === 1) res.end('retry: 100\nid: 7\ndata: one\ndata: two\n\n: comment\nevent: custom\ndata: named\n\nevent: other\ndata: unheard\n\n');
      else res.end('id: 8\ndata: again\n\n');
      return;
    }
    if (p === '/sse-bad') {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('no');
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  };

  const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has('chat') ? 'chat' : false) });
  // Browsers reset sockets they are done with (page closed, handshake refused): a reset is normal
  // here and must not surface as an unhandled error that fails the whole test run.
  server.on('connection', (socket) => socket.on('error', () => {}));
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => {});
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/ws-reject') {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onSocket(ws, url));
  });

  const onSocket = (ws: WebSocket, url: URL) => {
    ws.on('error', () => {});
    const key = url.searchParams.get('key');
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? '' : String(data);
      note(key, isBinary ? { binary: (data as Buffer).length } : text);
      if (text.startsWith('close:')) {
        const [, code, reason] = text.split(':');
        ws.close(Number(code), reason);
      } else if (text.startsWith('bin:')) {
        const n = Number(text.slice(4));
        const buf = Buffer.alloc(n);
        for (let i = 0; i < n; i++) buf[i] = (i * 13) & 255;
        ws.send(buf);
      } else if (text === 'burst') {
        for (let i = 0; i < 5; i++) ws.send(`b${i}`);
      } else if (text === 'terminate') {
        ws.terminate();
      } else ws.send(data, { binary: isBinary });
    });
    ws.on('close', (code, reason) => note(key, { closeCode: code, closeReason: String(reason) }));
    if (url.searchParams.get('hello')) ws.send(`hello ${url.searchParams.get('hello')}`);
  };

  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const port = (server.address() as { port: number }).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    observed: (key) => observations.get(key) ?? [],
    async close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((res) => server.close(() => res()));
    },
  };
}
