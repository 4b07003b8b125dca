// Context: node (test). PushLens actions on the demo, in the real DevTools panel, checked from the
// page's and the server's side: inject a chat message, resend a frame, simulate a network drop,
// hold and release incoming frames.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { textContent } from '../harness/page-dom';
import { startDemoSession, type DemoSession } from '../harness/demo-session';
import type { PanelHandle } from '../harness/devtools-panel';
import { waitFor } from '../harness/cdp';
import { actionResult, channelRows, click, fill, frameCount, selectChannel, setFilter } from '../harness/panel-dom';

type Demo = { counts(): Record<string, number>; sendChat(text: string): Promise<boolean> };
const chatCount = (s: DemoSession) => s.page.evaluate(() => (window as unknown as { demo: Demo }).demo.counts().chat);

describe('actions on the page’s own connections', () => {
  let s: DemoSession;
  let h: PanelHandle;
  let chatChannel: number;
  beforeAll(async () => {
    s = await startDemoSession({ timing: { chatBotMs: 700 } });
    h = await s.openPanel();
    const chat = await waitFor(async () => (await channelRows(h.panel)).find((r) => r.url.endsWith('/ws/chat')), 'the chat channel');
    chatChannel = chat.channel;
    await selectChannel(h.panel, chatChannel);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('injects a message that the demo chat shows as if the server sent it', async () => {
    await click(h.panel, 'open-composer');
    await fill(h.panel, 'composer-mode', 'inject');
    await fill(h.panel, 'composer-text', JSON.stringify({ type: 'chat', from: 'pushlens', text: 'injected by PushLens 42', ts: Date.now() }));
    await click(h.panel, 'composer-submit');
    await waitFor(
      async () => (await textContent(s.page, '[data-testid="chat-log"]'))?.includes('injected by PushLens 42'),
      'the injected message in the demo chat',
    );
    // The page shows the message before the command's answer has travelled back to the panel.
    const result = await waitFor(() => actionResult(h.panel), 'the inject result in the panel');
    expect(result.ok, result.text).toBe(true);
    // The panel marks it as injected, so real and synthetic traffic never mix unseen.
    await setFilter(h.panel, 'injected by PushLens 42');
    const tags = await waitFor(async () => {
      const t = await h.panel.evaluate<string[]>(`[...document.querySelectorAll('[data-testid="frame-row"] .tag')].map((e) => e.textContent)`);
      return t.length ? t : undefined;
    }, 'the injected row');
    expect(tags).toEqual(['injected']);
    await setFilter(h.panel, '');
  });

  it('resends a captured frame and the server receives it again', async () => {
    const probe = `resend-probe-${Date.now()}`;
    await s.page.evaluate((t) => (window as unknown as { demo: Demo }).demo.sendChat(t), probe);
    await setFilter(h.panel, `dir:out ${probe}`);
    await waitFor(
      async () => (await h.panel.evaluate<number>(`document.querySelectorAll('[data-testid="frame-row"]').length`)) === 1,
      'the sent frame in the table',
    );
    await h.panel.evaluate(`document.querySelector('[data-testid="frame-row"]').click()`);
    await click(h.panel, 'resend-frame');
    const log = await waitFor(async () => {
      const l = (await (await fetch(new URL('/api/log/chat', s.demo.url))).json()) as string[];
      return l.filter((m) => m.includes(probe)).length === 2 ? l : undefined;
    }, 'the server to log the frame twice');
    const copies = log.filter((m) => m.includes(probe));
    expect(copies[0]).toBe(copies[1]);
    await setFilter(h.panel, '');
  });

  it('simulates a network drop: the page sees 1006, reconnects, and the reconnect count rises', async () => {
    const before = (await channelRows(h.panel)).find((r) => r.channel === chatChannel)!.reconnects;
    const pageBefore = Number((await textContent(s.page, '[data-testid="reconnects-chat"]')) || 0);
    await click(h.panel, 'drop-connection');
    await waitFor(
      async () => Number((await textContent(s.page, '[data-testid="reconnects-chat"]')) || 0) === pageBefore + 1,
      'the demo to reconnect',
      15_000,
    );
    const row = await waitFor(
      async () => (await channelRows(h.panel)).find((r) => r.channel === chatChannel && r.reconnects === before + 1),
      'the panel reconnect count to rise',
    );
    expect(row.codes).toContain('1006');
  });

  it('holds incoming frames and releases them to the page in order', async () => {
    await waitFor(async () => (await frameCount(h.panel)).in === (await chatCount(s)), 'panel and page in step');
    await click(h.panel, 'hold-toggle');
    // The command travels panel → page: wait until the page agent confirmed the hold.
    await waitFor(
      async () => (await h.panel.evaluate<boolean>(`document.querySelector('[data-testid="hold-toggle"]').classList.contains('on')`)) || undefined,
      'the hold to be active',
    );
    const held0 = await chatCount(s);
    // The bot keeps talking: the panel sees the frames, the page does not.
    await waitFor(async () => (await frameCount(h.panel)).in >= held0 + 3, 'three frames to arrive while held', 15_000);
    expect(await chatCount(s)).toBe(held0);
    // Page and panel were in step, so the panel's incoming frames number held0.. are the held ones.
    await setFilter(h.panel, 'dir:in');
    // Positions are only meaningful once the table shows the filtered list.
    await waitFor(
      async () =>
        (await h.panel.evaluate<number>(`Number(document.querySelector('[data-testid="filtered-count"]').dataset.count)`)) ===
        (await frameCount(h.panel)).in,
      'the dir:in filter to apply',
    );
    const heldTexts = await waitFor(async () => {
      const t = await h.panel.evaluate<string[]>(
        `[${held0}, ${held0 + 1}, ${held0 + 2}].map((pos) => document.querySelector('[data-testid="frame-row"][data-pos="' + pos + '"] .c-preview')?.textContent).filter(Boolean).map((x) => JSON.parse(x).text)`,
      );
      return t.length === 3 ? t : undefined;
    }, 'the held rows in the table');
    await setFilter(h.panel, '');
    await click(h.panel, 'hold-toggle');
    await waitFor(async () => (await chatCount(s)) >= held0 + 3, 'the held frames to reach the page');
    const countNow = await chatCount(s);
    const pageTexts = await s.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="chat-log"] li')].map((li) => li.lastElementChild?.textContent ?? ''),
    );
    // The first messages the page got after the hold began are the held ones, in arrival order.
    const sinceHold = pageTexts.slice(pageTexts.length - (countNow - held0));
    expect(sinceHold.slice(0, 3)).toEqual(heldTexts);
  });
});
