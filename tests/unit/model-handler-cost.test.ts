// Context: node (unit tests). Handler cost aggregation (lib/model/handler-cost.ts): p50, p95 and
// max of the page listeners' time per message, the counts over one frame and over a long task,
// and the doubling-bin histogram the Insights view draws.
import { describe, expect, it } from 'vitest';
import { FRAME_BUDGET_MS, HISTOGRAM_EDGES, LONG_TASK_MS, handlerHistogram, handlerStats } from '../../lib/model/handler-cost';
import { quantile } from '../../lib/model/stats';

/** 100 messages: 90 fast ones (0.2 ms) and every tenth one burning 60 ms, as the browser test page does. */
const TENTH_SLOW = Array.from({ length: 100 }, (_, i) => ((i + 1) % 10 === 0 ? 60 : 0.2));

describe('handlerStats', () => {
  it('gives p50, p95 and max of a stream where every tenth message burns 60 ms', () => {
    const s = handlerStats(TENTH_SLOW)!;
    expect(s.count).toBe(100);
    expect(s.p50).toBeCloseTo(0.2, 10);
    // 10% slow: the 95th percentile falls among them.
    expect(s.p95).toBe(60);
    expect(s.max).toBe(60);
    expect(s.mean).toBeCloseTo((90 * 0.2 + 10 * 60) / 100, 10);
    expect(s.overFrame).toBe(10);
    expect(s.longTasks).toBe(10);
  });

  it('interpolates between ranks like the other detectors, whatever the input order', () => {
    const values = [40, 1, 30, 2, 20, 3, 10, 4, 5, 100];
    const s = handlerStats(values)!;
    // Sorted: 1 2 3 4 5 10 20 30 40 100. p50 at rank 4.5 → (5 + 10) / 2; p95 at rank 8.55 → 40 + 0.55 × 60.
    expect(s.p50).toBe(7.5);
    expect(s.p95).toBeCloseTo(73, 10);
    expect(s.max).toBe(100);
    expect(s.p50).toBe(quantile(values, 0.5));
    expect(s.p95).toBe(quantile(values, 0.95));
    expect(values[0]).toBe(40); // input not sorted in place
  });

  it('counts over a frame and over a long task strictly above the thresholds', () => {
    const s = handlerStats([FRAME_BUDGET_MS, FRAME_BUDGET_MS + 0.01, LONG_TASK_MS, LONG_TASK_MS + 0.01])!;
    expect(s.overFrame).toBe(3);
    expect(s.longTasks).toBe(1);
  });

  it('ignores values that are not times and says null when nothing was measured', () => {
    expect(handlerStats([])).toBeNull();
    expect(handlerStats([NaN, -1, Infinity])).toBeNull();
    const s = handlerStats([NaN, 3, -1, 5])!;
    expect(s.count).toBe(2);
    expect(s.max).toBe(5);
  });

  it('takes a typed array (the frame store column)', () => {
    const s = handlerStats(new Float32Array([1, 2, 3]))!;
    expect(s.p50).toBe(2);
  });
});

describe('handlerHistogram', () => {
  it('puts each time in its doubling bin, edges inclusive below', () => {
    const bins = handlerHistogram([0, 0.99, 1, 1.5, 16, 16.7, 60, 64, 511.9, 512, 9000, NaN, -3]);
    expect(bins.map((b) => b.from)).toEqual(HISTOGRAM_EDGES);
    expect(bins[bins.length - 1].to).toBe(Infinity);
    const count = (from: number) => bins.find((b) => b.from === from)!.count;
    expect(count(0)).toBe(2);
    expect(count(1)).toBe(2);
    expect(count(16)).toBe(2);
    expect(count(32)).toBe(1);
    expect(count(64)).toBe(1);
    expect(count(256)).toBe(1);
    expect(count(512)).toBe(2);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(11);
  });

  it('shows the every-tenth-slow stream as two groups', () => {
    const bins = handlerHistogram(TENTH_SLOW);
    expect(bins.filter((b) => b.count > 0).map((b) => [b.from, b.count])).toEqual([
      [0, 90],
      [32, 10],
    ]);
  });
});
