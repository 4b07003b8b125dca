// Context: node (browser test, real DevTools panel open and recording). Issue #13 item 6: the
// agent used to keep every request's body for "re-run" until 500 later requests, and forever for
// requests that never finished (64.8 MB retained after large uploads). The page uploads fresh
// 1 MB bodies with fetch and XHR (some to a server that never answers) and 100 KB bodies that
// fit the re-run store, keeping only WeakRefs; after a forced GC (CDP HeapProfiler.collectGarbage)
// every large body must be gone, the small ones kept only within the store's bounds, and the
// page's JS heap back near where it started. A body the page itself holds stays alive (control).
// (The counts are small because a 1 MB upload takes ~1 s in Chromium on this loaded machine; the
// old code kept bodies for the last 500 requests, so any count below that shows the leak.)
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import type { CDPSession } from 'playwright-core';
import { startFixtureSession, waitForChannels, type FixtureSession } from './fixtures-frames/session';

const MB = 1024 * 1024;
type Alive = Record<string, { alive: number; total: number; firstAlive: number }>;
interface Plan {
  group: string;
  api: 'fetch' | 'xhr';
  count: number;
  size: number;
  url: string;
  wait: boolean;
  text?: boolean;
}

describe('request bodies are freed (real panel recording)', () => {
  let s: FixtureSession;
  let cdp: CDPSession;
  const heapUsed = async () => {
    // Twice, each in its own task: WeakRefs cleared by one GC read as empty only in a later task.
    for (let i = 0; i < 2; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await s.page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    }
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const run = async (plan: Plan) => {
    await s.page.evaluate((p) => (window as unknown as { uploads: { run(p: Plan): Promise<void> } }).uploads.run(p), plan);
  };

  beforeAll(async () => {
    s = await startFixtureSession('/uploads.html');
    cdp = await s.browser.context.newCDPSession(s.page);
  });
  afterAll(async () => {
    await cdp?.detach().catch(() => {});
    await s?.close();
  });

  it('frees 1 MB uploads (finished or never answered) and keeps small ones only within the re-run bounds', async () => {
    // One round first, so lazily made agent and page structures are in the baseline.
    await run({ group: 'warm', api: 'fetch', count: 2, size: 1024, url: '/api/warm', wait: true });
    const before = await heapUsed();
    const u = s.server.url;
    await run({ group: 'fetch-1mb', api: 'fetch', count: 3, size: MB, url: `${u}/api/up`, wait: true });
    await run({ group: 'xhr-1mb', api: 'xhr', count: 2, size: MB, url: `${u}/api/up-xhr`, wait: true });
    await run({ group: 'fetch-1mb-text', api: 'fetch', count: 2, size: MB, url: `${u}/api/up-text`, wait: true, text: true });
    await run({ group: 'xhr-1mb-text', api: 'xhr', count: 2, size: MB, url: `${u}/api/up-xhr-text`, wait: true, text: true });
    await run({ group: 'fetch-100kb', api: 'fetch', count: 22, size: 100 * 1024, url: `${u}/api/small`, wait: true });
    // Last, and on the other origin (another host to Chromium): each holds one of the 6 connections a host gets.
    const o = s.server.otherUrl;
    await run({ group: 'hang-fetch-1mb', api: 'fetch', count: 1, size: MB, url: `${o}/hang/f`, wait: false });
    await run({ group: 'hang-xhr-1mb', api: 'xhr', count: 1, size: MB, url: `${o}/hang/x`, wait: false });
    await run({ group: 'hang-xhr-1mb-text', api: 'xhr', count: 1, size: MB, url: `${o}/hang/xt`, wait: false, text: true });
    await run({ group: 'hang-fetch-1mb-text', api: 'fetch', count: 1, size: MB, url: `${o}/hang/ft`, wait: false, text: true });
    await s.page.evaluate((n) => (window as unknown as { uploads: { keep(n: number): void } }).uploads.keep(n), MB);
    // The panel really recorded them (the agent saw every request).
    await waitForChannels(s, ['/api/up', '/api/up-xhr', '/api/small']);
    const after = await heapUsed();
    const alive = await s.page.evaluate(() => (window as unknown as { uploads: { alive(): Alive } }).uploads.alive());
    console.log(
      `JS heap after GC: ${(before / MB).toFixed(1)} MB before, ${(after / MB).toFixed(1)} MB after 13 uploads of 1 MB (6 of them text) and 22 of 100 KB; alive: ${JSON.stringify(alive)}`,
    );

    expect(alive.kept).toEqual({ alive: 1, total: 1, firstAlive: 0 });
    for (const g of ['fetch-1mb', 'xhr-1mb', 'hang-fetch-1mb', 'hang-xhr-1mb']) expect(alive[g].alive, g).toBe(0);
    // 20 × 100 KB fill the 2 MB re-run store; the oldest go first.
    const small = alive['fetch-100kb'];
    expect(small.alive).toBeLessThanOrEqual(20);
    if (small.alive > 0) expect(small.firstAlive).toBeGreaterThanOrEqual(small.total - 20);
    // Byte arrays' contents are outside the JS heap; the 6 MB of text bodies are in it. Each one
    // kept costs 1 MB: with 8 of them, 8.1 MB stayed before the fix (64 KB previews were views
    // into the whole body, and a pending XHR's listeners held its body); what may stay is the
    // record ring's capped previews (6 × 64 KB).
    expect(after - before).toBeLessThan(3 * MB);
  });
});
