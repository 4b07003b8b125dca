// Context: pure (panel + model), no browser APIs. Unit tests (node) for the advisor's per-locale
// number formatting, which every finding's text relies on.

import { describe, expect, it } from 'vitest';
import { makeFmt } from '../../lib/advisor/format';

describe('makeFmt', () => {
  it('formats durations with units per locale', () => {
    const en = makeFmt('en');
    const zh = makeFmt('zh-CN');
    expect([850, 1000, 2500, 25_000, 60_000, 114_000, 7_200_000].map(en.duration)).toEqual([
      '850 ms',
      '1.0 s',
      '2.5 s',
      '25 s',
      '60 s',
      '1.9 min',
      '2 h',
    ]);
    expect([850, 1000, 25_000, 114_000].map(zh.duration)).toEqual(['850 毫秒', '1.0 秒', '25 秒', '1.9 分钟']);
  });

  it('formats percentages, bytes and grouped numbers', () => {
    const en = makeFmt('en');
    expect(en.percent(93.6)).toBe('94%');
    expect(en.bytes(512)).toBe('512 B');
    expect(en.bytes(156_000)).toBe('152.3 KB');
    expect(en.bytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(en.num(12_345.678, 1)).toBe('12,345.7');
    expect(makeFmt('zh-CN').num(12_345)).toBe('12,345');
    expect(en.num(Number.NaN)).toBe('0');
  });
});
