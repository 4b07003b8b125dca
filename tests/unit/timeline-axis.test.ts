// Context: node (unit test). The timeline's time axis (components/views/timeline/axis.ts).
import { describe, expect, it } from 'vitest';
import { axisTicks, relativeLabel } from '../../components/views/timeline/axis';

describe('axisTicks', () => {
  it('puts round ticks relative to the session start, spaced at least the minimum gap apart', () => {
    const origin = 1_000_000;
    const ticks = axisTicks({ start: origin, end: origin + 60_000 }, 600, origin);
    expect(ticks[0].label).toBe('+0 s');
    expect(ticks[1].label).toBe('+10 s');
    expect(ticks[1].x - ticks[0].x).toBeGreaterThanOrEqual(70);
    expect(ticks.at(-1)!.time).toBeLessThanOrEqual(origin + 60_000);
  });

  it('uses a finer step when zoomed in and starts at the first multiple inside the range', () => {
    const origin = 0;
    const ticks = axisTicks({ start: 1234, end: 2234 }, 1000, origin);
    expect(ticks[0].time).toBe(1300);
    expect(ticks[0].label).toBe('+1.3 s');
  });
});

describe('relativeLabel', () => {
  it('writes milliseconds, seconds and minutes', () => {
    expect(relativeLabel(250, 50)).toBe('+250 ms');
    expect(relativeLabel(12_000, 1000)).toBe('+12 s');
    expect(relativeLabel(125_000, 60_000)).toBe('+2:05');
  });
});
