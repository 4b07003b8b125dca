// Context: shared pure helpers (page agent, panel, HAR import, model). String measures used on
// every side, in one place so a size or hash computed in the page matches the panel's.

/** UTF-8 byte length of s[0, end) without allocating an encoded copy (a lone surrogate counts as U+FFFD: 3 bytes). */
export function utf8Length(s: string, end = s.length): number {
  let bytes = end;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 2; // 4 bytes for the pair, already counted 2 chars
        i++;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * FNV-1a over `length` UTF-16 units read through `codeAt`: the one implementation, shared with
 * the page agent, which passes its saved native charCodeAt. Operators only (no Math.imul, no
 * string methods), so a page that replaces builtins cannot change a hash.
 */
export function fnv1aHash(length: number, codeAt: (i: number) => number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < length; i++) {
    h ^= codeAt(i);
    // × the FNV prime (2^24 + 0x193) mod 2^32; both products stay below 2^53, so they are exact.
    h = ((h >>> 0) * 0x193 + (h << 24)) >>> 0;
  }
  return h >>> 0;
}

/** FNV-1a as 8 hex digits: enough to tell "same body as last poll" apart or fold a long constant; not a security hash. */
export function fnv1a(s: string): string {
  return fnv1aHash(s.length, (i) => s.charCodeAt(i))
    .toString(16)
    .padStart(8, '0');
}
