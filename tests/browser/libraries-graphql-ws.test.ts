// Context: node (test). graphql-ws client against a graphql-ws server on `ws`: same results,
// errors and completions with and without PushLens; PushLens shows one ws channel whose frames
// in/out equal the messages the server sent/received.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startLibrarySuite, waitForChannel, channelFrames, type LibrarySuite, type PageResult } from './libs/suite';
import { attachGraphqlWs } from './libs/servers/graphql';
import type { WsCounts } from './libs/ws-counts';

describe('graphql-ws (queries and a subscription over one WebSocket)', () => {
  let s: LibrarySuite;
  let counts: Map<string, WsCounts>;
  let plain: PageResult;
  let hooked: PageResult;

  beforeAll(async () => {
    s = await startLibrarySuite();
    counts = attachGraphqlWs(s.server);
    ({ plain, hooked } = await s.runBoth('graphql'));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the app sees the same results with and without PushLens', () => {
    // Nothing variable is logged (graphql-ws operation ids stay inside the library): compared as is.
    expect(hooked.log).toEqual(plain.log);
    expect(plain.log).toContainEqual(['next', { data: { countdown: 1 } }]);
    expect(plain.log).toContainEqual(['error', ['Cannot query field "nope" on type "Query".']]);
    expect(plain.log[plain.log.length - 1]).toEqual(['closed', 1000, 'Normal Closure', true]);
  });

  it('PushLens shows the graphql-ws socket with every message', async () => {
    const server = counts.get('hooked')!;
    expect(server.connections).toBe(1);
    const h = await s.openPanel();
    const row = await waitForChannel(h, 'graphql ws', (r) => r.kind === 'ws' && r.url.includes('/graphql'));
    const expected = { count: server.in + server.out, in: server.out, out: server.in };
    const got = await channelFrames(h, row.channel, expected);
    expect({ count: got.count, in: got.in, out: got.out }).toEqual(expected);
  });
});
