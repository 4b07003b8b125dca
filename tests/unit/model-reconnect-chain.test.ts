// Context: pure model, no browser APIs. Unit tests (node) for reconnect chains.

import { describe, expect, it } from 'vitest';
import type { ConnectionAttempt } from '../../lib/model/types';
import { buildChain, replacements, resumeStatus } from '../../lib/model/reconnect-chain';
import fc from 'fast-check';

const ws = (id: string, createdAt: number, extra: Partial<ConnectionAttempt> = {}): ConnectionAttempt => ({
  id,
  kind: 'ws',
  url: 'wss://a.test/live?sid=' + id,
  createdAt,
  ...extra,
});

describe('buildChain', () => {
  it('returns an empty chain for no attempts', () => {
    const c = buildChain([]);
    expect(c.attempts).toEqual([]);
    expect(c.reconnectCount).toBe(0);
    expect(c.backoff.pattern).toBe('unknown');
    expect(c.storm).toBe(false);
  });

  it('sorts attempts, numbers them and records causes and gaps', () => {
    const c = buildChain([
      ws('c', 7100, { openedAt: 7150 }),
      ws('a', 0, { openedAt: 40, closedAt: 60_000, closeCode: 1006, wasClean: false, error: true }),
      ws('b', 61_000, { closedAt: 61_030, httpStatus: 502, error: true, closeCode: 1006 }),
    ]);
    // Sorted by creation time, not by input order.
    expect(c.attempts.map((a) => a.id)).toEqual(['a', 'c', 'b']);
    expect(c.attempts.map((a) => a.attemptNumber)).toEqual([1, 2, 3]);
    // 'c' was created while 'a' was still open: it ran alongside, only 'b' replaced 'a' (issue #14 item 4).
    expect(c.reconnectCount).toBe(1);
    expect(c.attempts.map((a) => a.replaces)).toEqual([undefined, undefined, 'a']);
    expect(c.attempts[0]?.cause).toEqual({ closeCode: 1006, wasClean: false, error: true });
    expect(c.kind).toBe('ws');
    expect(c.key).toBe('ws wss://a.test/live');
  });

  it('measures downtime to the next attempt that actually opened', () => {
    const c = buildChain([
      ws('1', 0, { openedAt: 50, closedAt: 10_000, closeCode: 1001, closeReason: 'going away', wasClean: true }),
      ws('2', 11_000, { closedAt: 11_020, httpStatus: 503, error: true }),
      ws('3', 13_020, { closedAt: 13_030, httpStatus: 503, error: true }),
      ws('4', 17_030, { openedAt: 17_080 }),
    ]);
    const [a1, a2, a3, a4] = c.attempts;
    expect(a1?.gapUntilNextOpenMs).toBe(7080);
    expect(a2?.gapUntilNextOpenMs).toBe(17_080 - 11_020);
    expect(a4?.gapUntilNextOpenMs).toBeUndefined();
    expect(a1?.reconnectDelayMs).toBe(1000);
    expect(a3?.reconnectDelayMs).toBe(4000);
    expect(a4?.reconnectDelayMs).toBeUndefined();
    expect(a1?.cause).toEqual({ closeCode: 1001, closeReason: 'going away', wasClean: true, error: false });
    expect(a2?.cause.httpStatus).toBe(503);
    expect(c.backoff).toMatchObject({ pattern: 'exponential', factor: 2, baseMs: 1000 });
    expect(c.storm).toBe(false);
  });

  it('flags a storm of immediate reconnects', () => {
    const list = Array.from({ length: 8 }, (_, i) => ws(String(i), i * 300, { openedAt: i * 300 + 20, closedAt: i * 300 + 250, closeCode: 1011 }));
    const c = buildChain(list);
    expect(c.storm).toBe(true);
    expect(c.backoff.pattern).toBe('none');
    expect(c.reconnectCount).toBe(7);
  });

  it('tells whether SSE attempts resumed after Last-Event-ID', () => {
    const sse = (id: string, t: number, first?: string, last?: string): ConnectionAttempt => {
      const a: ConnectionAttempt = {
        id,
        kind: 'sse',
        url: 'https://a.test/events',
        createdAt: t,
        openedAt: t + 3000,
        closedAt: t + 10_000,
        error: true,
      };
      if (first !== undefined) a.firstEventId = first;
      if (last !== undefined) a.lastEventId = last;
      return a;
    };
    const c = buildChain([
      sse('1', 0, '1', '17'),
      sse('2', 10_000, '18', '30'),
      sse('3', 20_000, '1', '9'),
      sse('4', 30_000, undefined, undefined),
      sse('5', 40_000, 'x', 'y'),
    ]);
    const [a1, a2, a3, a4, a5] = c.attempts;
    expect(a1?.resumedFrom).toBeUndefined();
    expect(a2?.resumedFrom).toEqual({ previousLastEventId: '17', firstEventId: '18', status: 'continued', resumed: true });
    expect(a3?.resumedFrom).toMatchObject({ previousLastEventId: '30', status: 'restarted', resumed: false });
    expect(a4?.resumedFrom).toEqual({ previousLastEventId: '9', status: 'unknown', resumed: false });
    // Attempt 4 got no id, so the browser sent no Last-Event-ID for attempt 5.
    expect(a5?.resumedFrom).toBeUndefined();
    expect(a2?.lastEventId).toBe('30');
  });

  it('does not compute SSE resumes for WebSocket attempts', () => {
    const c = buildChain([ws('1', 0, { lastEventId: '5' }), ws('2', 1000, { firstEventId: '6' })]);
    expect(c.attempts[1]?.resumedFrom).toBeUndefined();
  });
});

