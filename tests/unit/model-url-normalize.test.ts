// Context: pure model, no browser APIs. Unit tests (node) for URL normalization and endpoint keys.

import { describe, expect, it } from 'vitest';
import { bodyShape, endpointKey, isEpochLike, normalizeUrl } from '../../lib/model/url-normalize';

describe('normalizeUrl', () => {
  it('drops named cache busters whatever their value', () => {
    expect(normalizeUrl('https://a.test/p?_=1732612345678&x=1')).toBe('https://a.test/p?x=1');
    expect(normalizeUrl('https://a.test/p?nocache=abc&cb=1&cachebuster=z&timestamp=foo&rand=7')).toBe('https://a.test/p');
  });

  it('drops t, ts and r only when their value looks generated', () => {
    expect(normalizeUrl('https://a.test/p?t=0.123456789')).toBe('https://a.test/p');
    expect(normalizeUrl('https://a.test/p?r=8f3a9c1b2e')).toBe('https://a.test/p');
    expect(normalizeUrl('https://a.test/p?ts=1732612345')).toBe('https://a.test/p');
    expect(normalizeUrl('https://a.test/socket.io/?EIO=4&transport=polling&t=OgYbH3a')).toBe('https://a.test/socket.io/?EIO=4&transport=polling');
    // Meaningful words survive: a theme, a region.
    expect(normalizeUrl('https://a.test/p?t=dark')).toBe('https://a.test/p?t=dark');
    expect(normalizeUrl('https://a.test/p?r=de')).toBe('https://a.test/p?r=de');
  });

  it('drops any parameter whose value is a recent epoch in s or ms, but not other numbers', () => {
    expect(normalizeUrl('https://a.test/p?since=1732612345678')).toBe('https://a.test/p');
    expect(normalizeUrl('https://a.test/p?after=1732612345')).toBe('https://a.test/p');
    expect(normalizeUrl('https://a.test/p?id=1234567890')).toBe('https://a.test/p?id=1234567890');
    expect(normalizeUrl('https://a.test/p?id=12345678901')).toBe('https://a.test/p?id=12345678901');
    expect(normalizeUrl('https://a.test/p?page=2')).toBe('https://a.test/p?page=2');
  });

  it('uses a clock when given one', () => {
    const now = 1_732_612_345_000;
    expect(isEpochLike('1732612345678', { now })).toBe(true);
    expect(isEpochLike('1500000000000', { now })).toBe(false);
    expect(isEpochLike('173261234567')).toBe(false);
  });

  it('sorts parameters, drops the fragment and user info, keeps scheme, host, port and path', () => {
    expect(normalizeUrl('HTTPS://user:pw@A.test:8443/Path/x?b=2&a=1&a=0#frag')).toBe('https://a.test:8443/Path/x?a=0&a=1&b=2');
    expect(normalizeUrl('http://a.test:80/x')).toBe('http://a.test/x');
    expect(normalizeUrl('wss://a.test/ws?token=x#y')).toBe('wss://a.test/ws?token=x');
  });

  it('keeps the raw encoding of kept pairs', () => {
    expect(normalizeUrl('https://a.test/s?q=a%20b&z=c+d')).toBe('https://a.test/s?q=a%20b&z=c+d');
  });

  it('handles relative and malformed URLs without throwing', () => {
    expect(normalizeUrl('/api/poll?_=1&b=1#x')).toBe('/api/poll?b=1');
    expect(normalizeUrl('  https://a.test/p  ')).toBe('https://a.test/p');
    expect(() => normalizeUrl('http://[::1')).not.toThrow();
    expect(normalizeUrl('')).toBe('/');
  });
});

