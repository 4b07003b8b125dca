// Context: node (test). A `ws` server that drops the first connection of each run and library
// (a TCP reset, close 1006 for the page) once the page has acknowledged its greeting; the second
// connection answers "bye" with "ok". Paths: /drop/<library>?run=<run>.
import { WebSocketServer } from 'ws';
import type { TestServer } from '../server';
import { countWsFrames, runOf, type WsCounts } from '../ws-counts';

export function attachDropServer(server: TestServer, libraries: readonly string[]): Map<string, WsCounts> {
  const wss = new WebSocketServer({ noServer: true });
  const keyOf = (req: { url?: string }) => `${new URL(req.url ?? '/', 'http://x').pathname} ${runOf(req as never)}`;
  const counts = countWsFrames(wss, keyOf);
  wss.on('connection', (socket, req) => {
    const attempt = counts.get(keyOf(req))!.connections;
    socket.send(`hello ${attempt}`);
    socket.on('message', (data) => {
      const msg = String(data);
      // Terminate only after the page got the greeting: a reset may discard unsent data.
      if (msg === 'ack 1') socket.terminate();
      else if (msg === 'bye') socket.send('ok');
    });
  });
  for (const lib of libraries) server.upgrade(`/drop/${lib}`, wss);
  return counts;
}
