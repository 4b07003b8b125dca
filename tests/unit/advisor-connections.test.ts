// Context: pure (panel + model), no browser APIs. Unit tests (node) for the advisor's connection
// findings: reconnect pacing, close codes, handshakes, EventSource statuses and SSE resume.

import { describe, expect, it } from 'vitest';
import { adviseChannel, type AdvisorFrame, type AdvisorInput, type Finding } from '../../lib/advisor';
import type { ConnectionAttempt } from '../../lib/model/types';

const T0 = 1_700_000_000_000;
const CJK = /[\u4e00-\u9fff]/;

function advise(input: AdvisorInput): Finding[] {
  const en = adviseChannel(input, 'en');
  const zh = adviseChannel(input, 'zh-CN');
  expect(zh.map((f) => f.id)).toEqual(en.map((f) => f.id));
  en.forEach((e, i) => {
    const z = zh[i] as Finding;
    expect(z.numbers).toEqual(e.numbers);
    for (const text of [e.title, e.detail, z.title, z.detail]) {
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toMatch(/undefined|NaN|Infinity|\[object/);
    }
    expect(z.title).not.toBe(e.title);
    expect(z.detail).not.toBe(e.detail);
    expect(z.title + z.detail).toMatch(CJK);
    expect(e.title + e.detail).not.toMatch(CJK);
  });
  return en;
}

const byId = (fs: Finding[], id: string): Finding | undefined => fs.find((f) => f.id === id);
const ids = (fs: Finding[]): string[] => fs.map((f) => f.id);

/**
 * A WebSocket channel whose connections last `lifetimes[i]` and reconnect after `delays[i]`.
 * The last connection stays open.
 */
function wsChain(lifetimes: number[], delays: number[], extra: (i: number) => Partial<ConnectionAttempt> = () => ({})): ConnectionAttempt[] {
  const out: ConnectionAttempt[] = [];
  let t = T0;
  for (let i = 0; i < lifetimes.length; i++) {
    const openedAt = t + 30;
    const last = i === lifetimes.length - 1;
    const a: ConnectionAttempt = { id: `a${i}`, kind: 'ws', url: 'wss://app.test/live', createdAt: t, openedAt };
    if (!last) {
      a.closedAt = openedAt + (lifetimes[i] as number);
      a.closeCode = 1006;
      a.wasClean = false;
      a.error = true;
      t = a.closedAt + (delays[i] ?? 0);
    }
    out.push({ ...a, ...extra(i) });
  }
  return out;
}

describe('reconnects', () => {
  it('calls a burst of immediate reconnects a storm', () => {
    const attempts = wsChain(Array(9).fill(200), Array(8).fill(40));
    const fs = advise({ kind: 'ws', url: 'wss://app.test/live', attempts, durationMs: 5_000 });
    const f = byId(fs, 'reconnect-storm');
    expect(f?.severity).toBe('error');
    expect(f?.numbers.reconnects).toBe(8);
    expect(f?.numbers.medianDelayMs).toBe(40);
    expect(f?.title).toMatch(/^Reconnect storm: 8 reconnects in \d\.\d s$/);
    expect(fs[0]?.id).toBe('reconnect-storm');
    expect(byId(fs, 'reconnect-backoff')).toBeUndefined();
  });

  it('describes exponential backoff as info', () => {
    const attempts = wsChain([5_000, 5_000, 5_000, 5_000, 5_000, 5_000], [1_000, 2_000, 4_000, 8_000, 16_000]);
    const fs = advise({ kind: 'ws', url: 'wss://app.test/live', attempts, durationMs: 120_000 });
    expect(byId(fs, 'reconnect-storm')).toBeUndefined();
    const f = byId(fs, 'reconnect-backoff');
    expect(f?.severity).toBe('info');
    expect(f?.numbers).toMatchObject({ reconnects: 5, factor: 2, baseMs: 1000 });
    expect(f?.title).toBe('Reconnects back off exponentially: ×2 from 1.0 s');
    const zh = byId(adviseChannel({ kind: 'ws', url: 'u', attempts, durationMs: 1 }, 'zh-CN'), 'reconnect-backoff');
    expect(zh?.title).toBe('重连采用指数退避：从 1.0 秒开始每次 ×2');
  });

  it('warns about a few immediate reconnects that are not yet a storm', () => {
    const attempts = wsChain([30_000, 30_000, 30_000], [20, 30]);
    const f = byId(advise({ kind: 'ws', url: 'u', attempts, durationMs: 100_000 }), 'reconnect-immediate');
    expect(f?.severity).toBe('warn');
    expect(f?.numbers.reconnects).toBe(2);
  });

  it("explains an EventSource's fixed retry as its own timer", () => {
    const attempts: ConnectionAttempt[] = [0, 1, 2, 3].map((i) => ({
      id: `s${i}`,
      kind: 'sse',
      url: 'https://app.test/events',
      createdAt: T0 + i * 33_000,
      openedAt: T0 + i * 33_000 + 20,
      closedAt: T0 + i * 33_000 + 30_000,
      error: true,
      firstEventId: String(i * 10 + 1),
      lastEventId: String(i * 10 + 10),
    }));
    const fs = advise({ kind: 'sse', url: 'https://app.test/events', attempts, durationMs: 120_000 });
    const f = byId(fs, 'reconnect-backoff');
    expect(f?.severity).toBe('info');
    expect(f?.sseRule).toBe('retry-field');
    expect(f?.numbers.baseMs).toBe(3_000);
    expect(f?.detail).toContain('retry:');
    // Ids 10 → 11, 20 → 21: every reconnect resumed exactly.
    expect(byId(fs, 'sse-resume-ok')?.numbers.reconnects).toBe(3);
    expect(byId(fs, 'sse-no-ids')).toBeUndefined();
  });

  it('has no reconnect findings for a single healthy connection', () => {
    const attempts = wsChain([0], []);
    expect(advise({ kind: 'ws', url: 'u', attempts, durationMs: 10_000 })).toEqual([]);
  });
});

describe('WebSocket close codes', () => {
  it('flags repeated 1006 closes and ties their 60 s lifetime to an idle timeout', () => {
    const attempts = wsChain([60_000, 60_200, 59_800, 60_000], [1_000, 2_000, 4_000]);
    const fs = advise({ kind: 'ws', url: 'u', attempts, durationMs: 300_000 });
    const f = byId(fs, 'ws-abnormal-close');
    expect(f?.severity).toBe('warn');
    expect(f?.closeCode).toBe(1006);
    expect(f?.numbers).toMatchObject({ count: 3, attempts: 4, medianLifetimeMs: 60_000, timeoutMs: 60_000 });
    expect(f?.title).toBe('3 of 4 connections ended abnormally (1006)');
    expect(f?.detail).toContain('ping');
  });

  it('does not flag a single 1006', () => {
    const attempts = wsChain([600_000, 0], [2_000]);
    const fs = advise({ kind: 'ws', url: 'u', attempts, durationMs: 700_000 });
    expect(byId(fs, 'ws-abnormal-close')).toBeUndefined();
  });

  it('explains 1013 and notices a client that came straight back', () => {
    const attempts = wsChain([10_000, 10_000, 10_000], [50, 8_000], (i) =>
      i < 2 ? { closeCode: 1013, wasClean: true, error: false, closeReason: 'overloaded' } : {},
    );
    const fs = advise({ kind: 'ws', url: 'u', attempts, durationMs: 60_000 });
    const f = byId(fs, 'ws-close-1013');
    expect(f?.severity).toBe('warn');
    expect(f?.closeCode).toBe(1013);
    expect(f?.numbers).toEqual({ count: 2, fastestRetryMs: 50 });
    expect(f?.detail).toContain('overloaded');
    expect(f?.detail).toContain('50 ms');
    expect(f?.detail).toMatch(/back off/i);
  });

  it('treats repeated 1008 as an error loop, and 1009 / 1011 on their own', () => {
    const attempts = wsChain([2_000, 2_000, 2_000, 2_000, 0], [3_000, 3_000, 3_000, 3_000], (i) =>
      i < 2
        ? { closeCode: 1008, wasClean: true, closeReason: 'token expired' }
        : i === 2
          ? { closeCode: 1009, wasClean: true }
          : i === 3
            ? { closeCode: 1011, wasClean: true }
            : {},
    );
    const fs = advise({ kind: 'ws', url: 'u', attempts, durationMs: 60_000 });
    const p = byId(fs, 'ws-close-1008');
    expect(p?.severity).toBe('error');
    expect(p?.numbers.count).toBe(2);
    expect(p?.detail).toContain('closed the same way 2 times');
    expect(byId(fs, 'ws-close-1009')?.severity).toBe('error');
    expect(byId(fs, 'ws-close-1011')?.severity).toBe('warn');
    expect(ids(fs).indexOf('ws-close-1008')).toBeLessThan(ids(fs).indexOf('ws-close-1011'));
  });

  it('ignores normal closes (1000, 1001)', () => {
    const attempts = wsChain([20_000, 20_000, 0], [5_000, 5_000], (i) =>
      i < 2 ? { closeCode: i === 0 ? 1000 : 1001, wasClean: true, error: false } : {},
    );
    const fs = advise({ kind: 'ws', url: 'u', attempts, durationMs: 60_000 });
    expect(fs.filter((f) => f.id.startsWith('ws-close') || f.id === 'ws-abnormal-close')).toEqual([]);
  });

  it('reports a refused handshake by its HTTP status', () => {
    const attempts: ConnectionAttempt[] = [
      { id: 'h1', kind: 'ws', url: 'u', createdAt: T0, closedAt: T0 + 40, closeCode: 1006, error: true, httpStatus: 403 },
    ];
    const fs = advise({ kind: 'ws', url: 'u', attempts, durationMs: 1_000 });
    const f = byId(fs, 'ws-handshake-status');
    expect(f?.statusCode).toBe(403);
    expect(f?.severity).toBe('error');
    expect(f?.title).toContain('403 instead of 101');
  });
});

function sseAttempt(i: number, extra: Partial<ConnectionAttempt>): ConnectionAttempt {
  return { id: `e${i}`, kind: 'sse', url: 'https://app.test/events', createdAt: T0 + i * 10_000, ...extra };
}

describe('EventSource statuses', () => {
  it('explains a 204 that stops reconnection', () => {
    const attempts = [
      sseAttempt(0, { openedAt: T0 + 10, closedAt: T0 + 5_000, error: true, httpStatus: 200 }),
      sseAttempt(1, { closedAt: T0 + 10_020, error: true, httpStatus: 204 }),
    ];
    const f = byId(advise({ kind: 'sse', url: 'u', attempts, durationMs: 20_000 }), 'sse-204-stop');
    expect(f?.statusCode).toBe(204);
    expect(f?.sseRule).toBe('no-content-stops');
  });

  it('explains a non-200 status that fails for good', () => {
    const attempts = [sseAttempt(0, { closedAt: T0 + 30, error: true, httpStatus: 401 })];
    const fs = advise({ kind: 'sse', url: 'u', attempts, durationMs: 1_000 });
    const f = byId(fs, 'sse-bad-status');
    expect(f?.severity).toBe('error');
    expect(f?.statusCode).toBe(401);
    expect(f?.sseRule).toBe('fail-without-reconnect');
    expect(f?.detail).toContain('Authorization');
  });

  it('spots a wrong Content-Type, given or inferred from a 200 that never opened', () => {
    const attempts = [sseAttempt(0, { closedAt: T0 + 30, error: true, httpStatus: 200 })];
    const inferred = byId(advise({ kind: 'sse', url: 'u', attempts, durationMs: 1_000 }), 'sse-wrong-content-type');
    expect(inferred?.title).toContain('never opened');
    const given = byId(
      advise({ kind: 'sse', url: 'u', attempts, contentType: 'text/html; charset=utf-8', durationMs: 1_000 }),
      'sse-wrong-content-type',
    );
    expect(given?.title).toContain('text/html');
    expect(given?.title).not.toContain('charset');
  });

  it('says nothing about statuses for a healthy stream', () => {
    const attempts = [sseAttempt(0, { openedAt: T0 + 10, httpStatus: 200 })];
    const fs = advise({ kind: 'sse', url: 'u', attempts, contentType: 'text/event-stream', durationMs: 60_000, sseIdsSeen: true });
    expect(fs).toEqual([]);
  });
});

const events = (n: number, withIds: boolean, from = 1): AdvisorFrame[] =>
  Array.from({ length: n }, (_, i) => ({
    t: T0 + i * 700,
    dir: 'in' as const,
    size: 40,
    text: `{"price":${100 + ((i * 7) % 13)}}`,
    event: 'price',
    ...(withIds ? { id: String(from + i) } : {}),
  }));

describe('SSE ids and resume', () => {
  it('warns about a stream without ids once it has reconnected', () => {
    const attempts = [
      sseAttempt(0, { openedAt: T0 + 10, closedAt: T0 + 8_000, error: true, httpStatus: 200 }),
      sseAttempt(1, { createdAt: T0 + 11_000, openedAt: T0 + 11_020, httpStatus: 200 }),
    ];
    const frames = events(15, false);
    const fs = advise({ kind: 'sse', url: 'u', attempts, frames, durationMs: 20_000 });
    const f = byId(fs, 'sse-no-ids');
    expect(f?.severity).toBe('warn');
    expect(f?.sseRule).toBe('last-event-id');
    expect(f?.numbers).toEqual({ events: 15, reconnects: 1 });
    // sseIdsSeen from the caller wins over the frame sample.
    expect(byId(advise({ kind: 'sse', url: 'u', attempts, frames, sseIdsSeen: true, durationMs: 1 }), 'sse-no-ids')).toBeUndefined();
  });

  it('is an info when the stream has not reconnected yet, and silent with ids', () => {
    expect(byId(advise({ kind: 'sse', url: 'u', frames: events(5, false), durationMs: 5_000 }), 'sse-no-ids')?.severity).toBe('info');
    expect(byId(advise({ kind: 'sse', url: 'u', frames: events(5, true), durationMs: 5_000 }), 'sse-no-ids')).toBeUndefined();
    // An fetch stream has no EventSource resume: not its finding.
    expect(byId(advise({ kind: 'fetch-stream', url: 'u', frames: events(5, false), durationMs: 5_000 }), 'sse-no-ids')).toBeUndefined();
  });

  it('counts events missed across a reconnect', () => {
    const attempts = [
      sseAttempt(0, { openedAt: T0 + 10, closedAt: T0 + 8_000, error: true, firstEventId: 'evt-1', lastEventId: 'evt-41' }),
      sseAttempt(1, { openedAt: T0 + 11_020, firstEventId: 'evt-45', lastEventId: 'evt-60' }),
    ];
    const f = byId(advise({ kind: 'sse', url: 'u', attempts, durationMs: 30_000 }), 'sse-resume-gap');
    expect(f?.severity).toBe('warn');
    expect(f?.numbers).toEqual({ reconnects: 1, missedEvents: 3 });
    expect(f?.detail).toContain('evt-41');
    expect(f?.detail).toContain('evt-45');
  });

  it('reports replayed and restarted streams', () => {
    const replay = [
      sseAttempt(0, { openedAt: T0 + 10, closedAt: T0 + 8_000, error: true, firstEventId: '1', lastEventId: '41' }),
      sseAttempt(1, { openedAt: T0 + 11_020, firstEventId: '41', lastEventId: '50' }),
    ];
    const r = advise({ kind: 'sse', url: 'u', attempts: replay, durationMs: 30_000 });
    expect(byId(r, 'sse-resume-replay')?.numbers.reconnects).toBe(1);
    expect(byId(r, 'sse-resume-ok')).toBeUndefined();
    const restart = [replay[0] as ConnectionAttempt, sseAttempt(1, { openedAt: T0 + 11_020, firstEventId: '1', lastEventId: '9' })];
    const s = byId(advise({ kind: 'sse', url: 'u', attempts: restart, durationMs: 30_000 }), 'sse-resume-restart');
    expect(s?.detail).toContain('41');
    expect(s?.severity).toBe('warn');
  });
});
