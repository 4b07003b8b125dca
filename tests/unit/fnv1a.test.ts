// Context: node (unit tests). The one FNV-1a (lib/util/text) gives the published 32-bit vectors,
// matches a Math.imul reference on any string, and the page agent's wrapper (native charCodeAt)
// gives the same hash as the panel's.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fnv1a } from '../../lib/util/text';
import { fnv1a as pageFnv1a } from '../../lib/page/payload';

function reference(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

describe('fnv1a', () => {
  it('gives the published FNV-1a 32-bit values', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
  });

  it('matches a Math.imul reference, in the panel and in the page agent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(fnv1a(s)).toBe(reference(s));
        expect(pageFnv1a(s)).toBe(reference(s));
      }),
      { numRuns: 500 },
    );
  });
});
