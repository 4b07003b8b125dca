// Context: node (bench). One bench browser = one Chromium (with or without an extension, with or
// without real DevTools and the PushLens panel) holding the bench page, plus helpers to run a
// flood in the page and to read the panel's Session over CDP.
import { CdpSession, listTargets, waitFor } from '../tests/harness/cdp';
import { launchRaw, navigate, type RawBrowser } from './launch';

export interface BenchBrowser {
  name: string;
  launched: RawBrowser;
  /** CDP session of the bench page's tab. */
  page: CdpSession;
  /** The real PushLens panel page in DevTools, when opened. */
  panel?: CdpSession;
  devtools?: CdpSession;
  close(): Promise<void>;
}

export interface FloodResult {
  ms: number;
  count: number;
  bytes: number;
  startedAt?: number;
  endedAt?: number;
}

export async function openBenchBrowser(
  name: string,
  url: string,
  opts: { extensionDir?: string; devtools?: boolean; panel?: boolean; beforePage?: (l: RawBrowser) => Promise<void> },
): Promise<BenchBrowser> {
  const launched = await launchRaw({ extensionDir: opts.extensionDir, devtools: opts.devtools });
  await opts.beforePage?.(launched);
  const page = launched.page;
  await navigate(page, url);
  const b: BenchBrowser = {
    name,
    launched,
    page,
    async close() {
      b.panel?.close();
      b.devtools?.close();
      await launched.close();
    },
  };
  if (opts.panel) await showPanel(b, url);
  return b;
}

/** Shows the PushLens panel in the page's DevTools (same DevTools-internal call as the e2e harness, polled faster). */
export async function showPanel(b: BenchBrowser, pageUrl: string): Promise<{ shownAt: number }> {
  const { cdpPort, extensionId } = b.launched;
  const devtoolsTarget = await waitFor(
    async () => {
      const pages = (await listTargets(cdpPort)).filter((t) => t.type === 'page' && t.url.startsWith('devtools://devtools/'));
      return pages.find((t) => t.url.includes(encodeURIComponent(new URL(pageUrl).host))) ?? pages[pages.length - 1];
    },
    'the DevTools window',
    30_000,
    50,
  );
  b.devtools = await CdpSession.connect(devtoolsTarget.webSocketDebuggerUrl);
  let shownAt = 0;
  await waitFor(
    async () => {
      shownAt = Date.now();
      return b.devtools!.evaluate<boolean>(`(async () => {
        const UI = await import('./ui/legacy/legacy.js');
        const iv = UI.InspectorView.InspectorView.instance();
        const id = iv.tabbedPane.tabIds().find((t) => t.startsWith('chrome-extension://${extensionId}'));
        if (!id) return false;
        await iv.showPanel(id);
        return true;
      })()`);
    },
    'the PushLens panel tab',
    30_000,
    50,
  );
  const panelTarget = await waitFor(
    async () =>
      (await listTargets(cdpPort)).find((t) => t.type === 'iframe' && t.url.startsWith(`chrome-extension://${extensionId}/devtools-panel.html`)),
    'the PushLens panel page',
    30_000,
    20,
  );
  b.panel = await CdpSession.connect(panelTarget.webSocketDebuggerUrl);
  await waitFor(() => b.panel!.evaluate<boolean>(`!!globalThis.__pushlens`), 'the panel session', 30_000, 20);
  return { shownAt };
}

export function pageFlood(
  b: BenchBrowser,
  kind: 'ws' | 'sse' | 'fetches' | 'stream',
  n: number,
  size: number,
  tag: string,
  rate = 0,
  partSize = 0,
): Promise<FloodResult> {
  const t = JSON.stringify(tag);
  const call =
    kind === 'fetches'
      ? `bench.fetches(${n}, ${t})`
      : kind === 'sse'
        ? `bench.sse(${n}, ${size}, ${t})`
        : `bench.${kind}(${n}, ${size}, ${t}, ${rate}, ${partSize})`;
  return b.page.evaluate<FloodResult>(call);
}

/** Frames received (page-bound: WS/SSE in, HTTP responses) the panel holds for channels whose URL contains `tag`. */
export async function panelCount(b: BenchBrowser, tag: string): Promise<{ frames: number; dropped: number }> {
  return b.panel!.evaluate(`(() => {
    const s = globalThis.__pushlens.session;
    let frames = 0;
    for (const c of s.channels) if (c.url.includes(${JSON.stringify(tag)})) frames += c.framesIn;
    let dropped = 0;
    for (const a of s.agents.values()) dropped += a.dropped;
    return { frames, dropped };
  })()`);
}

/** Waits until the panel holds `expected` frames for `tag` or stops growing for `quietMs`. */
export async function settlePanel(b: BenchBrowser, tag: string, expected: number, quietMs = 5000): Promise<{ frames: number; dropped: number }> {
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const c = await panelCount(b, tag);
    if (c.frames >= expected) return c;
    if (c.frames !== last) {
      last = c.frames;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > quietMs) return c;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function clearPanel(b: BenchBrowser): Promise<void> {
  await b.panel?.evaluate(`globalThis.__pushlens.session.clear()`);
}
