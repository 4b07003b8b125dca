// Context: demo page (browser). Per-scenario receive counters shown in the page.
// Why they exist: end-to-end tests compare these numbers with what the PushLens panel captured,
// so each counter is bumped at exactly the point where the page's own code receives a message.

/** @typedef {'short-poll' | 'long-poll' | 'chat' | 'danmaku' | 'sse' | 'llm'} Scenario */

/** @type {readonly Scenario[]} */
export const SCENARIOS = ['short-poll', 'long-poll', 'chat', 'danmaku', 'sse', 'llm'];

/** @type {Record<Scenario, number>} */
const counts = { 'short-poll': 0, 'long-poll': 0, chat: 0, danmaku: 0, sse: 0, llm: 0 };

/** @param {string} testid */
export function byTestId(testid) {
  return /** @type {HTMLElement | null} */ (document.querySelector(`[data-testid="${testid}"]`));
}

/** @param {string} testid @param {string | number} text */
export function setText(testid, text) {
  const el = byTestId(testid);
  if (el) el.textContent = String(text);
}

/** Per scenario, counts by message type (SSE event name, chat message type), for filter tests. */
/** @type {Record<string, Record<string, number>>} */
const typeCounts = {};

/** @param {Scenario} scenario @param {string} [type] */
export function bump(scenario, type) {
  counts[scenario]++;
  setText(`count-${scenario}`, counts[scenario]);
  if (type !== undefined) {
    const byType = (typeCounts[scenario] ??= {});
    byType[type] = (byType[type] ?? 0) + 1;
  }
}

/** @returns {Record<Scenario, number>} */
export function snapshot() {
  return { ...counts };
}

/** @returns {Record<string, Record<string, number>>} */
export function typeSnapshot() {
  return JSON.parse(JSON.stringify(typeCounts));
}

/**
 * Appends a text-only list item and keeps the list bounded. Received data is never parsed as HTML.
 * @param {HTMLElement} list
 * @param {Array<[className: string, text: string]>} parts
 * @param {{ max?: number, prepend?: boolean }} [opts]
 */
export function appendItem(list, parts, { max = 100, prepend = false } = {}) {
  const li = document.createElement('li');
  for (const [cls, text] of parts) {
    const span = document.createElement('span');
    if (cls) span.className = cls;
    span.textContent = text;
    li.append(span);
  }
  if (prepend) list.prepend(li);
  else list.append(li);
  while (list.children.length > max) (prepend ? list.lastElementChild : list.firstElementChild)?.remove();
  if (!prepend) list.scrollTop = list.scrollHeight;
}

/** @param {number} ts */
export function clock(ts) {
  return new Date(ts).toLocaleTimeString();
}

/**
 * setTimeout as a promise that ends early (resolves) when the signal aborts.
 * @param {number} ms
 * @param {AbortSignal} [signal]
 */
export function sleep(ms, signal) {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(undefined);
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve(undefined);
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
