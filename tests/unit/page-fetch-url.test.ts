// Context: node (unit test). The fetch hook's string-only URL facts must agree with the URL parser
// whenever they answer (Node's URL follows the same WHATWG rules Chromium's fetch uses).
import { describe, expect, it } from 'vitest';
import { httpOrigin, rootRelativeUrl } from '../../lib/page/fetch-url';

describe('httpOrigin', () => {
  it('gives scheme://host:port of http(s) URLs without credentials', () => {
    expect(httpOrigin('http://127.0.0.1:8080/a/b?c#d')).toBe('http://127.0.0.1:8080');
    expect(httpOrigin('https://example.com/')).toBe('https://example.com');
    expect(httpOrigin('https://example.com/x@y')).toBe('https://example.com');
  });
  it('refuses credentials and other schemes', () => {
    expect(httpOrigin('http://u:p@example.com/')).toBeUndefined();
    expect(httpOrigin('http://u@example.com/')).toBeUndefined();
    expect(httpOrigin('data:text/plain,x')).toBeUndefined();
    expect(httpOrigin('blob:http://example.com/uuid')).toBeUndefined();
    expect(httpOrigin('about:blank')).toBeUndefined();
    expect(httpOrigin('ftp://example.com/')).toBeUndefined();
  });
});

describe('rootRelativeUrl', () => {
  const base = 'http://example.test:8080/app/page.html?q=1#frag';
  it('joins a plain root-relative path to the base origin', () => {
    expect(rootRelativeUrl('/api/x?y=1&z=%20#f', base)).toBe('http://example.test:8080/api/x?y=1&z=%20#f');
    expect(rootRelativeUrl('/', base)).toBe('http://example.test:8080/');
  });
  it('leaves to the parser what it would rewrite', () => {
    for (const input of [
      '//other/x',
      '/\\x',
      '/a/../b',
      '/./a',
      '/a/%2e%2E/b',
      '/a b',
      '/é',
      "/a'b",
      '/a\tb',
      'rel/x',
      '?q',
      '#f',
      '',
      ' /x',
      '/a^b',
      '/a|b',
      '/{x}',
    ])
      expect(rootRelativeUrl(input, base), input).toBeUndefined();
  });
  it('needs a plain http(s) base', () => {
    expect(rootRelativeUrl('/x', 'about:blank')).toBeUndefined();
    expect(rootRelativeUrl('/x', 'http://u:p@example.test/')).toBeUndefined();
  });
  it('agrees with the URL parser on generated paths', () => {
    const pieces = [
      '/',
      '.',
      '..',
      '%2e',
      '%2E',
      '%41',
      '%2F',
      '%zz',
      '%',
      '?',
      '#',
      'a',
      'Z',
      '0',
      ';',
      ':',
      '@',
      '=',
      '&',
      '~',
      '!',
      '$',
      '(',
      ')',
      '*',
      '+',
      ',',
      '-',
      '_',
      "'",
      '\\',
      '^',
      '`',
      '{',
      '}',
      '|',
      '[',
      ']',
      '"',
      ' ',
      '<',
      '>',
      '\t',
      'é',
    ];
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let answered = 0;
    for (let i = 0; i < 20000; i++) {
      let input = '/';
      for (let j = 1 + rnd(10); j > 0; j--) input += pieces[rnd(pieces.length)];
      const fast = rootRelativeUrl(input, base);
      if (fast === undefined) continue;
      answered++;
      expect(fast, input).toBe(new URL(input, base).href);
    }
    expect(answered).toBeGreaterThan(3000);
  });
});
