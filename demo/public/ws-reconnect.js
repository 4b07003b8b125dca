// Context: demo page (browser). A WebSocket that reconnects itself, as real apps must
// (the article: "WebSocket 需要自己实现断线重连"). Backoff 500 ms × 2^n capped at 8 s with jitter,
// reset after a successful open. stop() closes with 1000 and resolves only after the close event,
// so no message can arrive (and be counted) after it resolves.

const BASE_MS = 500;
const CAP_MS = 8000;
const STOP_WAIT_MS = 5000;

/**
 * @param {object} opts
 * @param {string} opts.path               e.g. '/ws/chat'
 * @param {(ev: MessageEvent) => void} opts.onMessage
 * @param {(text: string) => void} opts.onState
 * @param {(n: number) => void} opts.onReconnect
 * @param {boolean} [opts.useOnProperty]   chat uses `ws.onmessage =`, danmaku addEventListener, so
 *                                         PushLens's hooks are exercised both ways
 */
export function createReconnectingSocket({ path, onMessage, onState, onReconnect, useOnProperty = false }) {
  let running = false;
  let attempt = 0;
  let reconnects = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {WebSocket | null} */
  let ws = null;
  /** @type {Promise<unknown> | null} */
  let closed = null;
  /** @type {Array<() => void>} */
  let openWaiters = [];

  const url = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;

  function connect() {
    timer = undefined;
    const sock = new WebSocket(url());
    sock.binaryType = 'arraybuffer';
    ws = sock;
    closed = new Promise((resolve) => sock.addEventListener('close', resolve, { once: true }));
    onState('connecting');

    sock.addEventListener('open', () => {
      attempt = 0;
      onState('open');
      const waiters = openWaiters;
      openWaiters = [];
      for (const w of waiters) w();
    });
    if (useOnProperty) sock.onmessage = onMessage;
    else sock.addEventListener('message', onMessage);
    sock.addEventListener('close', (ev) => {
      if (ws === sock) ws = null;
      onState(`closed ${ev.code}${ev.reason ? ` “${ev.reason}”` : ''}${ev.wasClean ? '' : ' (not clean)'}`);
      if (running) scheduleReconnect();
    });
  }

  function scheduleReconnect() {
    const base = Math.min(CAP_MS, BASE_MS * 2 ** attempt);
    attempt++;
    // "Equal jitter": half fixed, half random, so many tabs don't reconnect in lockstep.
    const delay = Math.round(base / 2 + Math.random() * (base / 2));
    onState(`reconnecting in ${(delay / 1000).toFixed(1)} s`);
    timer = setTimeout(() => {
      reconnects++;
      onReconnect(reconnects);
      connect();
    }, delay);
  }

  return {
    start() {
      if (running) return;
      running = true;
      attempt = 0;
      connect();
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      timer = undefined;
      const sock = ws;
      const done = closed;
      openWaiters = [];
      if (!sock || sock.readyState === WebSocket.CLOSED) return;
      if (sock.readyState !== WebSocket.CLOSING) sock.close(1000, 'stopped by page');
      // Bounded wait: a server that never answers the close frame must not hang stopAll().
      await Promise.race([done, new Promise((r) => setTimeout(r, STOP_WAIT_MS))]);
    },
    /**
     * Sends now if open; waits (up to `waitMs`) while connecting. Resolves whether it was sent.
     * @param {string | ArrayBuffer} data
     * @param {number} [waitMs]
     */
    async send(data, waitMs = 5000) {
      if (!(ws && ws.readyState === WebSocket.OPEN) && running) {
        await new Promise((resolve) => {
          const t = setTimeout(resolve, waitMs);
          openWaiters.push(() => {
            clearTimeout(t);
            resolve(undefined);
          });
        });
      }
      if (ws && ws.readyState === WebSocket.OPEN) {
        ws.send(data);
        return true;
      }
      return false;
    },
  };
}
