// Context: demo page (browser). Scenario "live data" (实时更新数据) on Server-Sent Events.
// The browser reconnects an EventSource by itself (sending Last-Event-ID); the page only steps in
// when the EventSource gives up (readyState CLOSED), e.g. the server was down.

import { bump, setText } from './counters.js';

export function createSse() {
  const ticker = /** @type {HTMLElement} */ (document.getElementById('ticker'));
  /** @type {Map<string, {price: HTMLElement, change: HTMLElement}>} */
  const rows = new Map();
  /** @type {EventSource | null} */
  let es = null;
  let running = false;
  let opens = 0;
  let giveUps = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  /** @param {MessageEvent} ev */
  function received(ev) {
    bump('sse', ev.type);
    if (ev.lastEventId) setText('sse-last-id', ev.lastEventId);
  }

  /** @param {string} symbol */
  function row(symbol) {
    let r = rows.get(symbol);
    if (!r) {
      const tr = document.createElement('tr');
      const name = document.createElement('td');
      name.textContent = symbol;
      const price = document.createElement('td');
      const change = document.createElement('td');
      tr.append(name, price, change);
      ticker.append(tr);
      r = { price, change };
      rows.set(symbol, r);
    }
    return r;
  }

  function open() {
    timer = undefined;
    const source = new EventSource('/sse/prices');
    es = source;
    setText('state-sse', 'connecting');
    source.onopen = () => {
      opens++;
      // Every open after the first is a reconnect, whether the browser or this code made it.
      if (opens > 1) setText('reconnects-sse', opens - 1);
      giveUps = 0;
      setText('state-sse', 'open');
    };
    // Unnamed events arrive as "message" (here: the hello event); onmessage property on purpose.
    source.onmessage = received;
    source.addEventListener('price', (ev) => {
      received(ev);
      try {
        const { symbol, price, change } = JSON.parse(ev.data);
        const r = row(String(symbol));
        r.price.textContent = String(price);
        r.change.textContent = `${change >= 0 ? '▲' : '▼'} ${Math.abs(change)}`;
        r.change.className = change >= 0 ? 'up' : 'down';
      } catch {
        /* ignore malformed */
      }
    });
    source.addEventListener('news', (ev) => {
      received(ev);
      try {
        setText('news', String(JSON.parse(ev.data).headline));
      } catch {
        /* ignore malformed */
      }
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CONNECTING) {
        setText('state-sse', 'reconnecting (browser, Last-Event-ID)');
        return;
      }
      // CLOSED: the browser will not retry (HTTP error, wrong content type). Retry ourselves.
      source.close();
      if (es === source) es = null;
      if (!running) return;
      const delay = Math.min(8000, 1000 * 2 ** giveUps++);
      setText('state-sse', `failed; reopening in ${(delay / 1000).toFixed(1)} s`);
      timer = setTimeout(open, delay);
    };
  }

  return {
    start() {
      if (running) return;
      running = true;
      opens = 0;
      open();
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      timer = undefined;
      // close() is synchronous: no event is dispatched after it returns.
      es?.close();
      es = null;
      setText('state-sse', 'stopped');
    },
  };
}
