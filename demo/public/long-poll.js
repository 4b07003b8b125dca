// Context: demo page (browser). Scenario "notifications" (消息提醒) on long polling (comet).
// fetch() with an AbortController: the request hangs on the server until news or a 204 timeout,
// then the page asks again at once. stop() aborts the hanging request and waits for the loop.

import { appendItem, bump, clock, setText, sleep } from './counters.js';

export function createLongPoll() {
  /** @type {AbortController | null} */
  let controller = null;
  /** @type {Promise<void> | null} */
  let loop = null;
  let since = 0;
  let withData = 0;
  let timeouts = 0;
  let errors = 0;
  const list = /** @type {HTMLElement} */ (document.getElementById('notifications'));

  /** @param {AbortSignal} signal */
  async function run(signal) {
    while (!signal.aborted) {
      try {
        const res = await fetch(`/api/notifications/wait?since=${since}`, { signal, cache: 'no-store' });
        bump('long-poll');
        if (res.status === 200) {
          /** @type {Array<{id: number, title: string, text: string, ts: number}>} */
          const items = await res.json();
          withData++;
          setText('lp-data', withData);
          for (const n of items) {
            since = Math.max(since, n.id);
            appendItem(
              list,
              [
                ['time', clock(n.ts)],
                ['from', n.title],
                ['', n.text],
              ],
              { max: 20, prepend: true },
            );
          }
        } else if (res.status === 204) {
          timeouts++;
          setText('lp-timeouts', timeouts);
        } else {
          // 502 in flaky mode: drain, pause briefly, then poll again.
          await res.text().catch(() => '');
          errors++;
          setText('lp-errors', errors);
          await sleep(500, signal);
        }
      } catch {
        if (signal.aborted) break;
        errors++;
        setText('lp-errors', errors);
        await sleep(1000, signal);
      }
    }
  }

  return {
    start() {
      if (controller) return;
      controller = new AbortController();
      loop = run(controller.signal);
    },
    async stop() {
      const c = controller;
      const l = loop;
      controller = null;
      loop = null;
      if (!c) return;
      c.abort();
      await l;
    },
  };
}
