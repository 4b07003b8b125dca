// Context: node (test). A real socket.io server on the test server: acks a hello, pushes a few
// events (one with binary data, which Socket.IO sends as an extra attachment packet) and then
// disconnects the client. A short ping interval puts heartbeats on both transports.
import { Server } from 'socket.io';
import type { Server as HttpServer } from 'node:http';

export function attachSocketIo(http: HttpServer): Server {
  const io = new Server(http, { pingInterval: 400, pingTimeout: 5000, serveClient: false });
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
  return io;
}
