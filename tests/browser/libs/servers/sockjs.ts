// Context: node (test). A real sockjs server under /echo: greets each session, echoes messages,
// and on "bye" closes the session with its own close frame (code 3001).
import sockjs from 'sockjs';
import type { Server as HttpServer } from 'node:http';

export function attachSockjs(http: HttpServer): void {
  const echo = sockjs.createServer({ prefix: '/echo', log: () => {} });
  echo.on('connection', (conn) => {
    if (!conn) return; // sockjs emits null for sessions closed before they opened
    conn.write('welcome');
    conn.on('data', (msg: string) => {
      if (msg === 'bye') conn.close(3001, 'bye bye');
      else conn.write(`echo ${msg}`);
    });
  });
  echo.installHandlers(http);
}
