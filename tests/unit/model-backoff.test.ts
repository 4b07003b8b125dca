// Context: pure model, no browser APIs. Unit tests (node) for backoff and storm detection.

import { describe, expect, it } from 'vitest';
import type { ConnectionAttempt } from '../../lib/model/types';
import { detectBackoff, isReconnectStorm, reconnectDelays } from '../../lib/model/backoff';

describe('detectBackoff', () => {
  it('reports unknown without data and for a single delay', () => {
    expect(detectBackoff([])).toEqual({ pattern: 'unknown', jitter: false });
    expect(detectBackoff([NaN, Infinity])).toEqual({ pattern: 'unknown', jitter: false });
    expect(detectBackoff([3000])).toMatchObject({ pattern: 'unknown', baseMs: 3000 });
  });

  it('reports none when every reconnect is immediate', () => {
    expect(detectBackoff([5, 20, 50, 99]).pattern).toBe('none');
    expect(detectBackoff([5, 20, 150]).pattern).not.toBe('none');
  });

  it('recognises a fixed delay, with and without jitter', () => {
    expect(detectBackoff([1000, 1000, 1000])).toEqual({ pattern: 'fixed', baseMs: 1000, jitter: false });
    expect(detectBackoff([900, 1100, 1000, 1050])).toMatchObject({ pattern: 'fixed', jitter: true });
  });

  it('recognises exponential backoff, its factor and cap', () => {
    expect(detectBackoff([1000, 2000, 4000, 8000])).toEqual({ pattern: 'exponential', baseMs: 1000, factor: 2, jitter: false });
    const capped = detectBackoff([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(capped).toMatchObject({ pattern: 'exponential', factor: 2, capMs: 30000, jitter: false });
    const jittered = detectBackoff([1100, 1800, 4300, 7600, 17000]);
    expect(jittered.pattern).toBe('exponential');
    expect(jittered.jitter).toBe(true);
    expect(jittered.factor).toBeGreaterThan(1.8);
    expect(jittered.factor).toBeLessThan(2.3);
  });

  it('prefers exponential with only two growing delays', () => {
    expect(detectBackoff([1000, 2000]).pattern).toBe('exponential');
  });

  it('recognises linear backoff and its step', () => {
    expect(detectBackoff([1000, 2000, 3000, 4000, 5000])).toEqual({ pattern: 'linear', baseMs: 1000, stepMs: 1000, jitter: false });
    expect(detectBackoff([500, 1000, 1500])).toMatchObject({ pattern: 'linear', stepMs: 500 });
  });

  it('judges the timer after an immediate first retry', () => {
    expect(detectBackoff([0, 1000, 2000, 4000])).toMatchObject({ pattern: 'exponential', baseMs: 1000 });
  });

  it('reports unknown for shrinking or chaotic delays', () => {
    expect(detectBackoff([4000, 2000, 1000]).pattern).toBe('unknown');
    expect(detectBackoff([1000, 60000, 3000, 200, 45000]).pattern).toBe('unknown');
  });

  it('clamps negative delays (clock skew) to zero', () => {
    expect(detectBackoff([-5, 10, 20]).pattern).toBe('none');
  });
});

function attempts(times: Array<[created: number, closed: number]>): ConnectionAttempt[] {
  return times.map(([c, x], i) => ({ id: `a${i}`, kind: 'ws', url: 'wss://a.test/', createdAt: c, closedAt: x }));
}

describe('reconnectDelays', () => {
  it('measures close to next creation, or to the next open for SSE-style retries', () => {
    const ws = attempts([
      [0, 100],
      [1100, 1200],
      [3200, 3300],
    ]);
    expect(reconnectDelays(ws)).toEqual([1000, 2000]);
    const sse: ConnectionAttempt[] = [
      { id: 's1', kind: 'sse', url: 'u', createdAt: 0, openedAt: 10, closedAt: 500 },
      { id: 's2', kind: 'sse', url: 'u', createdAt: 500, openedAt: 3500, closedAt: 4000 },
    ];
    expect(reconnectDelays(sse)).toEqual([3000]);
  });
});

describe('isReconnectStorm', () => {
  it('flags 5+ quick reconnects in 10 s without growing delays', () => {
    const storm = attempts(Array.from({ length: 7 }, (_, i): [number, number] => [i * 1000, i * 1000 + 50]));
    expect(isReconnectStorm(storm, 10_000)).toBe(true);
    // Given out of order: sorted first.
    expect(isReconnectStorm([...storm].reverse(), 10_000)).toBe(true);
  });

  it('does not flag too few reconnects or spread-out ones', () => {
    expect(isReconnectStorm(attempts(Array.from({ length: 5 }, (_, i): [number, number] => [i * 500, i * 500 + 10])))).toBe(false);
    expect(isReconnectStorm(attempts(Array.from({ length: 8 }, (_, i): [number, number] => [i * 5000, i * 5000 + 10])))).toBe(false);
    expect(isReconnectStorm([])).toBe(false);
  });

  it('does not flag a fast but properly backing-off client', () => {
    const growing = attempts([
      [0, 10],
      [110, 120],
      [320, 330],
      [730, 740],
      [1540, 1550],
      [3150, 3160],
      [6360, 6370],
    ]);
    expect(detectBackoff(reconnectDelays(growing)).pattern).toBe('exponential');
    expect(isReconnectStorm(growing, 10_000)).toBe(false);
  });

  it('honours custom thresholds', () => {
    const quick = attempts(Array.from({ length: 4 }, (_, i): [number, number] => [i * 100, i * 100 + 10]));
    expect(isReconnectStorm(quick, 1000, 3)).toBe(true);
    expect(isReconnectStorm(quick, 150, 3)).toBe(false);
  });
});
