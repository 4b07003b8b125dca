// Context: node (demo server). Wires the scenario modules into one node:http server on loopback.
// startDemoServer() is the in-process API for tests and scripts; demo/server.mjs is the CLI.
// Routing is a plain table (no framework) so every URL the page uses is visible in one place.

import http from 'node:http';
import { Scheduler } from './scheduler.mjs';
import { resolveTiming } from './timing.mjs';
import { createStats, FlakySwitch } from './context.mjs';
import { sendJson, sendText, readJson, rejectUpgrade } from './http-util.mjs';
import { serveStatic } from './static.mjs';
import { createShortPoll } from './short-poll.mjs';
import { createLongPoll } from './long-poll.mjs';
import { createChat } from './chat.mjs';
import { createDanmaku } from './danmaku.mjs';
import { createSsePrices } from './sse-prices.mjs';
import { createLlmStream } from './llm-stream.mjs';
import { handleStatus, handleSseStatus } from './status-zoo.mjs';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * @param {{ port?: number, host?: string, fast?: boolean, flaky?: boolean,
 *           timing?: Partial<import('./timing.mjs').DemoTiming>, quiet?: boolean }} [options]
 */
export async function startDemoServer(options = {}) {
  const { port = 0, host = '127.0.0.1', flaky = false } = options;
  // The demo deliberately has no auth and a fault-injection switch: never expose it off-machine.
  if (!LOOPBACK.has(host)) throw new Error(`PushLens demo only binds loopback, not ${host}`);

  const timing = resolveTiming(options);
  const sched = new Scheduler();
  const stats = createStats();
  const flakySwitch = new FlakySwitch(stats);
  /** @type {import('./context.mjs').DemoContext} */
  const ctx = { timing, sched, stats, flaky: flakySwitch };
  flakySwitch.set(flaky);
  const startedAt = Date.now();

  const shortPoll = createShortPoll(ctx);
  const longPoll = createLongPoll(ctx);
  const chat = createChat(ctx);
  const danmaku = createDanmaku(ctx);
  const sse = createSsePrices(ctx);
  const llm = createLlmStream(ctx);

  /**
   * @typedef {(req: http.IncomingMessage, res: http.ServerResponse, url: URL, m: RegExpMatchArray) => unknown} Handler
   * @type {Array<[method: string, path: RegExp, handler: Handler]>}
   */
  const routes = [
    ['GET', /^\/api\/health$/, (req, res) => sendJson(res, 200, { ok: true, uptimeMs: Date.now() - startedAt, flaky: flakySwitch.on })],
    ['GET', /^\/api\/stats$/, (req, res) => sendJson(res, 200, stats)],
    ['GET', /^\/api\/flaky$/, (req, res) => sendJson(res, 200, { on: flakySwitch.on })],
    [
      'POST',
      /^\/api\/flaky$/,
      async (req, res) => {
        const body = await readJson(req).catch(() => undefined);
        if (typeof body?.on !== 'boolean') return sendJson(res, 400, { error: 'expected {"on": true|false}' });
        flakySwitch.set(body.on);
        sendJson(res, 200, { on: flakySwitch.on });
      },
    ],
    ['GET', /^\/api\/likes$/, (req, res) => shortPoll.handleLikes(req, res)],
    ['GET', /^\/api\/notifications\/wait$/, (req, res, url) => longPoll.handleWait(req, res, url)],
    ['GET', /^\/api\/log\/chat$/, (req, res) => chat.handleLog(req, res)],
    ['DELETE', /^\/api\/log\/chat$/, (req, res) => chat.handleLog(req, res)],
    ['POST', /^\/api\/chat\/stream$/, (req, res) => llm.handleStream(req, res)],
    ['GET', /^\/sse\/prices$/, (req, res) => sse.handlePrices(req, res)],
    ['GET', /^\/sse\/status\/([\w-]+)$/, (req, res, url, m) => handleSseStatus(req, res, m[1])],
    ['GET', /^\/status\/(\d+)$/, (req, res, url, m) => handleStatus(req, res, m[1])],
    ['POST', /^\/status\/(\d+)$/, (req, res, url, m) => handleStatus(req, res, m[1])],
  ];

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      let pathMatched = false;
      for (const [method, re, handler] of routes) {
        const m = url.pathname.match(re);
        if (!m) continue;
        pathMatched = true;
        if (method !== req.method) continue;
        await handler(req, res, url, m);
        return;
      }
      if (pathMatched) return sendText(res, 405, 'Method Not Allowed\n');
      if (req.method === 'GET' || req.method === 'HEAD') return await serveStatic(req, res, url.pathname);
      sendText(res, 404, 'Not found\n');
    } catch (err) {
      if (!options.quiet) console.error('[demo] handler error', err);
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error\n');
      else res.destroy();
    }
  });

  // WebSocket routing by path (noServer mode): one upgrade listener, several endpoints.
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/ws/chat') return chat.handleUpgrade(req, socket, head);
    if (pathname === '/ws/danmaku') return danmaku.handleUpgrade(req, socket, head);
    if (pathname === '/ws/forbidden') {
      stats.forbiddenUpgrades++;
      return rejectUpgrade(socket, 403, 'Forbidden', 'This WebSocket endpoint always refuses the handshake.\n');
    }
    rejectUpgrade(socket, 404, 'Not Found', 'No WebSocket endpoint here.\n');
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing = /** @type {Promise<void> | null} */ (null);
  return {
    url: `http://${urlHost}:${address.port}/`,
    port: address.port,
    stats,
    timing,
    /** Flaky mode from code (tests) without going through HTTP. */
    setFlaky: (/** @type {boolean} */ on) => flakySwitch.set(on),
    /** Live timer count; 0 after close(). */
    get pendingTimers() {
      return sched.size;
    },
    /** Releases every timer, socket and stream. Safe to call twice. */
    close() {
      closing ??= (async () => {
        sched.closeAll();
        chat.close();
        danmaku.close();
        sse.close();
        longPoll.close();
        llm.close();
        server.closeAllConnections();
        await new Promise((resolve) => server.close(() => resolve(undefined)));
      })();
      return closing;
    },
  };
}
