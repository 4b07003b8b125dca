// Context: node (unit). detachedSlice (lib/page/payload.ts) copies the head of a large text so a
// preview does not keep the whole body alive; it must give exactly what slice() gives, across its
// 8 Ki-character chunks and for any UTF-16 content.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detachedSlice, textPreview } from '../../lib/page/payload';

describe('detachedSlice', () => {
  it('equals slice(0, end) for any text and end, across chunk boundaries', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20_000 }), fc.nat(), (s, n) => {
        const end = s.length === 0 ? 0 : n % (s.length + 1);
        expect(detachedSlice(s, end)).toBe(s.slice(0, end));
      }),
      { numRuns: 60 },
    );
    const big = 'ab\u00e9\ud83d\ude00'.repeat(10_000);
    for (const end of [0, 1, 8191, 8192, 8193, 16_384, 40_000]) expect(detachedSlice(big, end)).toBe(big.slice(0, end));
  });

  it('is what a truncated text preview holds', () => {
    const body = 'x'.repeat(1024 * 1024);
    const p = textPreview(body, 64 * 1024);
    expect(p).toEqual({ data: 'x'.repeat(64 * 1024), binary: false, size: 1024 * 1024, truncated: true });
  });
});
