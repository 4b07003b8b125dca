// Context: node (browser test, both projects). A page inserts an iframe with no src and at once
// opens a WebSocket with `iframe.contentWindow.WebSocket`: the frame is still on its initial
// about:blank document. Chromium injects PushLens there (match_about_blank +
// match_origin_as_fallback), so the panel shows the socket. Firefox ESR 153 runs no content
// script in an initial about:blank document, so the socket is not captured: README "Known limits"
// names this, and the Firefox run asserts exactly that documented behaviour (with a control socket
// of the top document that must show, so the absence is not a panel that had not caught up).
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { launchBrowser, type AnyBrowser } from '../harness/chromium';
import type { PanelHandle, TestPage } from '../harness/types';
import { waitFor } from '../harness/cdp';
import { channelRows, selectChannel, frameCount } from '../harness/panel-dom';
import { startFixtureServer } from './fixtures-frames/server.mjs';

type FixtureServer = Awaited<ReturnType<typeof startFixtureServer>>;
interface Results {
  childRealm?: boolean;
  blankEcho?: string;
  controlEcho?: string;
}

describe('a socket opened from an iframe still on its initial about:blank', () => {
  let server: FixtureServer;
  let browser: AnyBrowser;
  let page: TestPage;
  let h: PanelHandle;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchBrowser({ devtools: true });
    page = await browser.firstPage();
    await page.goto(`${server.url}/blank-frame.html`);
    await page.waitForFunction(() => (window as unknown as { results: Results }).results.controlEcho !== undefined, undefined, { timeout: 10_000 });
    h = await browser.openPanel(server.url);
  });
  afterAll(async () => {
    h?.close();
    await browser?.close();
    await server?.close();
  });

  it('the page really used the child realm, and both sockets worked', async () => {
    const r = await page.evaluate(() => (window as unknown as { results: Results }).results);
    expect(r).toEqual({ childRealm: true, blankEcho: 'from the blank frame', controlEcho: 'from the top document' });
  });

  it(`the panel shows it in Chromium; in Firefox it is the documented limit`, async () => {
    // The control socket opened after the frame's: once it shows with its three frames, the panel
    // has every record of this page that was captured.
    const rows = await waitFor(
      async () => {
        const r = await channelRows(h.panel);
        return r.some((row) => row.url.endsWith('/ws/blank-frame-control')) ? r : undefined;
      },
      'the control channel',
      20_000,
      250,
    );
    const control = rows.find((row) => row.url.endsWith('/ws/blank-frame-control'))!;
    await selectChannel(h.panel, control.channel);
    const controlFrames = await waitFor(
      async () => {
        const f = await frameCount(h.panel);
        return f.in === 2 && f.out === 1 ? f : undefined;
      },
      'control: greeting and echo in, 1 out',
      10_000,
    ).catch(() => frameCount(h.panel));
    console.log(`blank-frame (${browser.name}): control frames ${JSON.stringify(controlFrames)}`);
    expect(controlFrames).toMatchObject({ count: 3, in: 2, out: 1 });
    const blank = rows.find((row) => row.url.endsWith('/ws/blank-frame'));
    console.log(`blank-frame (${browser.name}): channels ${rows.map((row) => row.url.replace(server.url.replace('http', 'ws'), '')).join(', ')}`);
    if (browser.name === 'chromium') {
      expect(blank, 'the blank frame socket is a channel').toBeDefined();
      await selectChannel(h.panel, blank!.channel);
      const c = await waitFor(
        async () => {
          const f = await frameCount(h.panel);
          return f.in === 2 && f.out === 1 ? f : undefined;
        },
        'blank frame: greeting and echo in, 1 out',
        10_000,
      ).catch(() => frameCount(h.panel));
      expect(c).toMatchObject({ count: 3, in: 2, out: 1 });
    } else {
      // README, Known limits: "Firefox: sockets of an iframe still on its initial about:blank".
      expect(blank, 'Firefox captures no socket of an initial about:blank frame (documented limit)').toBeUndefined();
    }
  });
});
