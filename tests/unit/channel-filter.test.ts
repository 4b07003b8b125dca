// Context: node (unit test). The channel list's text and kind filter (lib/model/channel-filter.ts).
import { describe, expect, it } from 'vitest';
import { matchesChannel } from '../../lib/model/channel-filter';

const chat = { url: 'ws://127.0.0.1:4212/ws/chat', kind: 'ws', origin: 'http://127.0.0.1:4212' };
const stream = { url: 'http://127.0.0.1:4212/chat/stream', kind: 'fetch-stream', method: 'POST', origin: 'http://127.0.0.1:4212' };

describe('matchesChannel', () => {
  it('matches everything with an empty filter', () => {
    expect(matchesChannel(chat, { text: '', kind: '' })).toBe(true);
    expect(matchesChannel(chat, { text: '   ', kind: '' })).toBe(true);
  });

  it('matches text case-insensitively in the URL, method and origin; every word must match', () => {
    expect(matchesChannel(chat, { text: 'CHAT', kind: '' })).toBe(true);
    expect(matchesChannel(stream, { text: 'post stream', kind: '' })).toBe(true);
    expect(matchesChannel(chat, { text: 'post chat', kind: '' })).toBe(false);
    expect(matchesChannel(chat, { text: 'prices', kind: '' })).toBe(false);
  });

  it('filters by kind, alone or with text', () => {
    expect(matchesChannel(chat, { text: '', kind: 'ws' })).toBe(true);
    expect(matchesChannel(stream, { text: '', kind: 'ws' })).toBe(false);
    expect(matchesChannel(stream, { text: 'chat', kind: 'fetch-stream' })).toBe(true);
  });
});
