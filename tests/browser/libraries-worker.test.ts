// Context: node (test). Dedicated workers (classic, module, blob:) in Chromium and Firefox: each
// runs the page agent again as its own worker agent (lib/page/agent-source.ts), behaves as it
// would without PushLens, and its WebSocket and fetch traffic reaches the real panel.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startLibrarySuite, waitForChannel, channelFrames, type LibrarySuite, type PageResult } from './libs/suite';
import { attachWorkerServer } from './libs/servers/worker';
import type { WsCounts } from './libs/ws-counts';

describe('dedicated workers', () => {
  let s: LibrarySuite;
  let counts: Map<string, WsCounts>;
  let plain: PageResult;
  let hooked: PageResult;

  beforeAll(async () => {
    s = await startLibrarySuite();
    counts = attachWorkerServer(s.server);
    ({ plain, hooked } = await s.runBoth('worker'));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the workers behave the same with and without PushLens', () => {
    expect(hooked.log).toEqual(plain.log);
    for (const who of ['classic', 'module', 'blob'])
      expect(plain.log).toContainEqual(['worker', { who, ws: ['welcome', `echo ping from ${who}`], json: { via: 'worker', who } }]);
    // The Worker constructor still reads as native (the log holds its toString, compared above).
    expect(plain.log.some((e) => Array.isArray(e) && e[0] === 'ctor' && String(e[1]).includes('[native code]'))).toBe(true);
  });

  it("PushLens shows every worker's WebSocket frames and fetch", async () => {
    const h = await s.openPanel();
    const server = counts.get('hooked')!;
    expect(server.in).toBe(3);
    const ws = await waitForChannel(h, "the workers' sockets", (r) => r.kind === 'ws' && r.url.includes('/worker-ws'));
    // One URL: the three workers' sockets are one channel's three connections, 3 frames each.
    const frames = await channelFrames(h, ws.channel, { count: 9, in: 6, out: 3 });
    expect(frames.count).toBe(9);
    const json = await waitForChannel(h, "the workers' fetch", (r) => r.url.includes('/api/worker-json'));
    expect(json.kind).toBe('http');
  });
});
