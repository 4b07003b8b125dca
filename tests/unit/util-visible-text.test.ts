// Context: node (unit tests). Hidden characters from the page become visible escapes: bidi
// overrides and isolates, zero-width characters, C0/C1 controls, BOM, line separators, tag
// characters, lone surrogates; ordinary text (including CJK and emoji) is left alone.
import { describe, expect, it } from 'vitest';
import { hasHiddenChars, visibleParts, visibleText } from '../../lib/util/visible-text';

describe('visibleText', () => {
  it('shows a right-to-left override instead of letting it reorder the name', () => {
    expect(visibleText('price\u202Egnp.exe')).toBe('price\\u202Egnp.exe');
    expect(visibleParts('price\u202Egnp.exe')).toEqual([
      { text: 'price', hidden: false },
      { text: '\\u202E', hidden: true, codePoint: 'U+202E' },
      { text: 'gnp.exe', hidden: false },
    ]);
  });

  it('escapes every kind of hidden character', () => {
    const cases: [string, string][] = [
      ['\u0000', '\\0'],
      ['\u001b[201~', '\\e[201~'],
      ['\u0015', '\\x15'],
      ['\u0007', '\\x07'],
      ['\u007f', '\\x7F'],
      ['\u009b', '\\x9B'],
      ['\u00ad', '\\xAD'],
      ['\u061c', '\\u061C'],
      ['\u200b', '\\u200B'],
      ['\u200d', '\\u200D'],
      ['\u200e', '\\u200E'],
      ['\u200f', '\\u200F'],
      ['\u202a', '\\u202A'],
      ['\u202d', '\\u202D'],
      ['\u2028', '\\u2028'],
      ['\u2029', '\\u2029'],
      ['\u2066', '\\u2066'],
      ['\u2069', '\\u2069'],
      ['\u2060', '\\u2060'],
      ['\ufeff', '\\uFEFF'],
      ['\u{E0041}', '\\u{E0041}'],
      ['\ud800', '\\uD800'],
      ['\udc00', '\\uDC00'],
      ['\n', '\\n'],
      ['\t', '\\t'],
      ['\r', '\\r'],
    ];
    for (const [raw, shown] of cases) {
      expect(hasHiddenChars(raw), JSON.stringify(raw)).toBe(true);
      expect(visibleText(`a${raw}b`), JSON.stringify(raw)).toBe(`a${shown}b`);
    }
  });

  it('keeps tab, newline and CR as they are in multi-line views, but still escapes the rest', () => {
    expect(visibleText('a\n\tb\r\n\u202Ec', { multiline: true })).toBe('a\n\tb\r\n\\u202Ec');
  });

  it('leaves ordinary text alone, the same string back', () => {
    for (const s of ['hello world', '价格 😀 émoji', 'a\u00a0b', 'x → y', '']) {
      expect(hasHiddenChars(s), s).toBe(false);
      expect(visibleText(s)).toBe(s);
      expect(visibleParts(s).every((p) => !p.hidden)).toBe(true);
    }
  });
});
