// Context: node (e2e tests). Shared setup of the no-loss tests: the bench's flood server, a
// Chromium with PushLens and real DevTools, the PushLens panel, and readers of the panel's Session.
import type { Page } from 'playwright-core';
import { startBenchServer, type BenchServer } from '../../bench/servers';
import { launch, type Launched } from '../harness/chromium';
import { openPushLensPanel, type PanelHandle } from '../harness/devtools-panel';
import { waitFor } from '../harness/cdp';

export interface NoLossRig {
  server: BenchServer;
  browser: Launched;
  page: Page;
  openPanel(): Promise<PanelHandle>;
  close(): Promise<void>;
}

/** `settings`: agent settings stored before the page loads (as if set in an earlier panel session). */
export async function startRig(settings?: Record<string, unknown>): Promise<NoLossRig> {
  const server = await startBenchServer();
  const browser = await launch({ devtools: true });
  if (settings) {
    const p = await browser.context.newPage();
    await p.goto(`chrome-extension://${browser.extensionId}/devtools-panel.html`);
    await p.evaluate(async (s) => {
      localStorage.setItem('pushlens.agentSettings', JSON.stringify(s));
      await chrome.storage.local.set({ 'pushlens.agentSettings': s });
    }, settings);
    await p.close();
  }
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(server.url);
  let handle: PanelHandle | undefined;
  return {
    server,
    browser,
    page,
    async openPanel() {
      handle = await openPushLensPanel(browser.cdpPort, browser.extensionId!, server.url);
      return handle;
    },
    async close() {
      handle?.close();
      await browser.close();
      await server.close();
    },
  };
}

/**
 * n WebSocket messages at `rate`/s (0 = as fast as possible), left open afterwards so the record
 * count is exact: ws-create, ws-open, the "go" frame out, n frames in.
 */
export function wsFlood(page: Page, n: number, tag: string, rate = 0): Promise<number> {
  return page.evaluate(
    ({ n, tag, rate }) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(`ws://${location.host}/ws/${tag}?n=${n}&size=100&rate=${rate}`);
        let count = 0;
        (window as unknown as Record<string, WebSocket>)[`ws_${tag}`] = ws;
        ws.onopen = () => ws.send('go');
        ws.onmessage = () => {
          if (++count === n) resolve(count);
        };
        ws.onerror = () => reject(new Error(`ws error after ${count}`));
      }),
    { n, tag, rate },
  );
}

export interface SessionView {
  frames: number;
  dropped: number;
  drops: { agentId: string; fromSeq: number; toSeq: number; atRow: number; kind?: string }[];
  channels: string[];
}

/** Frames the panel's Session holds for channels whose URL contains `tag`, and its drop notices. */
export function sessionView(panel: PanelHandle['panel'], tag: string): Promise<SessionView> {
  return panel.evaluate<SessionView>(`(() => {
    const s = globalThis.__pushlens.session;
    let frames = 0;
    for (const c of s.channels) if (c.url.includes(${JSON.stringify(tag)})) frames += c.framesIn;
    let dropped = 0;
    for (const a of s.agents.values()) dropped += a.dropped;
    return { frames, dropped, drops: s.drops.map((d) => ({ ...d })), channels: s.channels.map((c) => c.url) };
  })()`);
}

/** Waits until the panel holds `expected` frames for `tag` (or times out with what it has). */
export async function panelReaches(panel: PanelHandle['panel'], tag: string, expected: number, timeoutMs = 60_000): Promise<SessionView> {
  let last: SessionView | undefined;
  await waitFor(
    async () => {
      last = await sessionView(panel, tag);
      return last.frames >= expected;
    },
    `${expected} frames for ${tag} in the panel`,
    timeoutMs,
    100,
  ).catch(() => {});
  return last ?? sessionView(panel, tag);
}
