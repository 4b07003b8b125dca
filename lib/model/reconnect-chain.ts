// Context: pure model, no browser APIs.
// Folds the attempts of one channel into a chain: why each connection ended, how long the
// channel was down, whether an SSE stream resumed where it stopped, and the client's backoff.

import type { ConnectionAttempt } from './types';
import { detectBackoff, isReconnectStorm, reconnectDelays, type BackoffResult } from './backoff';
import { channelKey } from './channel-key';

export interface AttemptCause {
  closeCode?: number;
  closeReason?: string;
  wasClean?: boolean;
  error: boolean;
  httpStatus?: number;
}

/**
 * How an SSE attempt's first id relates to the previous attempt's last id (the Last-Event-ID the
 * browser sent back):
 * - continued: the next id in sequence, nothing lost or repeated;
 * - skipped: ids jumped ahead; events may have been missed (or ids are not consecutive);
 * - replayed: the same id came again: the server resent the last event;
 * - restarted: an earlier id: the server ignored Last-Event-ID and replayed from the start;
 * - unknown: ids are not comparable (opaque strings) or no event arrived yet.
 */
export type ResumeStatus = 'continued' | 'skipped' | 'replayed' | 'restarted' | 'unknown';

export interface ResumeInfo {
  previousLastEventId: string;
  firstEventId?: string;
  status: ResumeStatus;
  /** True only for `continued`. */
  resumed: boolean;
}

export interface ChainAttempt {
  id: string;
  attemptNumber: number;
  createdAt: number;
  openedAt?: number;
  closedAt?: number;
  /** Close → next creation: the delay the client chose (its backoff timer). */
  reconnectDelayMs?: number;
  /** Close → the next attempt that actually opened: how long the channel was down. */
  gapUntilNextOpenMs?: number;
  cause: AttemptCause;
  lastEventId?: string;
  firstEventId?: string;
  resumedFrom?: ResumeInfo;
  /** Id of the earlier attempt this one replaced (created after it ended); unset when it ran
   *  alongside the others (two sockets open at the same time are not a reconnect). */
  replaces?: string;
  attempt: ConnectionAttempt;
}

export interface ReconnectChain {
  key: string;
  kind?: ConnectionAttempt['kind'];
  url?: string;
  attempts: ChainAttempt[];
  reconnectCount: number;
  backoff: BackoffResult;
  storm: boolean;
}

function splitId(id: string): { prefix: string; n: number } | null {
  const m = /^(.*?)(\d{1,15})$/.exec(id);
  if (!m) return null;
  return { prefix: m[1] ?? '', n: Number(m[2]) };
}

/** Compares ids as numbers when both end in digits after the same prefix (`17`, `evt-17`). */
export function resumeStatus(previousLastEventId: string, firstEventId: string | undefined): ResumeStatus {
  if (firstEventId === undefined) return 'unknown';
  if (firstEventId === previousLastEventId) return 'replayed';
  const a = splitId(previousLastEventId);
  const b = splitId(firstEventId);
  if (!a || !b || a.prefix !== b.prefix) return 'unknown';
  if (b.n === a.n + 1) return 'continued';
  if (b.n > a.n) return 'skipped';
  return 'restarted';
}

/**
 * Which attempt replaced which: an attempt replaces the earliest-ended attempt that had already
 * ended when it was created and was not replaced yet. Attempts created while all earlier ones
 * were still alive replace nothing: they run concurrently.
 */
export function replacements(sorted: readonly ConnectionAttempt[]): (string | undefined)[] {
  // O(n log n): a channel can hold 10,000 short-lived sockets. Ended attempts are taken in order of
  // their end (ties in creation order) and wait in a min-heap until a later attempt replaces one.
  const ended = sorted
    .map((a, j) => ({ j, closedAt: a.closedAt }))
    .filter((e): e is { j: number; closedAt: number } => e.closedAt !== undefined)
    .sort((x, y) => x.closedAt - y.closedAt || x.j - y.j);
  const waiting = new MinHeap<{ j: number; closedAt: number }>((x, y) => x.closedAt - y.closedAt || x.j - y.j);
  // Ended no later than an attempt's creation but created at the same instant after it (zero-length).
  let notYetCreated: { j: number; closedAt: number }[] = [];
  let next = 0;
  return sorted.map((a, i) => {
    notYetCreated = notYetCreated.filter((e) => (e.j < i ? (waiting.push(e), false) : true));
    while (next < ended.length && (ended[next] as { closedAt: number }).closedAt <= a.createdAt) {
      const e = ended[next++] as { j: number; closedAt: number };
      if (e.j < i) waiting.push(e);
      else notYetCreated.push(e);
    }
    const replaced = waiting.pop();
    return replaced === undefined ? undefined : (sorted[replaced.j] as ConnectionAttempt).id;
  });
}

