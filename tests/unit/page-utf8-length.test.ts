// Context: node (unit tests). The page agent's utf8Length gives the exact UTF-8 byte count of the
// encoded text, lone surrogates counted as the 3 bytes of the U+FFFD an encoder writes for them.
// (An encodeInto fast path was tried and dropped: in Chromium the binding cost about 2 µs a call
// on 100-byte events, more than the character loop.)
import { describe, expect, it } from 'vitest';
import { utf8Length } from '../../lib/page/payload';

const encoded = (s: string) => new TextEncoder().encode(s).length;

/** A deterministic mix of ASCII, 2-, 3- and 4-byte characters and lone surrogates. */
function mixed(length: number, seed: number): string {
  const pool = ['a', '{', 'é', 'Ж', '中', '€', '😀', '\ud800', '\udc00', '\u007f', '\u0080', '\u07ff', '\u0800', '\uffff'];
  let out = '';
  let x = seed;
  while (out.length < length) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += pool[x % pool.length];
  }
  return out.slice(0, length);
}

describe('utf8Length (page agent)', () => {
  it('matches TextEncoder on short and long mixed texts', () => {
    for (const length of [0, 1, 2, 100, 4095, 4096, 4097, 5000, 20_000]) {
      for (const seed of [1, 7, 42]) {
        const s = mixed(length, seed);
        expect(utf8Length(s), `length ${length} seed ${seed}`).toBe(encoded(s));
      }
    }
  });

  it('counts a surrogate pair as 4 bytes and a lone surrogate as 3, also at the end of a string', () => {
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('x\ud83d')).toBe(4);
    expect(utf8Length('\ude00x')).toBe(4);
    const long = 'a'.repeat(5000);
    expect(utf8Length(long + '😀')).toBe(5004);
    expect(utf8Length(long + '\ud83d')).toBe(5003);
  });
});
