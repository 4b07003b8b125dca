// Context: node (demo server). Scenario "live data" (实时更新数据) on Server-Sent Events /sse/prices.
// Shows the SSE features the article lists against WebSocket: custom event types (`price`, `news`),
// built-in reconnect (`retry:`), and resuming via the Last-Event-ID header the browser sends back.

import { randInt } from './timing.mjs';

const SYMBOLS = ['BTC', 'ETH', 'AAPL', 'TSLA', 'USD/CNY'];
const HEADLINES = [
  'Markets open higher',
  'Tech stocks rally on earnings',
  'Central bank holds rates',
  'Crypto volatility spikes',
  'Yuan steady against the dollar',
];

/** @param {import('./context.mjs').DemoContext} ctx */
export function createSsePrices(ctx) {
  // Shared random walk so a reconnecting client continues the same price series.
  /** @type {Record<string, number>} */
  const prices = { BTC: 64000, ETH: 3400, AAPL: 190, TSLA: 240, 'USD/CNY': 7.2 };
  let headline = 0;
  /** @type {Set<import('node:http').ServerResponse>} */
  const open = new Set();

  /**
   * GET /sse/prices
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  function handlePrices(req, res) {
    const last = Number.parseInt(String(req.headers['last-event-id'] ?? ''), 10);
    const resumedFrom = Number.isFinite(last) && last >= 0 ? last : null;
    let id = resumedFrom ?? 0;
    /** undefined = no budget yet; decided per connection when flaky mode is on */
    /** @type {number | undefined} */
    let budget;

    ctx.stats.sseConnections++;
    ctx.stats.sseConnectionsTotal++;
    open.add(res);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write(`retry: ${ctx.timing.sseRetryMs}\n\n`);

    /** @param {string | null} type null = unnamed ("message") event @param {unknown} data */
    const send = (type, data) => {
      if (res.writableEnded || res.destroyed) return;
      id++;
      res.write(`id: ${id}\n${type ? `event: ${type}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
      ctx.stats.sseEventsSent++;
      // Flaky mode: end the stream after a few events; EventSource reconnects with Last-Event-ID.
      if (ctx.flaky.on) {
        budget = (budget ?? randInt(ctx.timing.flakySseMinEvents, ctx.timing.flakySseMaxEvents)) - 1;
        if (budget <= 0) res.end();
      } else budget = undefined;
    };

    const timers = [
      ctx.sched.interval(() => {
        const symbol = SYMBOLS[randInt(0, SYMBOLS.length - 1)];
        const before = prices[symbol];
        const after = Math.max(0.01, before * (1 + (Math.random() - 0.5) * 0.01));
        prices[symbol] = after;
        const digits = after < 100 ? 4 : 2;
        send('price', { symbol, price: Number(after.toFixed(digits)), change: Number((after - before).toFixed(digits)) });
      }, ctx.timing.ssePriceMs),
      ctx.sched.interval(() => send('news', { headline: HEADLINES[headline++ % HEADLINES.length], ts: Date.now() }), ctx.timing.sseNewsMs),
      // Comment lines keep proxies from timing out an idle stream; EventSource ignores them.
      ctx.sched.interval(() => {
        if (!res.writableEnded) res.write(': ping\n\n');
      }, ctx.timing.sseHeartbeatMs),
    ];

    res.on('close', () => {
      for (const t of timers) ctx.sched.clear(t);
      open.delete(res);
      ctx.stats.sseConnections--;
    });

    send(null, { hello: 'prices stream', resumedFrom });
  }

  return {
    handlePrices,
    close() {
      for (const res of open) res.destroy();
    },
  };
}
