// Context: page (test page). What the app saw, in order, for the test to compare with and without
// PushLens: window.__log (JSON-safe entries), window.__done once the scenario finished.
declare global {
  interface Window {
    __log: unknown[];
    __done: boolean;
    __counts: Record<string, number>;
  }
}

window.__log = [];
window.__done = false;
window.__counts = {};

export const run = new URLSearchParams(location.search).get('run') ?? '';

export function log(...entry: unknown[]): void {
  window.__log.push(entry.length === 1 ? entry[0] : entry);
}

export function count(name: string, by = 1): void {
  window.__counts[name] = (window.__counts[name] ?? 0) + by;
}

export function done(): void {
  window.__done = true;
}

/** Errors are app-visible too: their name and message go into the log. */
export function fail(where: string, err: unknown): void {
  const e = err as { name?: unknown; message?: unknown };
  log(['error', where, String(e?.name), String(e?.message ?? err)]);
  done();
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