describe('bodyShape and endpointKey', () => {
  it('ignores values and their types, keeps key paths (issue #14 item 5: a null cursor or an empty list must not split a series)', () => {
    const a = bodyShape('{"since": 1, "cursor": "x", "f": {"room": "a"}}');
    const b = bodyShape('{"cursor": "yyy", "f": {"room": "b"}, "since": 99}');
    expect(a).toBe(b);
    expect(a).toBe('json{cursor,f.room,since}');
    expect(bodyShape('{"since": "1"}')).toBe(bodyShape('{"since": 1}'));
    expect(bodyShape('{"after": null}')).toBe(bodyShape('{"after": "c41"}'));
    expect(bodyShape('{"since": 1}')).not.toBe(bodyShape('{"until": 1}'));
  });

  it('merges array elements so list length does not matter', () => {
    expect(bodyShape('{"ids":[1,2,3]}')).toBe(bodyShape('{"ids":[7]}'));
    expect(bodyShape('{"ids":[]}')).toBe(bodyShape('{"ids":[{"a":1}]}'));
    expect(bodyShape('[{"a":1}]')).toBe('json{[].a}');
  });

  it('keeps short discriminator values such as an RPC method or a GraphQL operation', () => {
    expect(bodyShape('{"method":"getQuotes","id":1}')).not.toBe(bodyShape('{"method":"placeOrder","id":2}'));
    expect(bodyShape('{"query":"query A { a }"}')).not.toBe(bodyShape('{"query":"query B { b }"}'));
  });

  it('shapes form bodies by field names and ignores opaque bodies', () => {
    expect(bodyShape('b=2&a=1')).toBe('form{a,b}');
    expect(bodyShape('42["chat","hi"]')).toBe('opaque');
    expect(bodyShape('{not json')).toBe('opaque');
    expect(bodyShape(undefined)).toBe('');
    expect(bodyShape('   ')).toBe('');
  });

  it('builds keys from method, normalized URL and shape', () => {
    expect(endpointKey('get', 'https://a.test/p?_=1')).toBe('GET https://a.test/p');
    expect(endpointKey('GET', 'https://a.test/p', '{"a":1}')).toBe('GET https://a.test/p');
    expect(endpointKey('POST', 'https://a.test/p', '{"a":1}')).toBe('POST https://a.test/p json{a}');
    expect(endpointKey('POST', 'https://a.test/p', 'opaque text')).toBe('POST https://a.test/p');
    expect(endpointKey('', 'https://a.test/p')).toBe('GET https://a.test/p');
  });

  it('bounds the work on deep or wide bodies', () => {
    let deep = '1';
    for (let i = 0; i < 50; i++) deep = `{"k":${deep}}`;
    expect(bodyShape(deep).length).toBeLessThan(100);
    const wide = JSON.stringify(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i])));
    expect(bodyShape(wide).split(',').length).toBeLessThanOrEqual(64);
  });
});

describe('pollingEndpointKey', () => {
  it('folds long-poll cursors into one endpoint but keeps other parameters apart', async () => {
    const { pollingEndpointKey } = await import('../../lib/model/url-normalize');
    const a = pollingEndpointKey('GET', 'http://h/api/wait?since=1&room=a');
    expect(pollingEndpointKey('GET', 'http://h/api/wait?since=2&room=a')).toBe(a);
    expect(pollingEndpointKey('GET', 'http://h/api/wait?cursor=abc&room=a')).not.toBe(
      pollingEndpointKey('GET', 'http://h/api/wait?cursor=abc&room=b'),
    );
  });
});

describe('Engine.IO cache-busters', () => {
  it('drops yeast ids, also with the same-millisecond suffix', () => {
    const a = normalizeUrl('http://h/socket.io/?EIO=4&transport=polling&t=PHkxY8Z');
    expect(normalizeUrl('http://h/socket.io/?EIO=4&transport=polling&t=PHkxY8Z.0')).toBe(a);
    expect(a).toBe('http://h/socket.io/?EIO=4&transport=polling');
  });

  it("drops the newer clients' random base-36 `t`, even when it is all letters (seen in CI: t=uerpbnpt)", () => {
    expect(normalizeUrl('http://h/socket.io/?EIO=4&run=x&t=uerpbnpt&transport=polling')).toBe('http://h/socket.io/?EIO=4&run=x&transport=polling');
    // Outside Engine.IO a word-like `t` still selects something (a theme, a tab): kept.
    expect(normalizeUrl('http://h/page?t=darkmode')).toBe('http://h/page?t=darkmode');
  });
});
