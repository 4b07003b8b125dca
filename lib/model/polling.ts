// Context: pure model, no browser APIs.
// Recognises short and long polling among ordinary HTTP requests. Browsers show polls as a wall
// of identical rows; grouping them per endpoint and naming the technique is what lets the panel
// explain their cost (requests per minute, share of answers that carried nothing new).

import type { HttpExchange } from './types';
import { endpointKey, normalizeUrl } from './url-normalize';
import { mad, median } from './stats';

export type PollKind = 'short-poll' | 'long-poll' | 'http';

export interface PollingStats {
  count: number;
  /** Median start-to-start interval; 0 with fewer than 2 requests. */
  cadenceMs: number;
  /** Median absolute deviation of the intervals: the typical wobble, blind to one paused tab. */
  jitterMs: number;
  jitterRatio: number;
  /** Median time from request to the end of its response (headers when the body is unknown). */
  holdMedianMs: number;
  /** Median time from a response's end to the next request. Negative when requests overlap. */
  gapMedianMs: number;
  requestsPerMinute: number;
  /** Share of responses that brought nothing new: 304, 204, or the same body hash as before. */
  unchangedShare: number;
  /** Share of finished requests that failed: network error, timeout or status ≥ 400. */
  errorShare: number;
}

export interface PollingSeries {
  key: string;
  method: string;
  normalizedUrl: string;
  kind: PollKind;
  /** Plain-language ground for the verdict, shown in the panel. */
  reason: string;
  exchangeIds: string[];
  stats: PollingStats;
  /** Requests seen when the verdict last changed: from then on every prefix gave `kind`. */
  decidedAfter: number;
}

// --- Decision thresholds -------------------------------------------------------------------------
// Three requests give two intervals and two holds: the least that shows a rhythm. Below that any
// pair of identical requests (a retry, a double click) would look like polling.
const MIN_REQUESTS = 3;
// Long-poll servers hold a request for seconds (typically 20–60 s, until data or a timeout). An
// ordinary API answers in well under 1.5 s, so a median hold above it means "held".
const LONG_HOLD_MS = 1500;
// Long polls that often get data early have a short median hold; they still show some requests
// held for seconds, which a fast short-poll endpoint never does.
const HELD_MS = 2000;
const HELD_SHARE = 0.25;
// A long-poll client re-requests as soon as a response arrives. Allow a little client work, and
// a small pause relative to the hold (some clients wait 1 s after a 25 s hold).
const QUICK_GAP_MS = 500;
const QUICK_GAP_OF_HOLD = 0.2;
// Below this cadence requests that overlap are a burst (page load, components mounting, duplicate
// fetches), not a timer. Sequential requests (each sent after the previous one finished) at a
// steady rhythm are polling at any cadence: the fastest polls are the most wasteful ones.
const MIN_CADENCE_MS = 250;
// Share of consecutive pairs in which the next request starts only after the previous finished.
const SEQUENTIAL_SHARE = 0.8;
// Timer jitter, setTimeout-after-response and server time move intervals by up to ±30%; 35%
// leaves headroom. 60% of intervals must fit so that a paused tab, retries after errors or a
// backoff episode (a few outliers) do not break the rhythm.
const JITTER_TOLERANCE = 0.35;
const MIN_INLIER_SHARE = 0.6;
// Throttled tabs switch cadence (1 s → 1 min) for a while; each interval then still resembles its
// neighbour. Random user-driven calls match their neighbour only ~25% of the time.
const NEIGHBOUR_RATIO = 1.6;
const MIN_STEADY_SHARE = 0.7;
// With only two intervals, a ±30% jitter gives a ratio of at most 1.86 in the worst case; 1.75
// keeps nearly all real polls while rejecting "5 s then 10 s".
const TWO_INTERVAL_MAX_RATIO = 1.75;
// A short poll's answer must not fill the cycle, else it is a held request with a gap.
const SHORT_HOLD_OF_CADENCE = 0.75;
// Cost bound for `decidedAfter`: verdicts are re-run on at most this many prefixes.
const DECISION_SCAN_LIMIT = 64;

function finishedAt(x: HttpExchange): number | undefined {
  // The body's end, not the headers: some long-poll servers flush headers at once and hold the body.
  return x.end ?? x.responseAt;
}

function isError(x: HttpExchange): boolean {
  return x.outcome === 'error' || x.outcome === 'timeout' || (x.status !== undefined && x.status >= 400);
}

