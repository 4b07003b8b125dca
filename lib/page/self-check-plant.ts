// Context: page (MAIN world), plant builds only. `npm run bench -- --self-check` builds PushLens
// with WXT_PUSHLENS_PLANT set and checks that each bench instrument catches its planted
// regression (a positive control, DESIGN.md). wxt.config.ts defines __PUSHLENS_PLANT__ from it,
// '' in a normal build, so every `if (__PUSHLENS_PLANT__)` guard is folded away and this file is
// tree-shaken out; the self-check greps the normal build to prove it.

/** Which regression this build carries: 'busy' is the page's. */
const PLANT: string = __PUSHLENS_PLANT__;

/** The marker the self-check looks for in plant builds and must not find in normal ones. */
export const PLANT_MARKER = 'PUSHLENS_SELF_CHECK_PLANT';

/** µs of planted work owed (negative: paid ahead). */
let owedUs = 0;

/**
 * Called once per SSE event the hook sees: 2 µs of extra work each, when the plant is 'busy'.
 * performance.now() is coarsened to 100 µs outside cross-origin isolation and a calibrated spin
 * loop depends on when the JIT optimizes it (on a loaded machine calibration ran in a slower tier
 * and the plant cost ~10× less than meant), so the debt is paid on the clock in 500 µs waits,
 * carrying any over- or undershoot: 2 µs per event on average, exactly.
 */
export function plantHookEvent(): void {
  if (PLANT !== 'busy') return;
  owedUs += 2;
  if (owedUs < 500) return;
  const t0 = performance.now();
  let spent = 0;
  while (spent < owedUs) spent = (performance.now() - t0) * 1000;
  owedUs -= spent;
  (globalThis as Record<string, unknown>)[PLANT_MARKER] =
    (((globalThis as Record<string, unknown>)[PLANT_MARKER] as number | undefined) ?? 0) + spent;
}
