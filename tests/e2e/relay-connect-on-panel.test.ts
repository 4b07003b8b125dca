// Context: node (e2e test, real DevTools panel, Chromium: it counts Ports inside the service
// worker). With no PushLens panel open, a page's relays open no runtime Port to the background
// (every frame of every page would pay for one); when the panel opens they connect, and the
// panel still gets the history the page recorded before it. A subframe's relay connects only once
// its frame captures something: an idle frame touches no extension API at all.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startDemoSession, type DemoSession, type PanelHandle } from '../harness/demo-session';
import { waitFor } from '../harness/cdp';
import { channelRows, selectChannel, firstFrameRowText } from '../harness/panel-dom';
import { RELAY_PORT_NAME } from '../../lib/protocol/ports';

describe('relays connect only while a panel is open', () => {
  let s: DemoSession;
  beforeAll(async () => {
    s = await startDemoSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  let relayPorts: () => Promise<number>;
  let panel: PanelHandle['panel'];

  it('opens no Port per frame without a panel, connects when the panel opens, and loses no history', async () => {
    const { context } = s.browser;
    const [worker] = context.serviceWorkers();
    await worker.evaluate((name) => {
      const g = globalThis as { __relayPorts?: number };
      g.__relayPorts = 0;
      chrome.runtime.onConnect.addListener((port) => {
        if (port.name === name) g.__relayPorts!++;
      });
    }, RELAY_PORT_NAME);
    relayPorts = () => worker.evaluate(() => (globalThis as { __relayPorts?: number }).__relayPorts ?? -1);

    // A fresh document (and its relay) with DevTools open but the PushLens panel never shown.
    await s.page.goto(s.page.url());
    await waitFor(
      () => s.page.evaluate(() => (window as unknown as { demo: { counts(): Record<string, number> } }).demo.counts().chat >= 2),
      'the chat to receive 2 messages',
      20_000,
    );
    expect(await relayPorts()).toBe(0);

    const h = await s.openPanel();
    panel = h.panel;
    await waitFor(async () => ((await relayPorts()) > 0 ? true : undefined), 'the relay to connect once the panel is open');
    const rows = await waitFor(async () => {
      const r = await channelRows(h.panel);
      return r.some((x) => x.url.endsWith('/ws/chat')) ? r : undefined;
    }, 'the chat channel');
    const chat = rows.find((x) => x.url.endsWith('/ws/chat'))!;
    // The first message, from before the panel opened, is there (the agent kept it in its ring).
    await selectChannel(h.panel, chat.channel);
    const first = await waitFor(async () => (await firstFrameRowText(h.panel)) || undefined, 'the first chat frame');
    expect(first).toContain('"type":"welcome"');
  });

  it('with the panel open, connects a subframe once it captures something, and never an idle one', async () => {
    const before = await relayPorts();
    // An idle subframe, then one that opens a WebSocket (both srcdoc: about:srcdoc documents get
    // the agent and the relay through match_about_blank).
    await s.page.evaluate(() => {
      const idle = document.createElement('iframe');
      idle.srcdoc = '<p>idle</p>';
      document.body.append(idle);
    });
    await new Promise((r) => setTimeout(r, 500));
    await s.page.evaluate(() => {
      const busy = document.createElement('iframe');
      busy.srcdoc = `<script>new WebSocket('ws://${location.host}/ws/chat?frame=sub')</script>`;
      document.body.append(busy);
    });
    await waitFor(async () => ((await relayPorts()) > before ? true : undefined), 'the busy subframe to connect');
    await waitFor(async () => ((await channelRows(panel)).some((x) => x.url.includes('frame=sub')) ? true : undefined), 'its channel');
    // The idle frame, added first, never connected: exactly one more Port.
    await new Promise((r) => setTimeout(r, 500));
    expect(await relayPorts()).toBe(before + 1);
  });
});
