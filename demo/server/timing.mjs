// Context: node (demo server). Timing knobs for every scenario.
// Why a separate module: the human-facing demo wants "realistic" pacing (seconds), while the unit
// test wants the same behaviour compressed into milliseconds. Keeping every delay here lets
// startDemoServer({ fast: true }) or explicit overrides change pacing without touching routes.

/**
 * @typedef {object} DemoTiming
 * @property {number} likesChangeEvery      short poll: the likes/notices body changes on every Nth poll
 * @property {number} notifyMinMs           long poll: a new notification is produced after a random delay in [min, max]
 * @property {number} notifyMaxMs
 * @property {number} longPollTimeoutMs     long poll: held request answered 204 after this long
 * @property {number} chatBotMs             chat: bot posts a message this often
 * @property {number} danmakuBurstMin       danmaku: comments per burst, random in [min, max]
 * @property {number} danmakuBurstMax
 * @property {number} danmakuGapMs          danmaku: spacing between comments inside a burst
 * @property {number} danmakuPauseMs        danmaku: pause between bursts
 * @property {number} danmakuBinaryMs       danmaku: binary stats frame period
 * @property {number} ssePriceMs            SSE: `price` event period
 * @property {number} sseNewsMs             SSE: `news` event period
 * @property {number} sseHeartbeatMs        SSE: `: ping` comment period
 * @property {number} sseRetryMs            SSE: value of the `retry:` field sent to the browser
 * @property {number} llmTokenMinMs         LLM stream: delay between tokens, random in [min, max]
 * @property {number} llmTokenMaxMs
 * @property {number} flakyMinMs            flaky: a WS connection is cut after a random delay in [min, max]
 * @property {number} flakyMaxMs
 * @property {number} flakySseMinEvents     flaky: SSE stream ends after a random number of events in [min, max]
 * @property {number} flakySseMaxEvents
 * @property {number} flaky502Rate          flaky: probability that a long poll is answered 502
 * @property {number} flaky502DelayMs       flaky: the 502 comes after this delay (so it looks like a proxy timing out)
 */

/** @type {DemoTiming} */
export const DEFAULT_TIMING = Object.freeze({
  likesChangeEvery: 5,
  notifyMinMs: 3000,
  notifyMaxMs: 6000,
  longPollTimeoutMs: 8000,
  chatBotMs: 2000,
  danmakuBurstMin: 3,
  danmakuBurstMax: 7,
  danmakuGapMs: 120,
  danmakuPauseMs: 900,
  danmakuBinaryMs: 3000,
  ssePriceMs: 500,
  sseNewsMs: 5000,
  sseHeartbeatMs: 15000,
  sseRetryMs: 1000,
  llmTokenMinMs: 50,
  llmTokenMaxMs: 120,
  flakyMinMs: 3000,
  flakyMaxMs: 6000,
  flakySseMinEvents: 3,
  flakySseMaxEvents: 8,
  flaky502Rate: 0.3,
  flaky502DelayMs: 300,
});

/**
 * Same shape, compressed so a unit test sees every behaviour within a second or two.
 * @type {DemoTiming}
 */
export const FAST_TIMING = Object.freeze({
  ...DEFAULT_TIMING,
  notifyMinMs: 40,
  notifyMaxMs: 80,
  longPollTimeoutMs: 250,
  chatBotMs: 100,
  danmakuGapMs: 10,
  danmakuPauseMs: 40,
  danmakuBinaryMs: 100,
  ssePriceMs: 30,
  sseNewsMs: 90,
  sseHeartbeatMs: 100,
  sseRetryMs: 100,
  llmTokenMinMs: 1,
  llmTokenMaxMs: 4,
  flakyMinMs: 80,
  flakyMaxMs: 150,
  flaky502DelayMs: 10,
});

/**
 * @param {{ fast?: boolean, timing?: Partial<DemoTiming> }} opts
 * @returns {DemoTiming}
 */
export function resolveTiming(opts) {
  return { ...(opts.fast ? FAST_TIMING : DEFAULT_TIMING), ...(opts.timing ?? {}) };
}

/**
 * Uniform random integer in [min, max].
 * @param {number} min
 * @param {number} max
 */
export function randInt(min, max) {
  return min + Math.floor(Math.random() * (max - min + 1));
}
