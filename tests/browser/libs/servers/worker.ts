// Context: node (test). Endpoints for the worker page: the classic worker's script, a WebSocket
// echo server (greets, echoes) and a JSON endpoint, all used from inside dedicated workers.
import { WebSocketServer } from 'ws';
import type { TestServer } from '../server';
import { countWsFrames, runOf, type WsCounts } from '../ws-counts';

/**
 * What each worker does: a WebSocket exchange and a fetch, then it reports to the page. Its name
 * carries who it is, the run and the page's origin (a blob: worker has no base URL to resolve against).
 */
export const WORKER_SCRIPT = `
const cfg = JSON.parse(self.name);
const got = [];
const ws = new WebSocket(cfg.origin.replace(/^http/, 'ws') + '/worker-ws?run=' + encodeURIComponent(cfg.run));
ws.onmessage = async (e) => {
  got.push(String(e.data));
  if (got.length === 1) return ws.send('ping from ' + cfg.who);
  ws.close(1000, 'done');
  const r = await fetch(cfg.origin + '/api/worker-json?who=' + cfg.who);
  self.postMessage({ who: cfg.who, ws: got, json: await r.json() });
};
`;

export function attachWorkerServer(server: TestServer): Map<string, WsCounts> {
  const wss = new WebSocketServer({ noServer: true });
  const counts = countWsFrames(wss, runOf);
  wss.on('connection', (socket) => {
    socket.send('welcome');
    socket.on('message', (data) => socket.send(`echo ${String(data)}`));
  });
  server.upgrade('/worker-ws', wss);
  server.route('/worker-script.js', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
    res.end(WORKER_SCRIPT);
  });
  server.route('/api/worker-json', (_req, res, url) => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ via: 'worker', who: url.searchParams.get('who') }));
  });
  return counts;
}