class MinHeap<T> {
  private items: T[] = [];
  constructor(private less: (a: T, b: T) => number) {}
  push(x: T): void {
    const h = this.items;
    h.push(x);
    let k = h.length - 1;
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (this.less(h[k] as T, h[p] as T) >= 0) break;
      [h[k], h[p]] = [h[p] as T, h[k] as T];
      k = p;
    }
  }
  pop(): T | undefined {
    const h = this.items;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop() as T;
    if (h.length > 0) {
      h[0] = last;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < h.length && this.less(h[l] as T, h[m] as T) < 0) m = l;
        if (r < h.length && this.less(h[r] as T, h[m] as T) < 0) m = r;
        if (m === k) break;
        [h[k], h[m]] = [h[m] as T, h[k] as T];
        k = m;
      }
    }
    return top;
  }
}

/** Attempts sorted by creation (stable for equal times, so capture order breaks ties). */
export function buildChain(attempts: readonly ConnectionAttempt[]): ReconnectChain {
  const sorted = attempts
    .map((a, i) => ({ a, i }))
    .sort((x, y) => x.a.createdAt - y.a.createdAt || x.i - y.i)
    .map((x) => x.a);
  const first = sorted[0];
  const delays = reconnectDelays(sorted);
  const replaced = replacements(sorted);

  const chained: ChainAttempt[] = sorted.map((a, i) => {
    const cause: AttemptCause = { error: a.error === true };
    if (a.closeCode !== undefined) cause.closeCode = a.closeCode;
    if (a.closeReason !== undefined) cause.closeReason = a.closeReason;
    if (a.wasClean !== undefined) cause.wasClean = a.wasClean;
    if (a.httpStatus !== undefined) cause.httpStatus = a.httpStatus;
    const item: ChainAttempt = { id: a.id, attemptNumber: i + 1, createdAt: a.createdAt, cause, attempt: a };
    if (a.openedAt !== undefined) item.openedAt = a.openedAt;
    if (a.closedAt !== undefined) item.closedAt = a.closedAt;
    if (a.lastEventId !== undefined) item.lastEventId = a.lastEventId;
    if (a.firstEventId !== undefined) item.firstEventId = a.firstEventId;
    if (i < delays.length) item.reconnectDelayMs = delays[i];
    if (replaced[i] !== undefined) item.replaces = replaced[i];
    if (a.closedAt !== undefined) {
      const closedAt = a.closedAt;
      const reopened = sorted.slice(i + 1).find((b) => b.openedAt !== undefined && b.openedAt >= closedAt);
      if (reopened?.openedAt !== undefined) item.gapUntilNextOpenMs = reopened.openedAt - closedAt;
    }
    const prev = sorted[i - 1];
    // Only SSE has Last-Event-ID; without a previous id the browser sends none, so no resume.
    if (a.kind === 'sse' && prev?.lastEventId !== undefined) {
      const status = resumeStatus(prev.lastEventId, a.firstEventId);
      const info: ResumeInfo = { previousLastEventId: prev.lastEventId, status, resumed: status === 'continued' };
      if (a.firstEventId !== undefined) info.firstEventId = a.firstEventId;
      item.resumedFrom = info;
    }
    return item;
  });

  const chain: ReconnectChain = {
    key: first ? channelKey(first.kind, first.url) : '',
    attempts: chained,
    reconnectCount: replaced.filter((r) => r !== undefined).length,
    backoff: detectBackoff(delays),
    storm: isReconnectStorm(sorted),
  };
  if (first) {
    chain.kind = first.kind;
    chain.url = first.url;
  }
  return chain;
}
