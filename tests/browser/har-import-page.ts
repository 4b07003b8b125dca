// Context: page functions, run in the standalone viewer page or in the real DevTools panel page
// (passed to Playwright's evaluate, or as source text to CDP's Runtime.evaluate: so each is
// self-contained). They build a large HAR inside the page (no 13 MB trip over the debugging
// protocol), hand it to the import input as a user's file pick would, and watch whether the main
// thread keeps getting turns while the import runs: a sliced import lets a timer run between
// slices, a one-task import (62 s for 100k entries before issue #13) lets none run.

interface Probe {
  longest: number;
  longTasks: number;
  sawProgress: boolean;
  /** Distinct values the progress bar showed. */
  progressValues: number[];
  /** Timer turns the page got while the import was running. */
  turns: number;
  /** The result message shown before this import (React owns that node: it is left in place). */
  before: string | null;
}

/** Starts counting timer turns and long tasks, and watching the progress bar, until a result message shows. */
export function installImportProbe(): void {
  const w = window as unknown as { __probe: Probe };
  const message = () => document.querySelector('[data-testid="har-message"]')?.textContent ?? null;
  const probe: Probe = { longest: 0, longTasks: 0, sawProgress: false, progressValues: [], turns: 0, before: message() };
  w.__probe = probe;
  const done = () => !document.querySelector('[data-testid="import-progress"]') && message() !== null && message() !== probe.before;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      probe.longTasks++;
      probe.longest = Math.max(probe.longest, e.duration);
    }
  }).observe({ type: 'longtask' });
  const look = () => {
    const bar = document.querySelector('[data-testid="import-progress"]') as HTMLProgressElement | null;
    if (!bar) return;
    probe.sawProgress = true;
    if (!probe.progressValues.includes(bar.value)) probe.progressValues.push(bar.value);
  };
  new MutationObserver(look).observe(document.body, { childList: true, subtree: true, attributes: true });
  const tick = () => {
    if (done()) return;
    probe.turns++;
    look();
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
}

/**
 * Makes a HAR with `entries` entries (WebSockets with two messages and HTTP polls, distinct URLs)
 * and keeps it for pickPreparedHar. Run before installImportProbe: building 13 MB of text is a
 * task of a second or more of the test's own, which the probe once counted as the import's.
 */
export function prepareGeneratedHar(args: { entries: number; name: string }): void {
  const parts: string[] = [];
  const t0 = Date.UTC(2026, 0, 1);
  for (let i = 0; i < args.entries; i++) {
    const started = new Date(t0 + i * 10).toISOString();
    if (i % 2)
      parts.push(
        `{"startedDateTime":"${started}","time":1,"request":{"method":"GET","url":"wss://h.test/s/${i}","headers":[]},"response":{"status":101,"headers":[]},"timings":{"wait":1},"_resourceType":"websocket","_webSocketMessages":[{"type":"send","time":${(t0 + i * 10 + 2) / 1000},"opcode":1,"data":"hi ${i}"},{"type":"receive","time":${(t0 + i * 10 + 3) / 1000},"opcode":1,"data":"yo ${i}"}]}`,
      );
    else
      parts.push(
        `{"startedDateTime":"${started}","time":5,"request":{"method":"GET","url":"https://h.test/api/${i}","headers":[]},"response":{"status":200,"headers":[],"content":{"size":2,"mimeType":"application/json","text":"{}"}},"timings":{"wait":4}}`,
      );
  }
  const text = `{"log":{"version":"1.2","creator":{"name":"gen","version":"1"},"entries":[${parts.join(',')}]}}`;
  (window as unknown as { __har: File }).__har = new File([text], args.name, { type: 'application/json' });
}

/** Hands the prepared file to the import input, as a user's file pick would. */
export function pickPreparedHar(): void {
  const w = window as unknown as { __har?: File };
  const input = document.querySelector('[data-testid="import-har-file"]') as HTMLInputElement;
  const dt = new DataTransfer();
  dt.items.add(w.__har!);
  delete w.__har;
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export function readImportProbe(): Probe & { done: boolean; progressGone: boolean; ok: boolean; message: string; rows: number; total: number } {
  const probe = (window as unknown as { __probe: Probe }).__probe;
  const msg = document.querySelector('[data-testid="har-message"]');
  const list = document.querySelector('[data-testid="channel-list"]') as HTMLElement | null;
  return {
    ...probe,
    done: !document.querySelector('[data-testid="import-progress"]') && msg !== null && msg.textContent !== probe.before,
    progressGone: !document.querySelector('[data-testid="import-progress"]'),
    ok: msg?.className === 'ok',
    message: msg?.textContent ?? '',
    rows: document.querySelectorAll('[data-testid="channel-row"]').length,
    total: Number(list?.dataset.total ?? 0),
  };
}

/** Clicks Cancel once the progress bar shows; true when it did. */
export function cancelImport(): boolean {
  const b = document.querySelector('[data-testid="import-cancel"]') as HTMLButtonElement | null;
  b?.click();
  return b !== null;
}

/** Source text calling `fn(arg)`, for CDP's Runtime.evaluate in the panel page. */
export function callSource(fn: (arg: never) => unknown, arg?: unknown): string {
  return `(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`;
}
