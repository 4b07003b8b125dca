// Context: node (demo server). Scenario "chat" (聊天功能) on WebSocket /ws/chat.
// Full-duplex: the server echoes every client message to all chat clients and a bot talks on its
// own, so the panel sees both directions. Every frame RECEIVED is logged verbatim at
// GET /api/log/chat so end-to-end tests can prove a message resent from PushLens reached the server.

import { WebSocketServer } from 'ws';
import { attachChaos } from './ws-chaos.mjs';
import { sendJson } from './http-util.mjs';

const BOT_LINES = [
  'Short polling asks every second, even when nothing changed.',
  'Long polling holds the request until there is news.',
  'SSE is one-way, text only, and reconnects by itself.',
  'WebSocket is full-duplex and can carry binary frames.',
  '状态码 101 = Switching Protocols: that is how a WebSocket starts.',
  'Try flaky mode and watch the reconnects.',
  'Anyone there? 👋',
];
const LOG_CAP = 2000;
const TEXT_CAP = 2000;

/** @param {import('./context.mjs').DemoContext} ctx */
export function createChat(ctx) {
  const wss = new WebSocketServer({ noServer: true });
  /** Raw text of every received frame, oldest first (binary frames described, not decoded). */
  /** @type {string[]} */
  const log = [];
  let nextId = 1;
  let guests = 0;
  let botLine = 0;

  /** @param {Record<string, unknown>} msg */
  const broadcast = (msg) => {
    const text = JSON.stringify(msg);
    for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(text);
  };

  ctx.sched.interval(() => {
    if (wss.clients.size === 0) return;
    broadcast({ type: 'chat', from: 'bot', text: BOT_LINES[botLine++ % BOT_LINES.length], id: nextId++, ts: Date.now() });
  }, ctx.timing.chatBotMs);

  /**
   * @param {import('ws').WebSocket} ws
   * @param {import('node:http').IncomingMessage} req
   */
  const onConnection = (ws, req) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const asked = (url.searchParams.get('name') ?? '').trim().slice(0, 24);
    const name = asked || `guest-${++guests}`;
    ctx.stats.wsConnections++;
    ctx.stats.wsConnectionsTotal++;
    ws.on('close', () => ctx.stats.wsConnections--);
    ws.on('error', () => {}); // a peer reset must not crash the demo

    ws.send(JSON.stringify({ type: 'welcome', from: 'server', name, text: `Welcome to the chat, ${name}!`, id: nextId++, ts: Date.now() }));

    ws.on('message', (data, isBinary) => {
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(/** @type {any} */ (data));
      const raw = isBinary ? `[binary ${buf.length} bytes] ${buf.toString('hex')}` : buf.toString('utf8');
      log.push(raw);
      if (log.length > LOG_CAP) log.shift();
      ctx.stats.chatReceived++;

      // The page sends {"type":"chat","text":...}; plain text (e.g. typed into a generic WS tool) works too.
      let text = raw;
      if (!isBinary) {
        try {
          const parsed = JSON.parse(raw);
          if (parsed && typeof parsed.text === 'string') text = parsed.text;
        } catch {
          /* not JSON: keep the raw text */
        }
      }
      broadcast({ type: 'chat', from: name, text: text.slice(0, TEXT_CAP), id: nextId++, ts: Date.now() });
    });

    attachChaos(ctx, ws);
  };

  return {
    /**
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:stream').Duplex} socket
     * @param {Buffer} head
     */
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, req));
    },
    /**
     * GET /api/log/chat (DELETE clears it, so a test can start from a known state)
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     */
    handleLog(req, res) {
      if (req.method === 'DELETE') log.length = 0;
      sendJson(res, 200, log);
    },
    close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
