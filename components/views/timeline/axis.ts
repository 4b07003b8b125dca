// Context: panel. Pure geometry of the timeline's time axis: round tick steps for the visible
// range, labelled relative to the session start (the wall-clock time goes in the tooltip).
import { timeToX, type TimeRange } from './layout';

const STEPS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000,
];

export interface AxisTick {
  /** Absolute time (ms since the epoch). */
  time: number;
  x: number;
  label: string;
}

/** Ticks at least `minGapPx` apart, on round multiples of a step, relative to `origin`. */
export function axisTicks(range: TimeRange, width: number, origin: number, minGapPx = 70): AxisTick[] {
  const span = Math.max(1, range.end - range.start);
  const step = STEPS_MS.find((s) => (s / span) * width >= minGapPx) ?? STEPS_MS[STEPS_MS.length - 1];
  const ticks: AxisTick[] = [];
  const first = Math.ceil((range.start - origin) / step) * step + origin;
  for (let t = first; t <= range.end && ticks.length < 200; t += step)
    ticks.push({ time: t, x: timeToX(t, range, width), label: relativeLabel(t - origin, step) });
  return ticks;
}

/** `+1.5 s`, `+12 s`, `+2:05`, `+250 ms`: precise enough for the step, no more. */
export function relativeLabel(ms: number, step: number): string {
  const sign = ms < 0 ? '−' : '+';
  const a = Math.abs(ms);
  if (step < 1000 && a < 1000) return `${sign}${Math.round(a)} ms`;
  if (a < 60_000) return `${sign}${(a / 1000).toFixed(step < 1000 ? 1 : 0)} s`;
  const m = Math.floor(a / 60_000);
  const s = Math.round((a % 60_000) / 1000);
  return `${sign}${m}:${String(s).padStart(2, '0')}`;
}
