// Context: node (test). socket.io-client against a real socket.io server: the app sees the same
// events, in the same order, with and without PushLens; PushLens shows the long-polling transport
// as HTTP channels holding every polling request and the upgraded WebSocket as a ws channel
// holding exactly the Engine.IO packets the page exchanged over it.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startLibrarySuite, normalise, waitForChannel, channelFrames, type LibrarySuite, type PageResult } from './libs/suite';
import { attachSocketIo, type PollingCounts } from './libs/servers/socketio';
import { channelRows, frameCount, selectChannel } from '../harness/panel-dom';
import { waitFor } from '../harness/cdp';

describe('socket.io-client (polling, then upgrade to WebSocket)', () => {
  let s: LibrarySuite;
  let polls: PollingCounts;
  let plain: PageResult;
  let hooked: PageResult;

  beforeAll(async () => {
    s = await startLibrarySuite();
    polls = attachSocketIo(s.server.http);
    ({ plain, hooked } = await s.runBoth('socketio'));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the app sees the same events with and without PushLens', () => {
    // Only socket.id (a random session id) differs between runs.
    expect(normalise(hooked.log, ['id'])).toEqual(normalise(plain.log, ['id']));
    expect(plain.log).toContainEqual(['upgraded', 'websocket']);
    expect(plain.log).toContainEqual(['disconnect', 'io server disconnect', false]);
    expect(plain.log).toContainEqual(['blob', '[object ArrayBuffer]', [1, 2, 3, 250]]);
  });

  it('PushLens shows the WebSocket after the upgrade with every Engine.IO packet', async () => {
    const h = await s.openPanel();
    const ws = await waitForChannel(
      h,
      'socket.io websocket',
      (r) => r.kind === 'ws' && r.url.includes('/socket.io/') && r.url.includes('transport=websocket'),
    );
    const wsIn = hooked.counts.wsIn;
    const wsOut = hooked.counts.wsOut;
    // Upgrade probe (3) + hello/ack + 5 pushed packets + heartbeats: well above 10.
    expect(wsIn + wsOut).toBeGreaterThan(10);
    const got = await channelFrames(h, ws.channel, { count: wsIn + wsOut, in: wsIn, out: wsOut });
    expect({ count: got.count, in: got.in, out: got.out }).toEqual({ count: wsIn + wsOut, in: wsIn, out: wsOut });
    expect(ws.reconnects).toBe(0);
  });

  /** Polling channels of the hooked run, once their answered requests add up to the server's. */
  async function pollingRows() {
    const h = await s.openPanel();
    const expected = (polls.get('hooked GET') ?? 0) + (polls.get('hooked POST') ?? 0);
    const isPolling = (url: string) => url.includes('/socket.io/') && url.includes('transport=polling') && url.includes('run=hooked');
    return waitFor(
      async () => {
        const found = (await channelRows(h.panel)).filter((r) => isPolling(r.url));
        let responses = 0;
        for (const r of found) {
          await selectChannel(h.panel, r.channel);
          responses += (await frameCount(h.panel)).count;
        }
        return responses === expected ? found : undefined;
      },
      `${expected} polling responses in the panel`,
      10_000,
      300,
    );
  }

  it('PushLens shows every long-polling request the server answered', async () => {
    expect(polls.get('hooked GET')).toBeGreaterThanOrEqual(2);
    const rows = await pollingRows();
    for (const r of rows) expect(['http', 'long-poll', 'short-poll']).toContain(r.kind);
  });

  it('PushLens groups one polling session into one GET channel and one POST channel', async () => {
    // The handshake GET has no sid yet and later requests carry one: the sid is a session
    // parameter (lib/model/channel-key.ts already ignores it for ws channels), so one transport
    // session is one GET channel and one POST channel, and a reconnect would not add more.
    const rows = await pollingRows();
    expect(
      rows.map((r) => r.url),
      JSON.stringify(rows.map((r) => r.url)),
    ).toHaveLength(2);
  });
});
