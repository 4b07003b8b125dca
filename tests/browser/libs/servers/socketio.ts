// Context: node (test). A real socket.io server on the test server: acks a hello, pushes a few
// events (one with binary data, which Socket.IO sends as an extra attachment packet) and then
// disconnects the client. A short ping interval puts heartbeats on both transports.
import { Server } from 'socket.io';
import type { Server as HttpServer } from 'node:http';

/** Polling requests Engine.IO answered, per run and method ("plain GET": 4). */
export type PollingCounts = Map<string, number>;

export function attachSocketIo(http: HttpServer): PollingCounts {
  const io = new Server(http, { pingInterval: 400, pingTimeout: 5000, serveClient: false });
  const polls: PollingCounts = new Map();
  // Engine.IO emits "headers" once for every response it writes, the handshake included.
  io.engine.on('headers', (_headers: unknown, req: { method?: string; url?: string }) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    if (q.get('transport') !== 'polling') return;
    const key = `${q.get('run')} ${req.method}`;
    polls.set(key, (polls.get(key) ?? 0) + 1);
  });
  io.on('connection', (socket) => {
    socket.on('hello', (msg: { n: number }, ack: (r: unknown) => void) => {
      ack({ ok: true, got: msg });
      socket.emit('tick', 1);
      socket.emit('tick', 2, { nested: ['a', 'b'] });
      socket.emit('blob', Uint8Array.from([1, 2, 3, 250]));
      socket.emit('tick', 3);
    });
    socket.on('bye', () => socket.disconnect(true));
  });
  return polls;
}
