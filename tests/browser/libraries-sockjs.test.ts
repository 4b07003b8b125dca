// Context: node (test). sockjs-client against a sockjs server: same transport choice, messages and
// close with and without PushLens; PushLens shows the /info request and the WebSocket transport
// with every SockJS frame.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startLibrarySuite, waitForChannel, channelFrames, type LibrarySuite, type PageResult } from './libs/suite';
import { attachSockjs } from './libs/servers/sockjs';

describe('sockjs-client (info request, then the websocket transport)', () => {
  let s: LibrarySuite;
  let plain: PageResult;
  let hooked: PageResult;

  beforeAll(async () => {
    s = await startLibrarySuite();
    attachSockjs(s.server.http);
    ({ plain, hooked } = await s.runBoth('sockjs'));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the app sees the same messages and close with and without PushLens', () => {
    // Nothing variable is logged (the session id stays in the transport URL): compared as is.
    expect(hooked.log).toEqual(plain.log);
    expect(plain.log[0]).toEqual(['open', 'websocket', 1]);
    expect(plain.log[plain.log.length - 1]).toEqual(['close', 3001, 'bye bye', true]);
  });

  it('PushLens shows the SockJS WebSocket with every frame', async () => {
    const h = await s.openPanel();
    const info = await waitForChannel(h, 'sockjs /info', (r) => r.url.includes('/echo/info'));
    expect(info.kind).not.toBe('ws');
    const row = await waitForChannel(h, 'sockjs websocket', (r) => r.kind === 'ws' && /\/echo\/\d+\/\w+\/websocket/.test(r.url));
    // SockJS framing: the server's "o" (open) and "c[3001,...]" (close) frames carry no app
    // message; every app message is its own "a[...]" frame here (one per echo), every send one frame.
    const inFrames = hooked.counts.received + 2;
    const outFrames = hooked.counts.sent;
    const got = await channelFrames(h, row.channel, { count: inFrames + outFrames, in: inFrames, out: outFrames });
    expect({ count: got.count, in: got.in, out: got.out }).toEqual({ count: inFrames + outFrames, in: inFrames, out: outFrames });
  });
});
