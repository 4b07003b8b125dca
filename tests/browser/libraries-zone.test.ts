// Context: node (test). zone.js loaded by the page after PushLens's document_start hooks (the
// only order possible: the hooks always run first), so zone.js wraps the hooked WebSocket, fetch
// and XHR. The app behaves the same with and without PushLens (same data, same zones in
// callbacks, same identities) and PushLens still captures the traffic under zone.js's wrappers.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startLibrarySuite, waitForChannel, channelFrames, type LibrarySuite, type PageResult } from './libs/suite';
import { attachZoneServer } from './libs/servers/zone';
import type { WsCounts } from './libs/ws-counts';

describe('zone.js patching the hooked APIs', () => {
  let s: LibrarySuite;
  let counts: Map<string, WsCounts>;
  let plain: PageResult;
  let hooked: PageResult;

  beforeAll(async () => {
    s = await startLibrarySuite();
    counts = attachZoneServer(s.server);
    ({ plain, hooked } = await s.runBoth('zone'));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the app behaves the same with and without PushLens', () => {
    // Nothing variable is logged: compared as is.
    expect(hooked.log).toEqual(plain.log);
    expect(plain.log).toContainEqual(['zone patched', { fetch: true, xhrSend: true, addEventListener: true }]);
    expect(plain.log).toContainEqual(['ws message', [7, 8, 9], 'app']);
    expect(plain.log).toContainEqual(['stream text', 'chunk 1;chunk 2;chunk 3;chunk 4;', 'app']);
    expect(plain.log[plain.log.length - 1]).toEqual(['end', 'app']);
  });

  it('PushLens captures the WebSocket, fetch and XHR traffic under zone.js', async () => {
    const h = await s.openPanel();
    const server = counts.get('hooked')!;
    const ws = await waitForChannel(h, 'zone ws', (r) => r.kind === 'ws' && r.url.includes('/zone-ws'));
    const expected = { count: server.in + server.out, in: server.out, out: server.in };
    expect(server.in).toBe(hooked.counts.wsSent);
    const got = await channelFrames(h, ws.channel, expected);
    expect({ count: got.count, in: got.in, out: got.out }).toEqual(expected);
    for (const path of ['/api/fetch-json', '/api/stream', '/api/xhr-json']) {
      const row = await waitForChannel(h, path, (r) => r.url.includes(path));
      expect(row.kind, path).toBe('http');
      const http = await channelFrames(h, row.channel, { count: 1 });
      expect(http.count, `${path} responses`).toBe(1);
    }
  });
});