function isFinished(x: HttpExchange): boolean {
  return x.end !== undefined || x.status !== undefined || (x.outcome !== undefined && x.outcome !== 'abort');
}

function round(n: number): number {
  return Number.isFinite(n) ? Math.round(n) : 0;
}

interface Measures {
  stats: PollingStats;
  intervals: number[];
  holds: number[];
  gaps: number[];
}

/** Exchanges must be sorted by start. */
function measure(sorted: readonly HttpExchange[]): Measures {
  const intervals: number[] = [];
  const holds: number[] = [];
  const gaps: number[] = [];
  let responses = 0;
  let unchanged = 0;
  let finished = 0;
  let errors = 0;
  let prevHash: string | undefined;
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i] as HttpExchange;
    const next = sorted[i + 1];
    if (next) intervals.push(next.start - x.start);
    const done = finishedAt(x);
    if (done !== undefined) {
      holds.push(done - x.start);
      if (next) gaps.push(next.start - done);
    }
    if (isFinished(x)) {
      finished++;
      if (isError(x)) errors++;
    }
    if (x.status !== undefined && !isError(x)) {
      responses++;
      if (x.status === 304 || x.status === 204 || (x.bodyHash !== undefined && x.bodyHash === prevHash)) unchanged++;
      if (x.bodyHash !== undefined && x.status !== 304) prevHash = x.bodyHash;
    }
  }
  const cadence = median(intervals);
  const jitter = mad(intervals);
  const span = sorted.length > 1 ? (sorted[sorted.length - 1] as HttpExchange).start - (sorted[0] as HttpExchange).start : 0;
  const stats: PollingStats = {
    count: sorted.length,
    cadenceMs: round(cadence),
    jitterMs: round(jitter),
    jitterRatio: cadence > 0 ? Math.round((jitter / cadence) * 1000) / 1000 : 0,
    holdMedianMs: round(median(holds)),
    gapMedianMs: round(median(gaps)),
    requestsPerMinute: span > 0 ? Math.round(((sorted.length - 1) / span) * 60_000 * 100) / 100 : 0,
    unchangedShare: responses > 0 ? Math.round((unchanged / responses) * 1000) / 1000 : 0,
    errorShare: finished > 0 ? Math.round((errors / finished) * 1000) / 1000 : 0,
  };
  return { stats, intervals, holds, gaps };
}

function secs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function isRegular(intervals: readonly number[], cadence: number): boolean {
  if (intervals.length < 2 || !(cadence > 0)) return false;
  if (intervals.length === 2) {
    const [a, b] = intervals as [number, number];
    return Math.min(a, b) > 0 && Math.max(a, b) / Math.min(a, b) <= TWO_INTERVAL_MAX_RATIO;
  }
  const inliers = intervals.filter((d) => Math.abs(d - cadence) <= JITTER_TOLERANCE * cadence).length;
  if (inliers / intervals.length >= MIN_INLIER_SHARE) return true;
  let steady = 0;
  for (let i = 1; i < intervals.length; i++) {
    const a = intervals[i - 1] as number;
    const b = intervals[i] as number;
    if (a > 0 && b > 0 && Math.max(a, b) / Math.min(a, b) <= NEIGHBOUR_RATIO) steady++;
  }
  return steady / (intervals.length - 1) >= MIN_STEADY_SHARE;
}

/** Whether requests run one after another: each starts once the previous one has finished. */
function isSequential(sorted: readonly HttpExchange[]): boolean {
  let pairs = 0;
  let sequential = 0;
  for (let i = 1; i < sorted.length; i++) {
    const done = finishedAt(sorted[i - 1] as HttpExchange);
    // An unanswered request in the middle of a series overlaps whatever follows it.
    pairs++;
    if (done !== undefined && (sorted[i] as HttpExchange).start >= done) sequential++;
  }
  return pairs > 0 && sequential / pairs >= SEQUENTIAL_SHARE;
}

export interface PollingVerdict {
  kind: PollKind;
  reason: string;
  stats: PollingStats;
}

