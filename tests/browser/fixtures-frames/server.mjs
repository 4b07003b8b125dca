// Context: node (browser tests: frames, workers, hostile input). One loopback HTTP + WebSocket
// server for the fixture pages in ./public. It is reachable as 127.0.0.1 and as localhost, which
// the browser treats as two origins: that is how the tests get a cross-origin iframe without DNS.
//  - /ws/<name>      WebSocket: sends "hello <name>", echoes text and binary; special names below.
//  - /sse/<name>     EventSource stream: three events then stays open.
//  - /sse/paced?n=N  EventSource stream: N `price` events, 10 ms apart, then stays open.
//  - /api/<name>     small JSON (any method; sent once the request body is read).
//  - /hang/<name>    reads the request body and never answers (a request that never finishes).
//  - /longline/<name>  an event stream of one 8 MB data line written 4 KB at a time, then "end".
//  - /csp/<file>     a file of ./public served with `Content-Security-Policy: script-src 'self'`.
//  - /<file>         a file of ./public (html, js, mjs).
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';
import { WebSocketServer } from 'ws';

const PUBLIC = join(import.meta.dirname, 'public');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript' };
const STRICT_CSP = "script-src 'self'";

export async function startFixtureServer() {
  /** Frames each /ws/<name> socket received, for "the page's socket got nothing injected" checks. */
  const received = new Map();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/sse/paced') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      const n = Math.min(1000, Number(url.searchParams.get('n')) || 10);
      let i = 0;
      const tick = setInterval(() => {
        i++;
        res.write(`event: price\nid: ${i}\ndata: p${i}\n\n`);
        if (i >= n) clearInterval(tick);
      }, 10);
      req.on('close', () => clearInterval(tick));
      return;
    }
    if (url.pathname.startsWith('/sse/')) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
      for (let i = 1; i <= 3; i++) res.write(`id: ${i}\ndata: tick ${i} ${url.pathname}\n\n`);
      const keep = setInterval(() => res.write(': keep-alive\n\n'), 1000);
      req.on('close', () => clearInterval(keep));
      return;
    }
    if (url.pathname.startsWith('/hang/')) return void req.resume();
    if (url.pathname.startsWith('/longline/')) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write('data: ');
      const chunk = Buffer.alloc(4096, 'x');
      let left = 2048;
      const next = () => {
        if (res.destroyed) return;
        if (left-- === 0) return void res.end('\n\ndata: end\n\n');
        if (res.write(chunk)) setImmediate(next);
        else res.once('drain', next);
      };
      return next();
    }
    if (url.pathname.startsWith('/api/')) {
      // Answer once the body is read: answering first leaves a large upload stalled for ~1 s.
      req.resume();
      return void req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
        res.end(JSON.stringify({ ok: true, path: url.pathname }));
      });
    }
    let rel = url.pathname === '/' ? '/index.html' : url.pathname;
    const csp = rel.startsWith('/csp/');
    if (csp) rel = rel.slice(4);
    const file = normalize(join(PUBLIC, rel));
    if (!file.startsWith(PUBLIC)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (csp) headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!path.startsWith('/ws/')) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => onSocket(ws, path.slice(4)));
  });
  const onSocket = (ws, name) => {
    const list = received.get(name) ?? [];
    received.set(name, list);
    ws.on('message', (data, isBinary) => {
      list.push(isBinary ? `(binary ${data.length})` : String(data).slice(0, 200));
      if (name.startsWith('big') || name.startsWith('burst')) return; // these answer a command, see below
      ws.send(data, { binary: isBinary });
    });
    if (name.startsWith('big')) {
      // 16 MB text, 16 MB binary, and a frame of invalid UTF-8 sent as binary (text frames must be valid).
      ws.on('message', () => {
        ws.send('x'.repeat(16 * 1024 * 1024));
        ws.send(Buffer.alloc(16 * 1024 * 1024, 7));
        ws.send(Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]));
        ws.send('done');
      });
      return;
    }
    if (name.startsWith('burst')) {
      // 50,000 small frames as fast as the socket takes them.
      ws.on('message', (data) => {
        if (String(data) !== 'go') return;
        for (let i = 0; i < 50_000; i++) ws.send(`b${i}`);
        ws.send('burst-done');
      });
      return;
    }
    ws.send(`hello ${name}`);
  };
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const port = server.address().port;
  return {
    port,
    /** Origin A. */
    url: `http://127.0.0.1:${port}`,
    /** Origin B: same server, another origin for the browser. */
    otherUrl: `http://localhost:${port}`,
    received,
    async close() {
      for (const c of wss.clients) c.terminate();
      server.closeAllConnections?.();
      await new Promise((r) => server.close(r));
    },
  };
}
