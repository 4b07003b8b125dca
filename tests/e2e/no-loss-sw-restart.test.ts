// Context: node (e2e test, real DevTools panel). The background service worker is stopped twice
// while the page receives tens of thousands of WebSocket frames. The relay and the panel both
// reconnect, the panel resyncs from the page's ring by sequence number, and the panel ends with
// exactly the frames the page received: none lost, none doubled.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startRig, wsFlood, panelReaches, type NoLossRig } from './no-loss-helpers';

describe('no loss across service worker restarts', () => {
  let rig: NoLossRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('panel count equals page count exactly after the worker is stopped mid-flood', async () => {
    const h = await rig.openPanel();
    const { context } = rig.browser;
    const [firstWorker] = context.serviceWorkers();
    await firstWorker.evaluate(() => ((globalThis as { __marked?: boolean }).__marked = true));
    const cdp = await context.newCDPSession(rig.page);
    await cdp.send('ServiceWorker.enable');
    const n = 30_000;
    const flood = wsFlood(rig.page, n, 'swstop', 4000);
    flood.catch(() => {}); // awaited below; a failure before that must not be an unhandled rejection
    let stops = 0;
    for (const wait of [1500, 1000]) {
      await new Promise((r) => setTimeout(r, wait));
      await cdp.send('ServiceWorker.stopAllWorkers');
      stops++;
    }
    const pageCount = await flood;
    const view = await panelReaches(h.panel, 'swstop', n);
    expect(pageCount).toBe(n);
    expect(view.frames).toBe(n);
    expect(view.dropped).toBe(0);
    // The worker really was replaced (a restarted worker has fresh globals).
    const workers = context.serviceWorkers();
    const marks = await Promise.all(workers.map((w) => w.evaluate(() => !!(globalThis as { __marked?: boolean }).__marked).catch(() => 'gone')));
    expect(marks).not.toContain(true);
    expect(stops).toBe(2);
  });
});