/** Verdict for one endpoint's exchanges, sorted by start. Cheap enough to re-run per request. */
export function judgePolling(sorted: readonly HttpExchange[]): PollingVerdict {
  const { stats, intervals, holds, gaps } = measure(sorted);
  if (sorted.length < MIN_REQUESTS) {
    return { kind: 'http', reason: `only ${sorted.length} request${sorted.length === 1 ? '' : 's'}: polling needs at least ${MIN_REQUESTS}`, stats };
  }
  const holdMedian = median(holds);
  const gapMedian = median(gaps);
  const cadence = median(intervals);

  if (gaps.length >= 2 && holds.length >= 2) {
    const quickGap = gapMedian <= Math.max(QUICK_GAP_MS, QUICK_GAP_OF_HOLD * holdMedian);
    const heldShare = holds.filter((h) => h >= HELD_MS).length / holds.length;
    const held = holdMedian >= LONG_HOLD_MS || heldShare >= HELD_SHARE;
    if (quickGap && held) {
      return {
        kind: 'long-poll',
        reason: `server holds each request (median ${secs(holdMedian)}) and the client asks again ${secs(Math.max(0, gapMedian))} after each answer`,
        stats,
      };
    }
  }

  if (cadence < MIN_CADENCE_MS && !isSequential(sorted)) {
    return { kind: 'http', reason: `burst: ${sorted.length} overlapping requests every ${secs(cadence)}, not one after another`, stats };
  }
  if (isRegular(intervals, cadence)) {
    const quickAnswer = !(holdMedian >= LONG_HOLD_MS) || holdMedian <= SHORT_HOLD_OF_CADENCE * cadence;
    if (quickAnswer) {
      const pct = Math.round(stats.jitterRatio * 100);
      return {
        kind: 'short-poll',
        reason: `asks every ${secs(cadence)} (±${pct}%) and is answered in ${Number.isFinite(holdMedian) ? secs(holdMedian) : 'unknown time'}`,
        stats,
      };
    }
  }
  return { kind: 'http', reason: 'repeated at irregular times: no polling rhythm', stats };
}

/** Sorted by start; equal starts keep capture order. */
function sortByStart(exchanges: readonly HttpExchange[]): HttpExchange[] {
  return exchanges
    .map((x, i) => ({ x, i }))
    .sort((a, b) => a.x.start - b.x.start || a.i - b.i)
    .map((e) => e.x);
}

function decidedAfter(sorted: readonly HttpExchange[], finalKind: PollKind): number {
  const limit = Math.min(sorted.length, DECISION_SCAN_LIMIT);
  if (limit < sorted.length && judgePolling(sorted.slice(0, limit)).kind !== finalKind) return sorted.length;
  let decided = limit;
  for (let m = limit; m >= 1; m--) {
    if (judgePolling(sorted.slice(0, m)).kind !== finalKind) break;
    decided = m;
  }
  return decided;
}

/**
 * Classifies the exchanges of one endpoint (the caller grouped them, e.g. by `endpointKey`).
 * Event streams are ignored: they are streams, not polls. Null when nothing is left.
 */
export function classifyOne(exchanges: readonly HttpExchange[]): PollingSeries | null {
  const sorted = sortByStart(exchanges.filter((x) => !x.eventStream));
  const first = sorted[0];
  if (!first) return null;
  const verdict = judgePolling(sorted);
  return {
    key: endpointKey(first.method, first.url, first.requestBody),
    method: (first.method || 'GET').toUpperCase(),
    normalizedUrl: normalizeUrl(first.url),
    kind: verdict.kind,
    reason: verdict.reason,
    exchangeIds: sorted.map((x) => x.id),
    stats: verdict.stats,
    decidedAfter: decidedAfter(sorted, verdict.kind),
  };
}

/** Groups interleaved traffic by endpoint and classifies each group; ordered by first request. */
export function classifyPolling(exchanges: readonly HttpExchange[]): PollingSeries[] {
  const groups = new Map<string, { list: HttpExchange[]; firstStart: number }>();
  for (const x of exchanges) {
    if (x.eventStream) continue;
    const key = endpointKey(x.method, x.url, x.requestBody);
    const g = groups.get(key);
    if (g) {
      g.list.push(x);
      g.firstStart = Math.min(g.firstStart, x.start);
    } else groups.set(key, { list: [x], firstStart: x.start });
  }
  const ordered = [...groups.values()].sort((a, b) => a.firstStart - b.firstStart);
  const series: PollingSeries[] = [];
  for (const g of ordered) {
    const s = classifyOne(g.list);
    if (s) series.push(s);
  }
  return series;
}
