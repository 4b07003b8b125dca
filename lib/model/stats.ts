// Context: pure model, no browser APIs.
// Robust statistics shared by the detectors: medians instead of means because captured timings
// contain outliers (a paused tab, a retry storm) that must not drag the estimate.

/** Median of the finite values; NaN for an empty list. Does not mutate its input. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Linear-interpolated quantile (q in [0,1]) of the finite values; NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  return quantileSorted(
    values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b),
    q,
  );
}

/** quantile() of values already sorted ascending (all finite): no copy, no sort. */
export function quantileSorted(xs: ArrayLike<number>, q: number): number {
  if (xs.length === 0) return NaN;
  const pos = (xs.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = xs[lo] as number;
  const b = xs[hi] as number;
  return a + (b - a) * (pos - lo);
}

/** Median absolute deviation from the median: a jitter measure one outlier cannot inflate. */
export function mad(values: readonly number[]): number {
  const m = median(values);
  if (Number.isNaN(m)) return NaN;
  return median(values.map((v) => Math.abs(v - m)));
}

/** Least-squares line y = a + b·x over x = 0..n-1. */
export function fitLine(ys: readonly number[]): { a: number; b: number } {
  const n = ys.length;
  if (n === 0) return { a: NaN, b: NaN };
  if (n === 1) return { a: ys[0] as number, b: 0 };
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const y = ys[i] as number;
    sx += i;
    sy += y;
    sxx += i * i;
    sxy += i * y;
  }
  const b = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  const a = (sy - b * sx) / n;
  return { a, b };
}
