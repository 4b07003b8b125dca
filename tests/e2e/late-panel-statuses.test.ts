// Context: node (test). Issue #14 item 6 in the real DevTools: DevTools is already open (on
// another panel, the PushLens panel page not even loaded) when a WebSocket is refused with 403 and
// EventSources are answered 500 and 204; only then is the PushLens panel shown. The statuses must
// appear with their explanations, joined from what DevTools recorded before the panel existed.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startDemoSession, type DemoSession } from '../harness/demo-session';
import { CdpSession, listTargets, waitFor } from '../harness/cdp';
import { channelRows } from '../harness/panel-dom';
import type { PanelHandle } from '../harness/devtools-panel';
import type { Launched } from '../harness/chromium';

describe('statuses that happened before the PushLens panel was shown', () => {
  // Chromium only (CDP shows which extension pages are loaded); Firefox was checked by hand (README).
  let s: DemoSession;
  let h: PanelHandle;
  let cdpPort: number;
  const panelLoaded = async () =>
    (await listTargets(cdpPort)).some((t) => t.url.startsWith(`chrome-extension://${s.browser.extensionId}/devtools-panel.html`));

  beforeAll(async () => {
    s = await startDemoSession({ browser: 'chromium' });
    cdpPort = (s.browser as Launched).cdpPort;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows a refused handshake (403) and EventSource 500 / 204 with their explanations', async () => {
    // DevTools is open on its default panel, fully loaded (PushLens's tab registered, not shown):
    // its network log only starts once its front end has loaded (~15 s after launch on 2 busy cores).
    const target = await waitFor(
      async () => (await listTargets(cdpPort)).find((t) => t.type === 'page' && t.url.startsWith('devtools://devtools/')),
      'the DevTools window',
    );
    const devtools = await CdpSession.connect(target.webSocketDebuggerUrl);
    const tabId = JSON.stringify(`chrome-extension://${s.browser.extensionId}PushLens`);
    await waitFor(
      () =>
        devtools.evaluate<boolean>(`(async () => {
          const UI = await import('./ui/legacy/legacy.js');
          return UI.InspectorView.InspectorView.instance().tabbedPane.tabIds().includes(${tabId});
        })()`),
      'DevTools loaded with the PushLens tab registered',
      60_000,
    );
    devtools.close();
    expect(await panelLoaded(), 'PushLens panel page loaded before it was shown').toBe(false);

    const outcome = await s.page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          const done = (what: string) => {
            seen.push(what);
            if (seen.length === 3) resolve(seen.sort());
          };
          const ws = new WebSocket(`${location.origin.replace('http', 'ws')}/ws/forbidden`);
          ws.onclose = (e) => done(`ws closed ${e.code}`);
          for (const code of [500, 204]) {
            const es = new EventSource(`/sse/status/${code}`);
            es.onerror = () => es.readyState === EventSource.CLOSED && done(`sse ${code} closed`);
          }
        }),
      null,
    );
    // What the page itself can know: a 1006 and two failed EventSources, no status.
    expect(outcome).toEqual(['sse 204 closed', 'sse 500 closed', 'ws closed 1006']);
    // DevTools has finished those requests well before the panel is shown.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await panelLoaded(), 'PushLens panel page loaded before it was shown').toBe(false);

    h = await s.openPanel();
    const expected = [
      { end: '/ws/forbidden', kind: 'ws', code: '403', words: /forbidden|refus|permission|handshake/ },
      { end: '/sse/status/500', kind: 'sse', code: '500', words: /server|error/ },
      { end: '/sse/status/204', kind: 'sse', code: '204', words: /no content|stop|reconnect/ },
    ];
    for (const e of expected) {
      const row = await waitFor(
        async () => (await channelRows(h.panel)).find((r) => r.url.endsWith(e.end) && r.codes.includes(e.code)),
        `a ${e.end} channel showing ${e.code}`,
        20_000,
      );
      expect(row.kind).toBe(e.kind);
      // Hover the chip (React's mouseenter comes from mouseover), read the explanation, leave it again.
      const text = await h.panel.evaluate<string>(`(() => {
        const chip = document.querySelector('[data-testid="channel-row"][data-channel="${row.channel}"] [data-testid="status-explain"][data-code="${e.code}"]');
        chip.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        return new Promise((r) => setTimeout(() => {
          const text = document.querySelector('[data-testid="status-explain-text"]')?.textContent ?? '';
          chip.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
          r(text);
        }, 100));
      })()`);
      expect(text).toMatch(new RegExp(e.code));
      expect(text.toLowerCase()).toMatch(e.words);
    }
    // They came from DevTools' log, taken once at start.
    const history = await h.panel.evaluate<{ state: string; entries: number }>(
      `(() => { const x = globalThis.__pushlens.network.history; return { state: x.state, entries: x.entries }; })()`,
    );
    expect(history.state).toBe('joined');
    expect(history.entries).toBeGreaterThanOrEqual(3);
  });
});
