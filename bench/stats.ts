// Context: node (bench). Small statistics helpers: medians are robust to the noise of a shared
// 2-core machine where other processes run browser tests at the same time.
export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Median of per-round ratios b/a: each pair ran back to back, so slow drifts of the machine cancel. */
export function pairedRatio(a: number[], b: number[]): number {
  const ratios: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] > 0) ratios.push(b[i] / a[i]);
  return median(ratios);
}

/** Every per-round ratio b/a (for the spread next to the median). */
export function pairedRatios(a: number[], b: number[]): number[] {
  const ratios: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] > 0) ratios.push(b[i] / a[i]);
  return ratios;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function summarize(xs: number[]): Spread {
  return { median: median(xs), min: xs.length ? Math.min(...xs) : NaN, max: xs.length ? Math.max(...xs) : NaN, n: xs.length };
}

/** "1.02 (0.98–1.10)": the median with the spread of the rounds. */
export function fmtSpread(s: Spread | undefined, digits = 2): string {
  if (!s || !Number.isFinite(s.median)) return '–';
  return s.n > 1 ? `${round(s.median, digits)} (${round(s.min, digits)}–${round(s.max, digits)})` : `${round(s.median, digits)}`;
}
