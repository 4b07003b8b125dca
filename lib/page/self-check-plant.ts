// Context: page (MAIN world), plant builds only. `npm run bench -- --self-check` builds PushLens
// with WXT_PUSHLENS_PLANT set and checks that each bench instrument catches its planted
// regression (a positive control, DESIGN.md). wxt.config.ts defines __PUSHLENS_PLANT__ from it,
// '' in a normal build, so every `if (__PUSHLENS_PLANT__)` guard is folded away and this file is
// tree-shaken out; the self-check greps the normal build to prove it.

/** Which regression this build carries: 'busy' is the page's. */
const PLANT: string = __PUSHLENS_PLANT__;

/** The marker the self-check looks for in plant builds and must not find in normal ones. */
export const PLANT_MARKER = 'PUSHLENS_SELF_CHECK_PLANT';

let loopsPerUs = 0;

/**
 * Spin count for 1 µs. performance.now() is coarsened to 100 µs outside cross-origin isolation,
 * so a 2 µs wait cannot poll the clock: it spins a loop calibrated once over ~5 ms instead.
 */
function calibrate(): number {
  let n = 0;
  let sink = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 5) {
    for (let i = 0; i < 1000; i++) sink += i;
    n += 1000;
  }
  const us = (performance.now() - t0) * 1000;
  (globalThis as Record<string, unknown>)[PLANT_MARKER] = sink;
  return n / us;
}

/** Called once per SSE event the hook sees: 2 µs of extra work each, when the plant is 'busy'. */
export function plantHookEvent(): void {
  if (PLANT !== 'busy') return;
  if (!loopsPerUs) loopsPerUs = calibrate();
  let sink = 0;
  const n = Math.round(2 * loopsPerUs);
  for (let i = 0; i < n; i++) sink += i;
  // Kept observable so the JIT cannot drop the loop.
  if (sink < 0) (globalThis as Record<string, unknown>)[PLANT_MARKER] = sink;
}
