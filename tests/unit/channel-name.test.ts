// Context: node (unit test). Channel names in Chrome's Name-column style (lib/model/channel-name.ts).
import { describe, expect, it } from 'vitest';
import { channelName, sharedHost } from '../../lib/model/channel-name';

describe('channelName', () => {
  it('puts the last two path segments and the query first, the host apart', () => {
    expect(channelName('ws://127.0.0.1:4212/api/v2/ws/chat?room=1')).toEqual({ name: 'ws/chat?room=1', host: '127.0.0.1:4212' });
    expect(channelName('https://example.com/events')).toEqual({ name: 'events', host: 'example.com' });
  });

  it('names the root path and keeps a non-GET method in front', () => {
    expect(channelName('https://example.com/')).toEqual({ name: '/', host: 'example.com' });
    expect(channelName('https://example.com/a/b/stream', 'POST')).toEqual({ name: 'POST b/stream', host: 'example.com' });
    expect(channelName('https://example.com/poll', 'GET').name).toBe('poll');
  });

  it('keeps an unparsable URL whole, with no host', () => {
    expect(channelName('not a url')).toEqual({ name: 'not a url', host: '' });
  });

  it('tells apart channels that differ only in their path', () => {
    const names = ['ws://h:1/ws/chat', 'ws://h:1/ws/feed', 'http://h:1/api/poll'].map((u) => channelName(u).name);
    expect(new Set(names).size).toBe(3);
  });
});

describe('sharedHost', () => {
  it('is the common host, or undefined when hosts differ or there are no URLs', () => {
    expect(sharedHost(['ws://h:1/a', 'http://h:1/b?x'])).toBe('h:1');
    expect(sharedHost(['ws://h:1/a', 'ws://other:1/a'])).toBeUndefined();
    expect(sharedHost([])).toBeUndefined();
  });
});
