// Context: shared pure helper (panel). Binary search over a list in time order.

/** The first k in [0, n) with time(k) ≥ t (n when none): `time` must not decrease with k. */
export function lowerBound(n: number, time: (k: number) => number, t: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time(mid) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
