// Context: node (test). HAR export end to end in the real DevTools panel (Chromium and Firefox):
// the user clicks Export HAR, the file the panel hands to the browser's download parses as HAR
// 1.2 and holds every WebSocket message and every SSE event the demo page received, in order.
// The HAR is kept as test-artifacts/pushlens-demo-<browser>.har.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startDemoSession, type DemoSession } from '../harness/demo-session';
import type { PanelHandle } from '../harness/types';
import { waitFor } from '../harness/cdp';
import { channelRows, click, frameCount, selectChannel } from '../harness/panel-dom';

type Demo = { counts(): Record<string, number>; stopAll(): Promise<void> };
type HarEntry = {
  request: { url: string };
  response: { status: number };
  _resourceType?: string;
  _webSocketMessages?: { type: string; data: string }[];
  _eventSourceMessages?: { data: string }[];
};

describe('HAR export from the panel', () => {
  let s: DemoSession;
  let h: PanelHandle;
  beforeAll(async () => {
    s = await startDemoSession();
    h = await s.openPanel();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('exports every WebSocket message and SSE event the page received', async () => {
    const demo = () => s.page.evaluate(() => (window as unknown as { demo: Demo }).demo.counts());
    await waitFor(async () => {
      const c = await demo();
      return c.chat >= 3 && c.sse >= 3;
    }, 'chat and SSE traffic');
    await s.page.evaluate(() => (window as unknown as { demo: Demo }).demo.stopAll());
    const counts = await demo();
    // Export only once the panel holds everything the page got (records travel in batches).
    const rows = await waitFor(async () => {
      const r = await channelRows(h.panel);
      return r.some((x) => x.url.endsWith('/ws/chat')) && r.some((x) => x.url.endsWith('/sse/prices')) ? r : undefined;
    }, 'chat and SSE channels');
    for (const [suffix, expected] of [
      ['/ws/chat', counts.chat],
      ['/sse/prices', counts.sse],
    ] as const) {
      await selectChannel(h.panel, rows.find((x) => x.url.endsWith(suffix))!.channel);
      await waitFor(async () => (await frameCount(h.panel)).count === expected, `${suffix}: ${expected} frames in the panel`).catch(() => {});
    }

    // The panel hands the HAR to the browser as a blob: URL on a download link; read that blob
    // (test instrumentation in the panel's realm) and let the download go on as usual.
    await h.panel.evaluate(`(() => {
      window.__exported = null;
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function () {
        if (this.download && this.href.startsWith('blob:')) fetch(this.href).then((r) => r.text()).then((t) => { window.__exported = { name: this.download, text: t }; });
        return click.call(this);
      };
    })()`);
    await click(h.panel, 'export-har');
    const exported = await waitFor(() => h.panel.evaluate<{ name: string; text: string } | null>(`window.__exported`), 'the exported HAR');
    mkdirSync(resolve(import.meta.dirname, '../../test-artifacts'), { recursive: true });
    writeFileSync(resolve(import.meta.dirname, `../../test-artifacts/pushlens-demo-${s.browser.name}.har`), exported.text);

    expect(exported.name).toMatch(/^pushlens-.*\.har$/);
    const har = JSON.parse(exported.text) as { log: { version: string; entries: HarEntry[] } };
    expect(har.log.version).toBe('1.2');

    const chat = har.log.entries.filter((e) => e._resourceType === 'websocket' && e.request.url.endsWith('/ws/chat'));
    expect(chat.length, 'one chat socket').toBe(1);
    expect(chat[0].response.status).toBe(101);
    const messages = chat[0]._webSocketMessages ?? [];
    expect(messages.filter((m) => m.type === 'receive')).toHaveLength(counts.chat);
    expect(messages[0].data).toContain('"type":"welcome"');

    const sse = har.log.entries.filter((e) => e._resourceType === 'eventsource' && e.request.url.endsWith('/sse/prices'));
    expect(sse.length, 'one SSE stream').toBe(1);
    const events = sse[0]._eventSourceMessages ?? [];
    expect(events).toHaveLength(counts.sse);
    expect(events[0].data).toContain('prices stream');
  });
});
