// Context: pure model, no browser APIs.
// Handler cost: how long the page's own message listeners ran per incoming message (measured by
// the page agent around each listener call). Percentiles, the share of messages that cost the
// page a frame, long tasks, and a log-scale histogram: the numbers the Insights view draws and
// the advisor quotes, computed here once so both say the same thing.
import { quantileSorted } from './stats';
import { FRAME_BUDGET_MS, LONG_TASK_MS } from './handler-thresholds';

export { FRAME_BUDGET_MS, LONG_TASK_MS };

export interface HandlerStats {
  /** Messages measured. */
  count: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
  /** Messages whose listeners ran longer than one frame (FRAME_BUDGET_MS). */
  overFrame: number;
  /** Messages whose listeners ran longer than LONG_TASK_MS. */
  longTasks: number;
}

/** Percentiles are linear-interpolated (lib/model/stats quantile); null for no measurement. */
export function handlerStats(values: ArrayLike<number>): HandlerStats | null {
  const xs: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v) && v >= 0) xs.push(v);
  }
  if (xs.length === 0) return null;
  xs.sort((a, b) => a - b);
  let sum = 0;
  let overFrame = 0;
  let longTasks = 0;
  for (const v of xs) {
    sum += v;
    if (v > FRAME_BUDGET_MS) overFrame++;
    if (v > LONG_TASK_MS) longTasks++;
  }
  return {
    count: xs.length,
    p50: quantileSorted(xs, 0.5),
    p95: quantileSorted(xs, 0.95),
    max: xs[xs.length - 1],
    mean: sum / xs.length,
    overFrame,
    longTasks,
  };
}

export interface HistogramBin {
  /** Lower bound in ms (inclusive). */
  from: number;
  /** Upper bound in ms (exclusive); Infinity for the last bin. */
  to: number;
  count: number;
}

/**
 * Bin edges in ms, doubling: handler times span microseconds to seconds, and what matters is the
 * order of magnitude (under a millisecond, a few, one frame, a long task).
 */
export const HISTOGRAM_EDGES = [0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512];

export function handlerHistogram(values: ArrayLike<number>): HistogramBin[] {
  const bins: HistogramBin[] = HISTOGRAM_EDGES.map((from, k) => ({ from, to: HISTOGRAM_EDGES[k + 1] ?? Infinity, count: 0 }));
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || v < 0) continue;
    let k = bins.length - 1;
    while (k > 0 && v < bins[k].from) k--;
    bins[k].count++;
  }
  return bins;
}
