// Context: pure model, no browser APIs.
// Recognises how a client spaces its reconnects, so the panel can say "exponential backoff ×2
// from 1 s, capped at 30 s" or warn about a reconnect storm that hammers the server.

import type { ConnectionAttempt } from './types';
import { fitLine, median } from './stats';

export type BackoffPattern = 'none' | 'fixed' | 'linear' | 'exponential' | 'unknown';

export interface BackoffResult {
  pattern: BackoffPattern;
  /** First delay of the fitted model (fixed: the typical delay). */
  baseMs?: number;
  /** Linear growth per attempt. */
  stepMs?: number;
  /** Exponential growth factor per attempt. */
  factor?: number;
  /** Delay the growth levels off at, when the tail is flat. */
  capMs?: number;
  /** Delays scatter around the model (randomised backoff), rather than following it exactly. */
  jitter: boolean;
}

/** Below this a reconnect is "at once": no timer, just the next tick or the handshake. */
export const IMMEDIATE_MS = 100;
// Randomised backoff (socket.io's randomizationFactor 0.5, "equal jitter") scatters delays by up
// to ±50%; anything looser cannot be told apart from no pattern at all.
const FIT_TOLERANCE = 0.5;
const JITTER_THRESHOLD = 0.05;
const PLATEAU_TOLERANCE = 0.15;

interface Fit {
  pattern: 'fixed' | 'linear' | 'exponential';
  predicted: number[];
  score: number;
  maxErr: number;
  fits: boolean;
  baseMs: number;
  stepMs?: number;
  factor?: number;
  capMs?: number;
}

function evaluate(xs: readonly number[], predicted: number[]): Pick<Fit, 'score' | 'maxErr' | 'fits'> {
  let sum = 0;
  let maxErr = 0;
  let within = 0;
  for (let i = 0; i < xs.length; i++) {
    const p = predicted[i] as number;
    if (!(p > 0)) return { score: Infinity, maxErr: Infinity, fits: false };
    const err = Math.abs((xs[i] as number) - p) / p;
    sum += err * err;
    maxErr = Math.max(maxErr, err);
    if (err <= FIT_TOLERANCE) within++;
  }
  // Short series must fit every point; longer ones may have one odd delay (a manual retry).
  const fits = xs.length <= 4 ? within === xs.length : within / xs.length >= 0.8;
  return { score: sum / xs.length, maxErr, fits };
}

/** Flat tail at the end of a growing series: the library's maximum delay. */
function findCap(xs: readonly number[]): { growth: number[]; capMs?: number } {
  const last = xs[xs.length - 1] as number;
  let k = xs.length - 1;
  while (k > 0 && Math.abs((xs[k - 1] as number) - last) <= PLATEAU_TOLERANCE * last) k--;
  const plateau = xs.slice(k);
  const growth = xs.slice(0, k);
  if (plateau.length >= 2 && growth.length >= 2 && growth.every((g) => g < last)) {
    return { growth, capMs: median(plateau) };
  }
  return { growth: [...xs] };
}

function fitFixed(xs: readonly number[]): Fit {
  const m = median(xs);
  const predicted = xs.map(() => m);
  return { pattern: 'fixed', predicted, baseMs: m, ...evaluate(xs, predicted) };
}

function fitExponential(xs: readonly number[], growth: number[], capMs?: number): Fit | null {
  if (growth.length < 2) return null;
  const { a, b } = fitLine(growth.map((g) => Math.log(Math.max(g, 1))));
  const factor = Math.exp(b);
  if (factor < 1.3) return null;
  const cap = capMs ?? Infinity;
  const predicted = xs.map((_, i) => Math.min(Math.exp(a + b * i), cap));
  return { pattern: 'exponential', predicted, baseMs: Math.exp(a), factor, capMs, ...evaluate(xs, predicted) };
}

function fitLinear(xs: readonly number[], growth: number[], capMs?: number): Fit | null {
  // Two points fit any line; with so little evidence exponential (far more common) wins.
  if (growth.length < 3) return null;
  const { a, b } = fitLine(growth);
  if (!(a > 0) || b < 0.1 * a) return null;
  const cap = capMs ?? Infinity;
  const predicted = xs.map((_, i) => Math.min(a + b * i, cap));
  return { pattern: 'linear', predicted, baseMs: a, stepMs: b, capMs, ...evaluate(xs, predicted) };
}

