// Context: node (bench). What the real DevTools panel does with a flood: frames per second from
// page to the panel's Session (and how many never arrived), the longest main-thread task in the
// panel while it ingests a steady 10k frames/s and when a long WebSocket closes, and how long a
// panel opened on a page that already holds 100k buffered records takes to have them all.
import { openBenchBrowser, pageFlood, showPanel, settlePanel, clearPanel, type BenchBrowser, type FloodResult } from './browsers';
import { median } from './stats';
import { waitFor } from '../tests/harness/cdp';
import type { RawBrowser } from './launch';

// Floods here are SSE events in a fetch() body: with DevTools open, Chromium's own per-message
// network instrumentation caps a page at a few thousand WebSocket messages per second on this
// machine, which would measure DevTools, not PushLens. The hook turns each event into a record
// exactly like a WebSocket frame.

export interface ThroughputResult {
  frames: number;
  /** Frames per second from the page's first frame to the last one in the panel's Session. */
  framesPerSec: number[];
  lost: number[];
  /** Page-side receive rate for the same flood, for reference (the page is not throttled by us). */
  pageFramesPerSec: number[];
}

/** Installs a watcher in the panel that notes (wall clock) when the channel `tag` reaches `n` frames. */
async function watchPanel(b: BenchBrowser, tag: string, n: number): Promise<void> {
  await b.panel!.evaluate(`(() => {
    const s = globalThis.__pushlens.session;
    const w = globalThis.__benchWatch = { doneAt: 0 };
    const id = setInterval(() => {
      let frames = 0;
      for (const c of s.channels) if (c.url.includes(${JSON.stringify(tag)})) frames += c.framesIn;
      if (frames >= ${n}) { w.doneAt = Date.now(); clearInterval(id); }
    }, 5);
  })()`);
}

export async function measureThroughput(
  b: BenchBrowser,
  rounds: number,
  n: number,
  size: number,
  log: (s: string) => void,
): Promise<ThroughputResult> {
  const out: ThroughputResult = { frames: n, framesPerSec: [], lost: [], pageFramesPerSec: [] };
  for (let r = 0; r < rounds; r++) {
    const tag = `tput-${r}-`;
    await clearPanel(b);
    await watchPanel(b, tag, n);
    const page = await pageFlood(b, 'stream', n, size, `${tag}stream`);
    const got = await settlePanel(b, tag, n, 20_000);
    const doneAt = await b.panel!.evaluate<number>(`globalThis.__benchWatch.doneAt`);
    const lost = page.count - got.frames;
    const fps = doneAt ? n / ((doneAt - page.startedAt!) / 1000) : 0;
    out.framesPerSec.push(fps);
    out.lost.push(lost);
    out.pageFramesPerSec.push(n / (page.ms / 1000));
    log(`  throughput round ${r}: ${Math.round(fps)} frames/s into the panel (page alone ${Math.round(n / (page.ms / 1000))}/s), lost ${lost}`);
  }
  await clearPanel(b);
  return out;
}

export interface LongTaskResult {
  rate: number;
  seconds: number;
  /** Longest main-thread task while the events stream in (PerformanceObserver 'longtask', ≥ 50 ms). */
  longestTaskMs: number;
  longTasks: number;
  /** Longest gap between two 0 ms timers in the same window: main-thread blocking as a user feels it. */
  maxTimerGapMs: number;
  /**
   * Probe health: how long the window really was and how many times the timer probe ran in it.
   * The old probe reported 0 ms for everything: its window was timed from the stream's start (a
   * slow channel selection left none), and its stop ignored the gap still open and the entries not
   * yet delivered (a panel blocked throughout read as idle). These say whether a 0 is a measurement.
   */
  windowMs: number;
  probeTicks: number;
  /** The channel row was found and clicked (the table renders while frames arrive). */
  selected: boolean;
  /** From starting the stream until the channel was selected. */
  selectMs: number;
  /**
   * Longest task in the 3 s after the stream ended: DevTools then posts the request's HAR entry,
   * every event of the stream in it, to onRequestFinished listeners in one message (which
   * lib/panel/network-gate.ts keeps the panel from listening to).
   */
  atEndLongestTaskMs: number;
  lost: number;
}

export interface ProbeReading {
  longest: number;
  count: number;
  gap: number;
  ticks: number;
  windowMs: number;
}

