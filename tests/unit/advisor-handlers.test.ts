// Context: node (unit tests). The advisor's handler-cost finding: when the page's own listeners run
// longer than a frame on a share of messages it says so with the numbers (p50, p95, max, share,
// long tasks), names the event type that costs most, and stays quiet for fast handlers or too few
// measurements. English and Chinese carry the same numbers.
import { describe, expect, it } from 'vitest';
import { adviseChannel, type AdvisorInput, type Finding } from '../../lib/advisor';
import { HANDLER_MIN_MESSAGES } from '../../lib/advisor/handler-rules';

const CJK = /[\u4e00-\u9fff]/;

function advise(input: AdvisorInput): Finding[] {
  const en = adviseChannel(input, 'en');
  const zh = adviseChannel(input, 'zh-CN');
  expect(zh.map((f) => f.id)).toEqual(en.map((f) => f.id));
  en.forEach((e, i) => {
    expect(zh[i].numbers).toEqual(e.numbers);
    for (const text of [e.title, e.detail, zh[i].title, zh[i].detail]) expect(text).not.toMatch(/undefined|NaN|Infinity|\[object/);
    expect(zh[i].title).toMatch(CJK);
  });
  return en;
}

const handlerFinding = (fs: Finding[]) => fs.find((f) => f.id.startsWith('handler-'));

function input(kind: AdvisorInput['kind'], handlerTimes: { event: string; ms: number }[]): AdvisorInput {
  return { kind, url: 'wss://app.test/feed', durationMs: 60_000, frames: [], attempts: [], handlerTimes };
}

/** `n` messages of `event`, every `every`-th one taking `slowMs`, the others `fastMs`. */
function stream(event: string, n: number, every: number, slowMs: number, fastMs = 0.3) {
  return Array.from({ length: n }, (_, i) => ({ event, ms: (i + 1) % every === 0 ? slowMs : fastMs }));
}

describe('handler cost finding', () => {
  it('reports p95, share and long tasks when every tenth message burns 60 ms', () => {
    const f = handlerFinding(advise(input('ws', stream('', 100, 10, 60))))!;
    expect(f.id).toBe('handler-slow');
    expect(f.severity).toBe('warn');
    expect(f.numbers).toEqual({ count: 100, p50Ms: 0.3, p95Ms: 60, maxMs: 60, overFrameCount: 10, sharePercent: 10, longTaskCount: 10 });
    expect(f.title).toBe('p95 handler time 60 ms: 10% of messages run longer than a frame, the page drops frames');
    expect(f.detail).toContain('On 100 messages');
    expect(f.detail).toContain('0.3 ms at the median, 60 ms at p95 and 60 ms at most');
    expect(f.detail).toContain('10 longer than 50 ms (long tasks)');
  });

  it('names the SSE event type that costs most, with its own numbers', () => {
    const times = [...stream('heartbeat', 200, 1000, 0, 0.1), ...stream('price', 50, 8, 38, 2)];
    const fs = advise(input('sse', times));
    const f = handlerFinding(fs)!;
    expect(f.id).toBe('handler-slow');
    expect(f.title).toBe('p95 handler time 38 ms: 12% of `price` events run longer than a frame, the page drops frames');
    expect(f.numbers.count).toBe(50);
    expect(f.numbers.overFrameCount).toBe(6);
    expect(f.numbers.longTaskCount).toBe(0);
    expect(f.detail).not.toContain('long tasks');
    const zh = handlerFinding(adviseChannel(input('sse', times), 'zh-CN'))!;
    expect(zh.title).toContain('`price`');
    expect(zh.title).toContain('38 毫秒');
  });

  it('calls a rare slow message a spike, not dropped frames', () => {
    const f = handlerFinding(advise(input('ws', stream('', 400, 200, 75))))!;
    expect(f.id).toBe('handler-spikes');
    expect(f.severity).toBe('info');
    expect(f.numbers.overFrameCount).toBe(2);
    expect(f.numbers.p95Ms).toBe(0.3);
    expect(f.title).toBe('2 of 400 messages kept the page busy longer than a frame (up to 75 ms)');
  });

  it('says nothing for fast handlers, too few measurements, or none', () => {
    expect(handlerFinding(advise(input('ws', stream('', 500, 1, 12))))).toBeUndefined(); // all under a frame
    expect(handlerFinding(advise(input('ws', stream('', HANDLER_MIN_MESSAGES - 1, 1, 200))))).toBeUndefined();
    expect(handlerFinding(advise(input('ws', [])))).toBeUndefined();
    expect(handlerFinding(advise({ kind: 'ws', url: 'wss://x', durationMs: 1000 }))).toBeUndefined();
    // A type with too few messages is not quoted, even when it is slow.
    const times = [...stream('tick', 100, 1, 0.5), ...stream('rare', 3, 1, 300)];
    expect(handlerFinding(advise(input('sse', times)))).toBeUndefined();
  });

  it('is not given for polling channels', () => {
    expect(handlerFinding(advise({ ...input('short-poll', stream('', 100, 2, 100)), exchanges: [] }))).toBeUndefined();
  });
});
