// Context: shared pure helper (panel, standalone viewer, HAR import). Long work split into time
// slices: a big file never holds the main thread for more than `sliceMs` at a time.

export interface TimeSliceOptions {
  signal?: AbortSignal;
  /** Longest run of work between yields, in ms (default 12: well under one 60 Hz frame). */
  sliceMs?: number;
  /** How to yield; default a macrotask via setTimeout(0). Tests may inject their own. */
  yieldFn?: () => Promise<void>;
  now?: () => number;
}

/** One macrotask: lets rendering and input run. */
export const yieldTask = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/**
 * A `maybeYield()` to await between steps: it yields once the current slice is used up, then
 * calls `onAbort` (which throws) if the signal fired meanwhile.
 */
export function timeSlicer(opts: TimeSliceOptions, onAbort: () => never): () => Promise<void> {
  const now = opts.now ?? (() => performance.now());
  const sliceMs = opts.sliceMs ?? 12;
  const yieldNow = opts.yieldFn ?? yieldTask;
  let sliceStart = now();
  return async () => {
    if (now() - sliceStart < sliceMs) return;
    await yieldNow();
    if (opts.signal?.aborted) onAbort();
    sliceStart = now();
  };
}
