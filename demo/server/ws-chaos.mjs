// Context: node (demo server). Flaky-mode fault injection for WebSocket connections.
// Why: the PushLens panel folds reconnects into one channel and explains close codes; the demo must
// produce every interesting way a socket can die, in rotation so each appears within a few cuts.

import { randInt } from './timing.mjs';

/** @typedef {{ kind: 'close', code: number, reason: string } | { kind: 'destroy' }} ChaosCause */

/** @type {ChaosCause[]} */
export const CHAOS_CAUSES = [
  { kind: 'close', code: 1011, reason: 'flaky mode: simulated server error' },
  { kind: 'close', code: 1001, reason: 'going away' },
  { kind: 'close', code: 4001, reason: 'custom app close' },
  // No close frame at all: the browser reports 1006 (abnormal closure).
  { kind: 'destroy' },
];

/**
 * Round-robin position per server (keyed by its context), so consecutive cuts differ and two
 * servers in one process (tests) do not share a rotation.
 * @type {WeakMap<object, number>}
 */
const rotation = new WeakMap();

/**
 * Keeps a chaos timer armed on `ws` while flaky mode is on.
 * @param {import('./context.mjs').DemoContext} ctx
 * @param {import('ws').WebSocket} ws
 */
export function attachChaos(ctx, ws) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;

  const disarm = () => {
    ctx.sched.clear(timer);
    timer = undefined;
  };

  const arm = () => {
    disarm();
    if (!ctx.flaky.on) return;
    timer = ctx.sched.timeout(cut, randInt(ctx.timing.flakyMinMs, ctx.timing.flakyMaxMs));
  };

  const cut = () => {
    timer = undefined;
    if (ws.readyState !== ws.OPEN) return;
    const n = rotation.get(ctx) ?? 0;
    rotation.set(ctx, n + 1);
    const cause = CHAOS_CAUSES[n % CHAOS_CAUSES.length];
    ctx.stats.flakyCloses++;
    if (cause.kind === 'destroy') ws.terminate();
    else ws.close(cause.code, cause.reason);
  };

  const unsubscribe = ctx.flaky.onChange(arm);
  ws.once('close', () => {
    unsubscribe();
    disarm();
  });
  arm();
}
