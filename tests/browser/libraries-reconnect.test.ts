// Context: node (test). reconnecting-websocket and partysocket against a server that drops the
// first connection: the app sees the same opens, messages and closes with and without PushLens,
// and PushLens folds both connections of each library into one ws channel with one reconnect.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startLibrarySuite, waitForChannel, channelFrames, type LibrarySuite, type PageResult } from './libs/suite';
import { attachDropServer } from './libs/servers/drop';
import type { WsCounts } from './libs/ws-counts';

const LIBRARIES = ['reconnecting-websocket', 'partysocket'] as const;

describe('reconnecting WebSocket libraries (server drops the connection)', () => {
  let s: LibrarySuite;
  let counts: Map<string, WsCounts>;
  let plain: PageResult;
  let hooked: PageResult;

  beforeAll(async () => {
    s = await startLibrarySuite();
    counts = attachDropServer(s.server, LIBRARIES);
    ({ plain, hooked } = await s.runBoth('reconnect'));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the app sees the same events with and without PushLens', () => {
    // Nothing variable is logged: compared as is.
    expect(hooked.log).toEqual(plain.log);
    for (const lib of LIBRARIES) {
      expect(plain.log.filter((e) => Array.isArray(e) && e[0] === lib && e[1] === 'open')).toHaveLength(2);
      expect(plain.log).toContainEqual([lib, 'close', 1006, '', false]);
      expect(plain.log).toContainEqual([lib, 'message', 'hello 2']);
    }
  });

  it('PushLens shows one channel per library with a reconnect and every frame', async () => {
    const h = await s.openPanel();
    for (const lib of LIBRARIES) {
      const server = counts.get(`/drop/${lib} hooked`)!;
      expect(server.connections).toBe(2);
      const row = await waitForChannel(h, `${lib} with a reconnect`, (r) => r.kind === 'ws' && r.url.includes(`/drop/${lib}`) && r.reconnects >= 1);
      expect(row.reconnects).toBe(1);
      const expected = { count: server.in + server.out, in: server.out, out: server.in };
      const got = await channelFrames(h, row.channel, expected);
      expect({ lib, count: got.count, in: got.in, out: got.out }).toEqual({ lib, ...expected });
    }
  });
});
