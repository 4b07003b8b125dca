// Context: node (test). Plain endpoints for the zone.js page: a WebSocket echo server (greets,
// echoes), two JSON endpoints (one for fetch, one for XHR) and a chunked text stream.
import { WebSocketServer } from 'ws';
import type { TestServer } from '../server';
import { countWsFrames, runOf, type WsCounts } from '../ws-counts';

export function attachZoneServer(server: TestServer): Map<string, WsCounts> {
  const wss = new WebSocketServer({ noServer: true });
  const counts = countWsFrames(wss, runOf);
  wss.on('connection', (socket) => {
    socket.send('welcome');
    socket.on('message', (data, isBinary) => socket.send(isBinary ? data : `echo ${String(data)}`, { binary: isBinary }));
  });
  server.upgrade('/zone-ws', wss);
  const json = (body: unknown) => (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  server.route('/api/fetch-json', json({ via: 'fetch', items: [1, 2, 3] }));
  server.route('/api/xhr-json', json({ via: 'xhr', ok: true }));
  server.route('/api/stream', async (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    for (let i = 1; i <= 4; i++) {
      res.write(`chunk ${i};`);
      await new Promise((r) => setTimeout(r, 30));
    }
    res.end();
  });
  return counts;
}

export { runOf };
