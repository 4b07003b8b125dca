// Context: node (test). socket.io-client against a real socket.io server: the app sees the same
// events, in the same order, with and without PushLens; PushLens shows the long-polling transport
// as an HTTP channel and the upgraded WebSocket as a ws channel holding exactly the Engine.IO
// packets the page exchanged over it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLibrarySuite, normalise, waitForChannel, channelFrames, type LibrarySuite, type PageResult } from './libs/suite';
import { attachSocketIo } from './libs/servers/socketio';

describe('socket.io-client (polling, then upgrade to WebSocket)', () => {
  let s: LibrarySuite;
  let plain: PageResult;
  let hooked: PageResult;

  beforeAll(async () => {
    s = await startLibrarySuite();
    attachSocketIo(s.server.http);
    plain = await s.runPage(s.plain, 'socketio', 'plain');
    hooked = await s.runPage(s.hooked, 'socketio', 'hooked');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the app sees the same events with and without PushLens', () => {
    // Only socket.id (a random session id) differs between runs.
    expect(normalise(hooked.log, ['id'])).toEqual(normalise(plain.log, ['id']));
    expect(plain.log).toContainEqual(['upgrade', 'websocket']);
    expect(plain.log).toContainEqual(['disconnect', 'io server disconnect', false]);
    expect(plain.log).toContainEqual(['blob', '[object ArrayBuffer]', [1, 2, 3, 250]]);
  });

  it('PushLens shows the polling transport and the WebSocket with every Engine.IO packet', async () => {
    const h = await s.openPanel();
    const polling = await waitForChannel(h, 'socket.io polling', (r) => r.url.includes('/socket.io/') && r.url.includes('transport=polling') && r.kind !== 'ws');
    expect(['http', 'long-poll', 'short-poll']).toContain(polling.kind);
    const ws = await waitForChannel(h, 'socket.io websocket', (r) => r.kind === 'ws' && r.url.includes('/socket.io/') && r.url.includes('transport=websocket'));
    const wsIn = hooked.counts.wsIn;
    const wsOut = hooked.counts.wsOut;
    // Handshake probe (3) + hello/ack + 5 pushed packets + heartbeats: well above 10.
    expect(wsIn + wsOut).toBeGreaterThan(10);
    const got = await channelFrames(h, ws.channel, { count: wsIn + wsOut, in: wsIn, out: wsOut });
    expect({ count: got.count, in: got.in, out: got.out }).toEqual({ count: wsIn + wsOut, in: wsIn, out: wsOut });
    expect(ws.reconnects).toBe(0);
  });
});
