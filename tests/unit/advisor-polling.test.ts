// Context: pure (panel + model), no browser APIs. Unit tests (node) for the advisor's polling
// findings, fed with exchanges shaped like real captures and classified by lib/model/polling.

import { describe, expect, it } from 'vitest';
import { adviseChannel, HEADER_BYTES_PER_POLL, type AdvisorInput, type Finding } from '../../lib/advisor';
import { classifyOne, type PollingStats } from '../../lib/model/polling';
import type { HttpExchange } from '../../lib/model/types';

const T0 = 1_700_000_000_000;
const CJK = /[\u4e00-\u9fff]/;

/** Runs both locales and checks they agree on everything but the words. */
function advise(input: AdvisorInput): Finding[] {
  const en = adviseChannel(input, 'en');
  const zh = adviseChannel(input, 'zh-CN');
  expect(zh.map((f) => f.id)).toEqual(en.map((f) => f.id));
  en.forEach((e, i) => {
    const z = zh[i] as Finding;
    expect(z.numbers).toEqual(e.numbers);
    expect(z.severity).toBe(e.severity);
    for (const text of [e.title, e.detail, z.title, z.detail]) {
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toMatch(/undefined|NaN|Infinity|\[object/);
    }
    expect(z.title).not.toBe(e.title);
    expect(z.detail).not.toBe(e.detail);
    expect(z.title).toMatch(CJK);
    expect(z.detail).toMatch(CJK);
    expect(e.title).not.toMatch(CJK);
  });
  return en;
}

const byId = (fs: Finding[], id: string): Finding | undefined => fs.find((f) => f.id === id);

/** A short poll every second; the body changes on the listed request indexes only. */
function shortPoll(n: number, changedAt: (i: number) => boolean, size = 2000): HttpExchange[] {
  const out: HttpExchange[] = [];
  let version = 0;
  for (let i = 0; i < n; i++) {
    if (changedAt(i)) version++;
    // ±40 ms of timer wobble, as setInterval shows in a busy tab.
    const start = T0 + i * 1000 + ((i * 37) % 80) - 40;
    out.push({
      id: `p${i}`,
      method: 'GET',
      url: 'https://app.test/api/notices?since=0',
      start,
      responseAt: start + 70,
      end: start + 85,
      status: 200,
      size,
      bodyHash: `h${version}`,
      outcome: 'ok',
    });
  }
  return out;
}

function statsOf(exchanges: HttpExchange[]): PollingStats {
  const s = classifyOne(exchanges);
  if (!s) throw new Error('no series');
  return s.stats;
}

describe('short polling', () => {
  it('quotes cadence and unchanged share from the given stats (0.94 → 94%)', () => {
    const poll: PollingStats = {
      count: 120,
      cadenceMs: 1000,
      jitterMs: 20,
      jitterRatio: 0.02,
      holdMedianMs: 80,
      gapMedianMs: 920,
      requestsPerMinute: 60,
      unchangedShare: 0.94,
      errorShare: 0,
    };
    const fs = advise({ kind: 'short-poll', url: 'https://app.test/api/notices', poll, durationMs: 120_000 });
    const f = byId(fs, 'short-poll-unchanged');
    expect(f).toBeDefined();
    expect(f?.severity).toBe('warn');
    expect(f?.technique).toBe('sse');
    expect(f?.numbers).toMatchObject({ cadenceMs: 1000, unchangedPercent: 94, requestsPerMinute: 60, changedPerMinute: 3.6 });
    expect(f?.title).toBe('Polls every 1.0 s; 94% of responses carried nothing new');
    expect(f?.detail).toContain('60 times a minute');
    expect(f?.detail).toContain('3.6');
    // Without exchanges there are no sizes, so no byte estimate.
    expect(f?.numbers.bytesPerMinuteNow).toBeUndefined();
    const zh = byId(adviseChannel({ kind: 'short-poll', url: 'x', poll, durationMs: 1 }, 'zh-CN'), 'short-poll-unchanged');
    expect(zh?.title).toBe('每 1.0 秒轮询一次，94% 的响应没有带来新数据');
    expect(zh?.detail).toContain('SSE');
  });

  it('estimates bytes saved from the captured sizes', () => {
    // 50 polls, data changed on 5 of them → 90% unchanged, 60 req/min, 6 changes/min.
    const exchanges = shortPoll(50, (i) => i % 10 === 0);
    const poll = statsOf(exchanges);
    expect(poll.unchangedShare).toBe(0.9);
    const fs = advise({ kind: 'short-poll', url: exchanges[0]!.url, poll, exchanges, durationMs: 50_000 });
    const f = byId(fs, 'short-poll-unchanged');
    expect(f?.numbers.unchangedPercent).toBe(90);
    const rpm = f?.numbers.requestsPerMinute as number;
    expect(rpm).toBeGreaterThan(59);
    expect(rpm).toBeLessThan(61);
    expect(f?.numbers.headerBytesAssumed).toBe(HEADER_BYTES_PER_POLL);
    // Now: each poll costs headers + 2,000 B; pushed: only the changed bodies plus a tiny frame.
    expect(f?.numbers.bytesPerMinuteNow).toBe(Math.round(rpm * (2000 + HEADER_BYTES_PER_POLL)));
    expect(f?.numbers.bytesPerMinutePush).toBe(Math.round((f?.numbers.changedPerMinute as number) * 2020));
    expect(f?.numbers.savedPercent).toBeGreaterThanOrEqual(91);
    expect(f?.numbers.savedPercent).toBeLessThanOrEqual(93);
    expect(f?.detail).toMatch(/about 152(\.\d)? KB\/min now/);
  });

  it('derives the stats from exchanges when none are given, and says so when nothing changed', () => {
    const exchanges = shortPoll(30, (i) => i === -1).map((x) => ({ ...x, status: 304, size: 0 }));
    const fs = advise({ kind: 'short-poll', url: exchanges[0]!.url, exchanges, durationMs: 30_000 });
    const f = byId(fs, 'short-poll-unchanged');
    expect(f?.numbers.unchangedPercent).toBe(100);
    expect(f?.numbers.changedPerMinute).toBe(0);
    expect(f?.detail).toContain('no answer brought changed data');
  });

  it('is only an info for a slow poll', () => {
    const poll: PollingStats = {
      count: 10,
      cadenceMs: 60_000,
      jitterMs: 0,
      jitterRatio: 0,
      holdMedianMs: 90,
      gapMedianMs: 59_910,
      requestsPerMinute: 1,
      unchangedShare: 0.8,
      errorShare: 0,
    };
    const f = byId(advise({ kind: 'short-poll', url: 'u', poll, durationMs: 600_000 }), 'short-poll-unchanged');
    expect(f?.severity).toBe('info');
    expect(f?.title).toContain('every 60 s');
  });

  it('does not complain when most polls bring new data', () => {
    const exchanges = shortPoll(40, () => true);
    const fs = advise({ kind: 'short-poll', url: exchanges[0]!.url, exchanges, durationMs: 40_000 });
    expect(byId(fs, 'short-poll-unchanged')).toBeUndefined();
    expect(byId(fs, 'short-poll-errors')).toBeUndefined();
    const f = byId(fs, 'short-poll-cadence');
    expect(f?.severity).toBe('info');
    expect(f?.numbers.changedPercent).toBe(100);
    expect(fs.every((x) => x.severity === 'info')).toBe(true);
  });

  it('flags failing polls', () => {
    const exchanges = shortPoll(40, () => true).map((x, i) => (i % 3 === 0 ? { ...x, status: 503 } : x));
    const fs = advise({ kind: 'short-poll', url: exchanges[0]!.url, exchanges, durationMs: 40_000 });
    const f = byId(fs, 'short-poll-errors');
    expect(f?.severity).toBe('warn');
    expect(f?.numbers.errorPercent).toBe(35);
  });
});

/** Long polls: each held `holdMs` (early answers every `earlyEvery`), re-requested 20 ms later. */
function longPoll(n: number, holdMs: number, opts: { earlyEvery?: number; status?: (i: number) => number } = {}): HttpExchange[] {
  const out: HttpExchange[] = [];
  let t = T0;
  for (let i = 0; i < n; i++) {
    const early = opts.earlyEvery !== undefined && i % opts.earlyEvery === 1;
    const hold = early ? 3_000 : holdMs;
    const status = opts.status?.(i) ?? (early ? 200 : 204);
    out.push({
      id: `l${i}`,
      method: 'GET',
      url: 'https://app.test/poll?cursor=' + i,
      start: t,
      responseAt: t + hold - 2,
      end: t + hold,
      status,
      size: status === 200 ? 300 : 0,
      bodyHash: status === 200 ? `b${i}` : undefined,
      outcome: 'ok',
    });
    t += hold + 22;
  }
  return out;
}

describe('long polling', () => {
  it('warns when holds sit just under the 60 s nginx / ALB timeout', () => {
    const exchanges = longPoll(12, 58_000, { earlyEvery: 4 });
    const fs = advise({ kind: 'long-poll', url: 'https://app.test/poll', exchanges, durationMs: 600_000 });
    const f = byId(fs, 'long-poll-hold-near-timeout');
    expect(f?.severity).toBe('warn');
    expect(f?.technique).toBe('long-poll');
    expect(f?.numbers.timeoutMs).toBe(60_000);
    expect(f?.numbers.holdMs).toBeGreaterThanOrEqual(58_000);
    expect(f?.numbers.holdMs).toBeLessThan(58_010);
    expect(f?.numbers.suggestedHoldMs).toBe(45_000);
    expect(f?.detail).toContain('nginx');
    expect(f?.detail).toMatch(/50\d?4|504/);
    expect(byId(fs, 'long-poll-summary')).toBeDefined();
  });

  it('names Cloudflare for holds near 100 s', () => {
    const f = byId(advise({ kind: 'long-poll', url: 'u', exchanges: longPoll(8, 95_000), durationMs: 800_000 }), 'long-poll-hold-near-timeout');
    expect(f?.numbers.timeoutMs).toBe(100_000);
    expect(f?.detail).toContain('Cloudflare');
  });

  it('stays quiet about timeouts for a 20 s hold', () => {
    const exchanges = longPoll(12, 20_000, { earlyEvery: 3 });
    const fs = advise({ kind: 'long-poll', url: 'u', exchanges, durationMs: 240_000 });
    expect(byId(fs, 'long-poll-hold-near-timeout')).toBeUndefined();
    expect(byId(fs, 'long-poll-gateway-errors')).toBeUndefined();
    const s = byId(fs, 'long-poll-summary');
    expect(s?.severity).toBe('info');
    expect(s?.numbers.holdMedianMs).toBe(20_000);
    expect(fs.every((x) => x.severity === 'info')).toBe(true);
  });

  it('reports 504s and matches their timing to a 60 s proxy', () => {
    const exchanges = longPoll(10, 60_000, { status: (i) => (i % 2 === 0 ? 504 : 204) });
    const fs = advise({ kind: 'long-poll', url: 'u', exchanges, durationMs: 600_000 });
    const f = byId(fs, 'long-poll-gateway-errors');
    expect(f?.severity).toBe('error');
    expect(f?.statusCode).toBe(504);
    expect(f?.numbers).toMatchObject({ count: 5, total: 10, percent: 50, failedAfterMs: 60_000, timeoutMs: 60_000 });
    expect(f?.title).toBe('5 of 10 long polls ended in 504');
    const zh = byId(adviseChannel({ kind: 'long-poll', url: 'u', exchanges, durationMs: 600_000 }, 'zh-CN'), 'long-poll-gateway-errors');
    expect(zh?.title).toBe('10 次长轮询中有 5 次以 504 结束');
  });

  it('reports a single 502 as a warning', () => {
    const exchanges = longPoll(20, 25_000, { status: (i) => (i === 7 ? 502 : 204) });
    const f = byId(advise({ kind: 'long-poll', url: 'u', exchanges, durationMs: 600_000 }), 'long-poll-gateway-errors');
    expect(f?.severity).toBe('warn');
    expect(f?.statusCode).toBe(502);
    expect(f?.numbers.count).toBe(1);
  });
});

describe('ordinary http', () => {
  it('has nothing to say', () => {
    const exchanges = shortPoll(3, () => true);
    expect(advise({ kind: 'http', url: 'https://app.test/api/me', exchanges, durationMs: 5_000 })).toEqual([]);
  });
});
