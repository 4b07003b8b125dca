// Context: panel. Small formatting helpers shared by the views.

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Seconds relative to a channel's start: "+12.345 s". */
export function formatRelative(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

// One formatter for every row: toLocaleTimeString with options builds a new one per call.
const CLOCK = new Intl.DateTimeFormat(undefined, { hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  return `${CLOCK.format(d)}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

/** One line of preview text: ASCII whitespace runs folded (other invisible characters stay, to be shown as escapes), cut to `max` characters. */
export function oneLine(text: string, max = 300): string {
  const s = text.length > max * 2 ? text.slice(0, max * 2) : text;
  const folded = s.replace(/[ \t\n\v\f\r]+/g, ' ');
  return folded.length > max ? `${folded.slice(0, max)}…` : folded;
}

/** A handler time: "0.42 ms" under 1 ms, "3.1 ms" under 10, "61 ms" above (the clock is no finer). */
export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}
