// Context: node (test). The panel is opened only after the page has been exchanging messages for
// a while: the agent's ring buffer must still deliver the first messages (no devtool that hooks
// only while DevTools is open can do this).
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startDemoSession, type DemoSession } from '../harness/demo-session';
import { waitFor } from '../harness/cdp';
import { channelRows, selectChannel, frameCount, firstFrameRowText } from '../harness/panel-dom';

describe('history from before the panel was opened', () => {
  let s: DemoSession;
  beforeAll(async () => {
    s = await startDemoSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the first chat and SSE messages and every message since', async () => {
    // Traffic flows for several seconds with no panel attached.
    await waitFor(
      () => s.page.evaluate(() => (window as unknown as { demo: { counts(): Record<string, number> } }).demo.counts().chat >= 3),
      'the chat to receive 3 messages',
      20_000,
    );
    await new Promise((r) => setTimeout(r, 3000));
    const h = await s.openPanel();
    const rows = await waitFor(async () => {
      const r = await channelRows(h.panel);
      return r.some((x) => x.url.endsWith('/ws/chat')) && r.some((x) => x.url.endsWith('/sse/prices')) ? r : undefined;
    }, 'chat and SSE channels');
    await s.page.evaluate(() => (window as unknown as { demo: { stopAll(): Promise<void> } }).demo.stopAll());
    const counts = await s.page.evaluate(() => (window as unknown as { demo: { counts(): Record<string, number> } }).demo.counts());

    const chat = rows.find((x) => x.url.endsWith('/ws/chat'))!;
    await selectChannel(h.panel, chat.channel);
    await waitFor(async () => (await frameCount(h.panel)).count === counts.chat, 'all chat frames').catch(() => {});
    expect((await frameCount(h.panel)).count).toBe(counts.chat);
    expect(await firstFrameRowText(h.panel)).toContain('"type":"welcome"');

    const sse = rows.find((x) => x.url.endsWith('/sse/prices'))!;
    await selectChannel(h.panel, sse.channel);
    await waitFor(async () => (await frameCount(h.panel)).count === counts.sse, 'all SSE events').catch(() => {});
    expect((await frameCount(h.panel)).count).toBe(counts.sse);
    expect(await firstFrameRowText(h.panel)).toContain('prices stream');
  });
});