export const OBSERVE = `(() => {
  const m = { longest: 0, count: 0, gap: 0, ticks: 0, stop: false, t0: performance.now(), last: performance.now() };
  m.obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) { m.count++; m.longest = Math.max(m.longest, e.duration); } });
  m.obs.observe({ type: 'longtask' });
  const tick = () => { const now = performance.now(); m.ticks++; m.gap = Math.max(m.gap, now - m.last); m.last = now; if (!m.stop) setTimeout(tick, 0); };
  setTimeout(tick, 0);
  return m;
})()`;
// takeRecords(): entries of the last task before STOP would otherwise be delivered after disconnect.
export const STOP = (name: string) =>
  `(() => { const m = globalThis.${name}; m.stop = true; for (const e of m.obs.takeRecords()) { m.count++; m.longest = Math.max(m.longest, e.duration); } m.obs.disconnect(); const now = performance.now(); m.gap = Math.max(m.gap, now - m.last); return { longest: m.longest, count: m.count, gap: m.gap, ticks: m.ticks, windowMs: now - m.t0 }; })()`;

/** Observes the panel's main thread for `ms` and returns what the probe saw. */
export async function probePanel(b: BenchBrowser, name: string, ms: number): Promise<ProbeReading> {
  await b.panel!.evaluate(`void (globalThis.${name} = ${OBSERVE})`);
  await new Promise((r) => setTimeout(r, ms));
  return b.panel!.evaluate<ProbeReading>(STOP(name));
}

/**
 * `n` SSE events in one fetch() body, read chunk by chunk as an app reads a stream. The hook sees
 * a body as the page reads it: bench.stream's text() would hand the panel every event at the end.
 */
export function readStream(b: BenchBrowser, n: number, size: number, tag: string, rate: number): Promise<FloodResult> {
  return b.page.evaluate<FloodResult>(`(async () => {
    const t0 = performance.now(), startedAt = Date.now();
    const r = await fetch('/sse/${tag}?n=${n}&size=${size}&rate=${rate}&end=1');
    const reader = r.body.getReader(), dec = new TextDecoder();
    let count = 0, bytes = 0, tail = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      const text = tail + dec.decode(value, { stream: true });
      let at = 0, k;
      while ((k = text.indexOf('\\n\\n', at)) >= 0) { count++; at = k + 2; }
      tail = text.slice(at);
    }
    return { ms: performance.now() - t0, count, bytes, startedAt, endedAt: Date.now() };
  })()`);
}

/** Clicks the channel row whose URL contains `tag`, as a user would (waits up to 10 s for it); false if it never shows. */
export function clickChannelRow(b: BenchBrowser, tag: string): Promise<boolean> {
  return b.panel!.evaluate<boolean>(`new Promise((resolve) => {
    const t0 = Date.now();
    const tick = () => {
      const row = [...document.querySelectorAll('[data-testid="channel-row"]')].find((r) => (r.dataset.url || '').includes(${JSON.stringify(tag)}));
      if (row) { row.click(); resolve(true); } else if (Date.now() - t0 > 10000) resolve(false); else setTimeout(tick, 20);
    };
    tick();
  })`);
}

/**
 * Panel main thread while one channel, shown selected, receives `rate` events/s in one long
 * response. The observation window is `seconds` long and starts once the channel is selected and
 * frames flow; the stream is sized to outlast it whatever the selection took.
 */
export async function measureLongTasks(b: BenchBrowser, rate: number, seconds: number, size: number): Promise<LongTaskResult> {
  await clearPanel(b);
  const tag = `steady-${rate}-${Date.now()}`;
  // Selection can take seconds on a loaded machine; 4 s of slack keep the stream running past the window.
  const n = rate * (seconds + 4);
  let streamDone = false;
  const tStart = Date.now();
  const run = readStream(b, n, size, tag, rate).finally(() => (streamDone = true));
  // Select the channel as a user would, so the frame table and filter run while frames arrive.
  const selected = await clickChannelRow(b, tag);
  const selectMs = Date.now() - tStart;
  // Past the first second: the channel's creation and first render are not the steady state.
  await new Promise((r) => setTimeout(r, 1000));
  const m = await probePanel(b, '__benchLong', seconds * 1000);
  if (streamDone) m.windowMs = -m.windowMs; // the stream ended inside the window: say so (negative)
  await b.panel!.evaluate(`void (globalThis.__benchEnd = ${OBSERVE})`);
  const page = await run;
  const got = await settlePanel(b, tag, n, 20_000);
  await new Promise((r) => setTimeout(r, 3000));
  const end = await b.panel!.evaluate<ProbeReading>(STOP('__benchEnd'));
  // Back to no selection so later measurements start alike.
  await b.panel!.evaluate(`document.querySelector('[data-testid="clear"]')?.click()`);
  return {
    rate,
    seconds,
    longestTaskMs: m.longest,
    longTasks: m.count,
    maxTimerGapMs: m.gap,
    windowMs: m.windowMs,
    probeTicks: m.ticks,
    selected,
    selectMs,
    atEndLongestTaskMs: end.longest,
    lost: page.count - got.frames,
  };
}

export interface WsCloseResult {
  messages: number;
  size: number;
  /** Page time from the first to the last message (DevTools' own instrumentation paces it). */
  floodMs: number;
  /** Longest panel task from the page's close() until 5 s after the socket closed. */
  longestTaskMs: number;
  longTasks: number;
  lost: number;
}

