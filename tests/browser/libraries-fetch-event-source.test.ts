// Context: node (test). @microsoft/fetch-event-source (POST SSE over fetch): the app gets the same
// events, errors and closes with and without PushLens, aborting still closes the connection, and
// PushLens shows each stream as a fetch-stream channel with as many events as the app got.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startLibrarySuite, waitForChannel, channelFrames, type LibrarySuite, type PageResult } from './libs/suite';
import { attachSseRoutes } from './libs/servers/sse';

describe('@microsoft/fetch-event-source (POST text/event-stream)', () => {
  let s: LibrarySuite;
  let plain: PageResult;
  let hooked: PageResult;

  beforeAll(async () => {
    s = await startLibrarySuite();
    attachSseRoutes(s.server);
    ({ plain, hooked } = await s.runBoth('fetch-sse'));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the app sees the same events with and without PushLens', () => {
    // Nothing variable is logged (event ids come from the server script): compared as is.
    expect(hooked.log).toEqual(plain.log);
    expect(plain.counts['/sse/chat']).toBe(6);
    expect(plain.log).toContainEqual(['/sse/fail', 'rejected', true, 'status 500']);
    // Cancellation reaches the network in both runs.
    expect(plain.log).toContainEqual(['/sse/endless', 'server saw', 'closed by client']);
  });

  it('PushLens shows the POST streams as fetch-stream channels with every event', async () => {
    const h = await s.openPanel();
    for (const path of ['/sse/chat', '/sse/endless']) {
      const row = await waitForChannel(h, path, (r) => r.kind === 'fetch-stream' && r.url.includes(path));
      const events = hooked.counts[path];
      expect(events).toBeGreaterThanOrEqual(3);
      const got = await channelFrames(h, row.channel, { count: events, in: events, out: 0 });
      expect({ path, count: got.count, in: got.in, out: got.out }).toEqual({ path, count: events, in: events, out: 0 });
    }
    // The 500 is an ordinary HTTP exchange, shown with its status.
    const failed = await waitForChannel(h, '/sse/fail', (r) => r.url.includes('/sse/fail'));
    expect(failed.kind).toBe('http');
    expect(failed.codes).toContain('500');
  });
});
