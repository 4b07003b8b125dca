// Context: pure model, no browser APIs. Unit tests (node) for channel keys.

import { describe, expect, it } from 'vitest';
import { channelKey } from '../../lib/model/channel-key';

describe('channelKey', () => {
  it('folds reconnects with new session ids, tokens and cache busters into one channel', () => {
    const a = channelKey('ws', 'wss://rt.test/socket.io/?EIO=4&transport=websocket&sid=AAA&t=OgYbH3a');
    const b = channelKey('ws', 'wss://rt.test/socket.io/?transport=websocket&EIO=4&sid=BBB&t=PBxkZ_j');
    expect(a).toBe(b);
    expect(a).toBe('ws wss://rt.test/socket.io/?EIO=4&transport=websocket');
    expect(channelKey('sse', 'https://a.test/s?access_token=x1')).toBe(channelKey('sse', 'https://a.test/s?access_token=y2#f'));
  });

  it('keeps different endpoints, kinds and methods apart', () => {
    expect(channelKey('ws', 'wss://a.test/x')).not.toBe(channelKey('ws', 'wss://a.test/y'));
    expect(channelKey('ws', 'wss://a.test/x?room=1')).not.toBe(channelKey('ws', 'wss://a.test/x?room=2'));
    expect(channelKey('sse', 'https://a.test/x')).not.toBe(channelKey('fetch-stream', 'https://a.test/x'));
    expect(channelKey('fetch-stream', 'https://a.test/x', 'post')).toBe('fetch-stream POST https://a.test/x');
    expect(channelKey('http', 'https://a.test/x')).toBe('http GET https://a.test/x');
  });

  it('ignores the method for WebSocket and SSE', () => {
    expect(channelKey('ws', 'wss://a.test/x', 'POST')).toBe('ws wss://a.test/x');
  });
});