/**
 * One WebSocket carries `n` messages, then the page closes it (the server answers the close, so it
 * closes at once): DevTools finishes the request and, to an onRequestFinished listener, posts one
 * HAR entry holding every message (`_webSocketMessages`). The longest panel task around that.
 */
export async function measureWsClose(b: BenchBrowser, n: number, size: number): Promise<WsCloseResult> {
  await clearPanel(b);
  const tag = `wsclose-${n}`;
  const flood = await b.page.evaluate<{ ms: number; count: number }>(`new Promise((resolve, reject) => {
    const ws = globalThis.__benchWs = new WebSocket('ws://' + location.host + '/ws/${tag}?n=${n}&size=${size}&ack=1');
    let count = 0, t0 = 0;
    ws.onopen = () => { t0 = performance.now(); ws.send('go'); };
    ws.onmessage = () => { if (++count === ${n}) resolve({ ms: performance.now() - t0, count }); };
    ws.onerror = () => reject(new Error('ws error after ' + count));
  })`);
  // The panel first takes in the flood's tail; the window starts with the close.
  const got = await settlePanel(b, tag, n, 20_000);
  await b.panel!.evaluate(`void (globalThis.__benchClose = ${OBSERVE})`);
  await b.page.evaluate(
    `new Promise((resolve) => { const ws = globalThis.__benchWs; ws.onclose = () => resolve(true); ws.close(); setTimeout(() => resolve(false), 10000); })`,
  );
  await new Promise((r) => setTimeout(r, 5000));
  const m = await b.panel!.evaluate<{ longest: number; count: number }>(STOP('__benchClose'));
  await clearPanel(b);
  return { messages: n, size, floodMs: flood.ms, longestTaskMs: m.longest, longTasks: m.count, lost: flood.count - got.frames };
}

export interface OpenResult {
  buffered: number;
  /** From the panel page's start (its timeOrigin) until the Session holds every buffered frame. */
  panelStartToAllMs: number;
  /** From asking DevTools to show the panel until the Session holds every buffered frame. */
  showToAllMs: number;
  got: number;
}

/** Before the page loads: the in-page buffer (a setting) made to hold n records before any panel attaches. */
export function bufferSetup(n: number, size: number): (l: RawBrowser) => Promise<void> {
  return async (l) => {
    const { session: p, targetId } = await l.newTab(`chrome-extension://${l.extensionId}/devtools-panel.html`);
    // The new tab starts on its initial about:blank, which is 'complete' too (and has no localStorage).
    await waitFor(
      () => p.evaluate<boolean>(`location.protocol === 'chrome-extension:' && document.readyState === 'complete'`),
      'the extension page',
      15_000,
      50,
    );
    await p.evaluate(`(async () => {
            const s = { bufferRecords: ${n + 1000}, bufferBytes: ${(n + 1000) * (size * 2 + 200)} };
            const cur = JSON.parse(localStorage.getItem('pushlens.agentSettings') || '{}');
            const next = { ...cur, ...s };
            localStorage.setItem('pushlens.agentSettings', JSON.stringify(next));
            await chrome.storage.local.set({ 'pushlens.agentSettings': next });
          })()`);
    p.close();
    await l.closeTab(targetId);
  };
}

/** A fresh browser whose page buffers `n` frames with no panel open; then the panel is shown. */
export async function measureOpenWithBuffer(
  url: string,
  extensionDir: string,
  n: number,
  size: number,
  rounds: number,
  log: (s: string) => void,
): Promise<OpenResult[]> {
  const results: OpenResult[] = [];
  for (let r = 0; r < rounds; r++) {
    const b = await openBenchBrowser('open', url, {
      extensionDir,
      devtools: true,
      beforePage: bufferSetup(n, size),
    });
    try {
      const tag = `open-${r}`;
      await pageFlood(b, 'stream', n, size, tag);
      const { shownAt } = await showPanel(b, url);
      const got = await settlePanel(b, tag, n, 30_000);
      const doneAt = Date.now();
      // Finer: the panel notes when it first saw all frames; poll it right away (the flood is done).
      const t = await b.panel!.evaluate<{ origin: number; now: number }>(`({ origin: performance.timeOrigin, now: Date.now() })`);
      results.push({ buffered: n, panelStartToAllMs: doneAt - t.origin, showToAllMs: doneAt - shownAt, got: got.frames });
      log(
        `  open with ${n} buffered, round ${r}: all ${got.frames} in the Session ${doneAt - Math.round(t.origin)} ms after the panel page started (${doneAt - shownAt} ms after showPanel)`,
      );
    } finally {
      await b.close();
    }
  }
  return results;
}

export function medianOf(xs: number[]): number {
  return median(xs);
}
