// Context: node (browser test). Issue #13 item 11: what a page can use to tell PushLens is there.
// The same fixture (detect.js) runs in Chromium without any extension and with PushLens and its
// real DevTools panel open. The signs removed by #13 (extra reads on a protocols array, a worker
// global marker and an own `fetch` on worker globals, the agent's console output) must read the
// same; the ones that remain (another realm's toString, our frame in listener stacks, call sites,
// recursion depth) are printed: their numbers are the README's security notes.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { launch, type Launched } from '../harness/chromium';
import { startFixtureServer } from './fixtures-frames/server.mjs';
import { startFixtureSession, type FixtureSession } from './fixtures-frames/session';
import type { Page } from 'playwright-core';

interface Detected {
  removed: Record<string, unknown>;
  remaining: Record<string, string | number>;
  console: string[];
}

async function detect(page: Page, serverUrl: string, console: string[]): Promise<Detected> {
  const wsUrl = `${serverUrl.replace('http', 'ws')}/ws/detect`;
  const r = await page.evaluate((u) => (window as unknown as { detect(u: string): Promise<Omit<Detected, 'console'>> }).detect(u), wsUrl);
  // Ports differ between the two servers; a favicon 404 depends on the cache, not on PushLens.
  const lines = console.filter((l) => !l.startsWith('Failed to load resource')).map((l) => l.replace(/127\.0\.0\.1:\d+/g, 'HOST'));
  return { ...r, console: lines };
}

describe('signs of PushLens a page can read', () => {
  let s: FixtureSession;
  let plain: Launched;
  let plainServer: Awaited<ReturnType<typeof startFixtureServer>>;
  let without: Detected;
  let withPushLens: Detected;
  beforeAll(async () => {
    plainServer = await startFixtureServer();
    plain = await launch({ extension: false });
    const page = await plain.context.newPage();
    const plainConsole: string[] = [];
    page.on('console', (m) => plainConsole.push(m.text()));
    await page.goto(`${plainServer.url}/detect.html`);
    without = await detect(page, plainServer.url, plainConsole);
    await plain.close();
    const hookedConsole: string[] = [];
    s = await startFixtureSession((server) => {
      void server;
      return '/detect.html';
    });
    s.page.on('console', (m) => hookedConsole.push(m.text()));
    // Reloaded with the panel open, so the agent's start-up (and anything it prints) is seen.
    await s.page.reload();
    withPushLens = await detect(s.page, s.server.url, hookedConsole);
  });
  afterAll(async () => {
    await s?.close();
    await plainServer?.close();
  });

  it('reads the removed signs as without PushLens', () => {
    expect(withPushLens.removed).toEqual(without.removed);
    expect(withPushLens.console).toEqual(without.console);
  });

  it('measures the signs that remain', () => {
    for (const [k, v] of Object.entries(without.remaining)) {
      console.log(`remaining sign ${k}: without ${JSON.stringify(v)}, with PushLens ${JSON.stringify(withPushLens.remaining[k])}`);
    }
    // The instruments work: without PushLens the stack has no extension frame and toString is native.
    expect(without.remaining.listenerStackExtensionFrames).toBe(0);
    expect(without.remaining.crossRealmToString).toBe('function WebSocket() { [native code] }');
    expect(without.remaining.depthAddEventListener).toBeGreaterThan(100);
  });
});
