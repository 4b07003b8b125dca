// Context: demo page (browser). The status zoo: on-demand requests that end in interesting HTTP
// statuses, failed EventSource responses and a refused WebSocket handshake (403), so PushLens's
// explanations of status and close codes can be seen. Not part of the counted scenarios.

import { appendItem, clock } from './counters.js';

const HTTP_CODES = [200, 204, 301, 304, 400, 401, 403, 404, 429, 500, 502, 503];
const SSE_CASES = ['200', '204', '500', 'wrong-type'];

export function createStatusZoo() {
  const log = /** @type {HTMLElement} */ (document.getElementById('zoo-log'));
  const httpRow = /** @type {HTMLElement} */ (document.getElementById('zoo-http'));
  const otherRow = /** @type {HTMLElement} */ (document.getElementById('zoo-other'));

  /** @param {string} what @param {string} result */
  const note = (what, result) =>
    appendItem(
      log,
      [
        ['time', clock(Date.now())],
        ['from', what],
        ['', result],
      ],
      { max: 30, prepend: true },
    );

  /** @param {HTMLElement} parent @param {string} label @param {string} testid @param {() => void} onClick */
  const button = (parent, label, testid, onClick) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.testid = testid;
    b.addEventListener('click', onClick);
    parent.append(b);
  };

  for (const code of HTTP_CODES) {
    button(httpRow, String(code), `zoo-http-${code}`, async () => {
      try {
        const res = await fetch(`/status/${code}`, { cache: 'no-store' });
        const body = (await res.text()).trim();
        note(
          `GET /status/${code}`,
          `${res.status}${res.redirected ? ' (after redirect)' : ''} ${res.headers.get('retry-after') ? `Retry-After: ${res.headers.get('retry-after')} ` : ''}${body}`,
        );
      } catch (err) {
        note(`GET /status/${code}`, `network error: ${/** @type {Error} */ (err).message}`);
      }
    });
  }

  for (const c of SSE_CASES) {
    button(otherRow, `SSE ${c}`, `zoo-sse-${c}`, () => {
      const es = new EventSource(`/sse/status/${c}`);
      let events = 0;
      es.onmessage = () => events++;
      // The page never sees the HTTP status of an EventSource, only error + readyState.
      es.onerror = () => {
        note(
          `EventSource /sse/status/${c}`,
          `error, readyState ${es.readyState === EventSource.CLOSED ? 'CLOSED (gave up)' : 'CONNECTING (would retry)'}, ${events} event(s)`,
        );
        es.close(); // keep the zoo one-shot even when the browser would retry
      };
    });
  }

  button(otherRow, 'WS 403', 'zoo-ws-forbidden', () => {
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/forbidden`);
    ws.onclose = (ev) => note('WebSocket /ws/forbidden', `close ${ev.code} (the 403 itself is invisible to page JS)`);
  });
}