describe('resumeStatus', () => {
  it('compares numeric ids, also behind a shared prefix', () => {
    expect(resumeStatus('41', '42')).toBe('continued');
    expect(resumeStatus('evt-41', 'evt-42')).toBe('continued');
    expect(resumeStatus('41', '45')).toBe('skipped');
    expect(resumeStatus('41', '41')).toBe('replayed');
    expect(resumeStatus('41', '3')).toBe('restarted');
  });

  it('gives unknown for opaque or mismatched ids and a missing first id', () => {
    expect(resumeStatus('abc', 'def')).toBe('unknown');
    expect(resumeStatus('a-1', 'b-2')).toBe('unknown');
    expect(resumeStatus('41', undefined)).toBe('unknown');
  });
});

// The first, quadratic-per-attempt version of `replacements`, kept as the reference for the fast one.
function replacementsReference(sorted: readonly ConnectionAttempt[]): (string | undefined)[] {
  const ended: { id: string; closedAt: number }[] = [];
  const out: (string | undefined)[] = [];
  sorted.forEach((a, i) => {
    for (let j = 0; j < i; j++) {
      const b = sorted[j] as ConnectionAttempt;
      if (b.closedAt !== undefined && b.closedAt <= a.createdAt && !ended.some((e) => e.id === b.id) && !out.includes(b.id))
        ended.push({ id: b.id, closedAt: b.closedAt });
    }
    ended.sort((x, y) => x.closedAt - y.closedAt);
    out.push(ended.shift()?.id);
  });
  return out;
}

describe('replacements at scale', () => {
  it('matches the reference on random overlapping attempts, zero-length ones and ties included', () => {
    const attempt = fc.record({ start: fc.integer({ min: 0, max: 40 }), length: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 30 }), (raw) => {
        const sorted: ConnectionAttempt[] = raw
          .map((r, i) => ({
            id: `c${i}`,
            kind: 'ws' as const,
            url: 'ws://x/',
            createdAt: r.start,
            closedAt: r.length === undefined ? undefined : r.start + r.length,
          }))
          .sort((x, y) => x.createdAt - y.createdAt);
        expect(replacements(sorted)).toEqual(replacementsReference(sorted));
      }),
      { numRuns: 500 },
    );
  });

  it('handles 10,000 short-lived sockets opened in bursts (a hostile page)', () => {
    const sorted: ConnectionAttempt[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `c${i}`,
      kind: 'ws' as const,
      url: 'ws://x/',
      createdAt: Math.floor(i / 1000) * 10,
      closedAt: Math.floor(i / 1000) * 10 + 5,
    }));
    const out = replacements(sorted);
    // Each burst of 1,000 replaces the 1,000 sockets of the burst before it.
    expect(out.filter((x) => x !== undefined)).toHaveLength(9_000);
    expect(out[1000]).toBe('c0');
  });
});
