// Context: node (test). Counts the WebSocket messages a `ws` server exchanged, per run, so a test
// can compare them with the frame count PushLens shows. Must be installed before the library's
// own 'connection' listener so that the wrapped send() is the one the library calls.
import type { IncomingMessage } from 'node:http';
import type { WebSocketServer, WebSocket } from 'ws';

export interface WsCounts {
  connections: number;
  /** Messages the server received = frames the page sent. */
  in: number;
  /** Messages the server sent = frames the page received. */
  out: number;
}

export function countWsFrames(wss: WebSocketServer, keyOf: (req: IncomingMessage) => string): Map<string, WsCounts> {
  const counts = new Map<string, WsCounts>();
  wss.on('connection', (socket: WebSocket, req: IncomingMessage) => {
    const key = keyOf(req);
    let c = counts.get(key);
    if (!c) counts.set(key, (c = { connections: 0, in: 0, out: 0 }));
    const mine = c;
    mine.connections++;
    socket.on('message', () => mine.in++);
    const send = socket.send.bind(socket) as (...a: unknown[]) => void;
    socket.send = ((...args: unknown[]) => {
      mine.out++;
      send(...args);
    }) as WebSocket['send'];
  });
  return counts;
}

/** The `run` query parameter of a request: each page run gets its own. */
export function runOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://x').searchParams.get('run') ?? '';
}
