// Context: node (test). HAR entries produced by Chrome itself (chrome.devtools.network in the real
// DevTools: a WebSocket's entry, with Chrome's `_webSocketMessages`, arrives when it closes) open
// in PushLens with all their WebSocket messages. The HAR is kept as test-artifacts/chrome-demo.har.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startDemoSession, type DemoSession } from '../harness/demo-session';
import { waitFor } from '../harness/cdp';
import { importHar } from '../../lib/har';
import { Session } from '../../lib/store/session';
import { loadHarIntoSession } from '../../lib/store/session-har';

type Demo = { counts(): Record<string, number>; stopAll(): Promise<void>; startAll(): void };

describe('HAR exported by Chrome', () => {
  let s: DemoSession;
  beforeAll(async () => {
    // Chrome reports a socket's finished entry to DevTools listeners that saw it open: start the
    // demo's traffic only once the listener is in place.
    s = await startDemoSession({ query: '?autostart=0' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('imports with every WebSocket message Chrome recorded', async () => {
    const h = await s.openPanel();
    // getHAR() leaves these WebSockets out; finished-request events carry them, with the messages.
    await h.panel.evaluate(
      `(() => { window.__chromeEntries = []; chrome.devtools.network.onRequestFinished.addListener((e) => window.__chromeEntries.push(JSON.parse(JSON.stringify(e)))); })()`,
    );
    await s.page.evaluate(() => (window as unknown as { demo: Demo }).demo.startAll());
    await waitFor(() => s.page.evaluate(() => (window as unknown as { demo: Demo }).demo.counts().chat >= 3), 'chat traffic', 20_000);
    await s.page.evaluate(() => (window as unknown as { demo: Demo }).demo.stopAll());
    // Chrome adds a WebSocket's entry (with its messages) when the socket has closed.
    const harText = await waitFor(
      async () => {
        const text = await h.panel.evaluate<string>(
          `new Promise((r) => chrome.devtools.network.getHAR((har) => r(JSON.stringify({ log: { ...har, entries: [...har.entries, ...window.__chromeEntries.filter((e) => e._resourceType === 'websocket')] } }))))`,
        );
        return text.includes('"_webSocketMessages"') && text.includes('/ws/chat') ? text : undefined;
      },
      'Chrome’s HAR with the chat socket',
      20_000,
    );
    mkdirSync(resolve(import.meta.dirname, '../../test-artifacts'), { recursive: true });
    writeFileSync(resolve(import.meta.dirname, '../../test-artifacts/chrome-demo.har'), harText);

    const chrome = JSON.parse(harText) as {
      log: { entries: { _resourceType?: string; request: { url: string }; _webSocketMessages?: { type: string }[] }[] };
    };
    const wsEntries = chrome.log.entries.filter((e) => e._resourceType === 'websocket');
    expect(wsEntries.length).toBeGreaterThan(0);
    const expected = wsEntries.reduce((n, e) => n + (e._webSocketMessages ?? []).filter((m) => m.type === 'send' || m.type === 'receive').length, 0);
    expect(expected).toBeGreaterThan(0);

    const imported = importHar(harText);
    expect(imported.ok, imported.ok ? '' : imported.error.message).toBe(true);
    const session = new Session();
    loadHarIntoSession(session, imported.ok ? imported.data : { connections: [] }, 'chrome.har');
    const ws = session.channels.filter((c) => c.kind === 'ws');
    expect(ws.reduce((n, c) => n + c.framesIn + c.framesOut, 0)).toBe(expected);
    expect(ws.some((c) => c.url.endsWith('/ws/chat'))).toBe(true);
  });
});
