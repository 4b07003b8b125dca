// Context: node (browser tests). Fixture server + Chromium with PushLens and real DevTools + the
// PushLens panel, opened on one fixture page: the common start of the frames, workers and hostile
// tests. Also small helpers to wait for channels in the panel.
import type { Page } from 'playwright-core';
import { launch, type Launched } from '../../harness/chromium';
import { openPushLensPanel, type PanelHandle } from '../../harness/devtools-panel';
import { waitFor } from '../../harness/cdp';
import { channelRows, selectChannel, frameCount, type ChannelRowInfo } from '../../harness/panel-dom';
import { startFixtureServer } from './server.mjs';

export type FixtureServer = Awaited<ReturnType<typeof startFixtureServer>>;

export interface FixtureSession {
  server: FixtureServer;
  browser: Launched;
  page: Page;
  panel: PanelHandle;
  close(): Promise<void>;
}

/** Opens `path` (on origin A) and then the panel; the panel gets earlier records from the page buffer. */
export async function startFixtureSession(path: string | ((server: FixtureServer) => string)): Promise<FixtureSession> {
  const server = await startFixtureServer();
  const browser = await launch({ devtools: true });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(`${server.url}${typeof path === 'function' ? path(server) : path}`);
  const panel = await openPushLensPanel(browser.cdpPort, browser.extensionId!, server.url);
  return {
    server,
    browser,
    page,
    panel,
    async close() {
      panel.close();
      await browser.close();
      await server.close();
    },
  };
}

/** Waits until the panel lists a channel whose URL ends with each of `suffixes`; returns the rows. */
export async function waitForChannels(s: FixtureSession, suffixes: string[], timeoutMs = 15_000): Promise<ChannelRowInfo[]> {
  let last: ChannelRowInfo[] = [];
  try {
    return await waitFor(
      async () => {
        last = await channelRows(s.panel.panel);
        return suffixes.every((x) => last.some((r) => r.url.endsWith(x))) ? last : undefined;
      },
      `channels ${suffixes.join(', ')}`,
      timeoutMs,
      250,
    );
  } catch (err) {
    const missing = suffixes.filter((x) => !last.some((r) => r.url.endsWith(x)));
    throw new Error(`${String(err)}\nmissing: ${missing.join(', ')}\npanel has: ${last.map((r) => `${r.kind} ${r.url}`).join(' | ')}`);
  }
}

/** Frame count of the channel whose URL ends with `suffix`, once it equals `expected` (or the last value). */
export async function channelFrames(s: FixtureSession, suffix: string, expected?: number, timeoutMs = 10_000) {
  const row = (await channelRows(s.panel.panel)).find((r) => r.url.endsWith(suffix));
  if (!row) throw new Error(`no channel ${suffix}`);
  await selectChannel(s.panel.panel, row.channel);
  if (expected === undefined) return frameCount(s.panel.panel);
  return waitFor(
    async () => {
      const c = await frameCount(s.panel.panel);
      return c.count === expected ? c : undefined;
    },
    `${suffix}: ${expected} frames`,
    timeoutMs,
  ).catch(() => frameCount(s.panel.panel));
}

/** Worker badges of the channel rows, by URL. */
export async function workerBadges(s: FixtureSession): Promise<Record<string, boolean>> {
  return s.panel.panel.evaluate(
    `Object.fromEntries([...document.querySelectorAll('[data-testid="channel-row"]')].map((r) => [r.dataset.url, !!r.querySelector('.badge.worker')]))`,
  );
}
