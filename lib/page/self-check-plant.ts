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
let sink = 0;

/** The busy loop, one function for calibration and use so both run the same optimized code. */
function spin(n: number): void {
  let x = 0;
  for (let i = 0; i < n; i++) x = (x + i) | 0;
  sink ^= x;
}

/**
 * Spin count for 1 µs. performance.now() is coarsened to 100 µs outside cross-origin isolation,
 * so a 2 µs wait cannot poll the clock: it spins a calibrated loop. The rate is the fastest of
 * 30 bursts of ~1 ms after a warm-up: an average over wall time counted ~20× too few spins on a
 * loaded machine (the thread was descheduled for most of the window) and while still interpreted.
 */
function calibrate(): number {
  for (let i = 0; i < 20; i++) spin(100_000);
  let best = 0;
  let n = 100_000;
  for (let k = 0; k < 30; k++) {
    const t0 = performance.now();
    spin(n);
    const us = (performance.now() - t0) * 1000;
    // Bursts too short for the coarse clock are lengthened until they last ~1 ms.
    if (us < 1000) n *= 2;
    else best = Math.max(best, n / us);
  }
  return best || n / 1000;
}

/** Called once per SSE event the hook sees: 2 µs of extra work each, when the plant is 'busy'. */
export function plantHookEvent(): void {
  if (PLANT !== 'busy') return;
  if (!loopsPerUs) {
    loopsPerUs = calibrate();
    (globalThis as Record<string, unknown>)[PLANT_MARKER] = loopsPerUs;
  }
  spin(Math.round(2 * loopsPerUs));
  // Kept observable so the JIT cannot drop the loop.
  if (sink === 0x7fffffff) (globalThis as Record<string, unknown>)[PLANT_MARKER] = sink;
}