/**
 * Classifies the delays between a close and the next attempt. `none` = the client reconnects at
 * once (every delay under 100 ms); `unknown` = too little data or no model fits.
 */
export function detectBackoff(gapsMs: readonly number[]): BackoffResult {
  let xs = gapsMs.filter((g) => Number.isFinite(g)).map((g) => Math.max(0, g));
  if (xs.length === 0) return { pattern: 'unknown', jitter: false };
  if (xs.every((g) => g < IMMEDIATE_MS)) return { pattern: 'none', baseMs: median(xs), jitter: false };
  // Many libraries retry once immediately, then start their timer: judge the timer.
  if ((xs[0] as number) < IMMEDIATE_MS && xs.slice(1).every((g) => g >= IMMEDIATE_MS)) xs = xs.slice(1);
  if (xs.length === 1) return { pattern: 'unknown', baseMs: Math.round(xs[0] as number), jitter: false };

  const { growth, capMs } = findCap(xs);
  const fixed = fitFixed(xs);
  const candidates = [fitExponential(xs, growth, capMs), fitLinear(xs, growth, capMs)].filter((f): f is Fit => f !== null && f.fits);
  candidates.sort((p, q) => p.score - q.score);
  const best = candidates[0];
  // A growing model must explain the data clearly better than a constant delay to be believed.
  let chosen: Fit | undefined;
  if (fixed.fits && (!best || best.score >= fixed.score / 2)) chosen = fixed;
  else chosen = best;
  if (!chosen) return { pattern: 'unknown', baseMs: Math.round(median(xs)), jitter: false };

  const result: BackoffResult = {
    pattern: chosen.pattern,
    baseMs: Math.round(chosen.baseMs),
    jitter: chosen.maxErr > JITTER_THRESHOLD,
  };
  if (chosen.stepMs !== undefined) result.stepMs = Math.round(chosen.stepMs);
  if (chosen.factor !== undefined) result.factor = Math.round(chosen.factor * 100) / 100;
  if (chosen.capMs !== undefined) result.capMs = Math.round(chosen.capMs);
  return result;
}

/** Delay the client waited before each attempt after the first (close → next creation). */
export function reconnectDelays(sorted: readonly ConnectionAttempt[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as ConnectionAttempt;
    const next = sorted[i] as ConnectionAttempt;
    const closed = prev.closedAt ?? prev.openedAt ?? prev.createdAt;
    // An EventSource retry is recorded when the error fires, before its timer runs: the first
    // sign of the retry on the wire is its open (or its failure).
    let nextStart = next.createdAt;
    if (nextStart <= closed) nextStart = next.openedAt ?? next.closedAt ?? next.createdAt;
    out.push(Math.max(0, nextStart - closed));
  }
  return out;
}

/**
 * A storm: at least `minReconnects` reconnects inside `windowMs` whose delays do not grow (no
 * linear or exponential backoff), i.e. a client hammering a server that keeps refusing it.
 */
export function isReconnectStorm(attempts: readonly ConnectionAttempt[], windowMs = 10_000, minReconnects = 5): boolean {
  const sorted = [...attempts].sort((a, b) => a.createdAt - b.createdAt);
  if (sorted.length < minReconnects + 1) return false;
  const delays = reconnectDelays(sorted);
  // Reconnect k is sorted[k + 1]; slide a window over reconnect creation times.
  let lo = 1;
  for (let hi = 1; hi < sorted.length; hi++) {
    while ((sorted[hi] as ConnectionAttempt).createdAt - (sorted[lo] as ConnectionAttempt).createdAt > windowMs) lo++;
    if (hi - lo + 1 >= minReconnects) {
      const windowDelays = delays.slice(lo - 1, hi);
      const pattern = detectBackoff(windowDelays).pattern;
      if (pattern !== 'exponential' && pattern !== 'linear') return true;
    }
  }
  return false;
}
