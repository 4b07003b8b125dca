// Context: node (test). End to end in the real DevTools: the demo's six scenarios each appear as
// a channel of the right kind, and each channel's frame count equals what the page received.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startDemoSession, type DemoSession } from '../harness/demo-session';
import type { PanelHandle } from '../harness/devtools-panel';
import { waitFor } from '../harness/cdp';
import { channelRows, selectChannel, frameCount, type ChannelRowInfo } from '../harness/panel-dom';

/** Which demo counter belongs to which channel (kind + URL fragment). */
const SCENARIOS = [
  { scenario: 'short-poll', kind: 'short-poll', path: '/api/likes' },
  { scenario: 'long-poll', kind: 'long-poll', path: '/api/notifications/wait' },
  { scenario: 'chat', kind: 'ws', path: '/ws/chat' },
  { scenario: 'danmaku', kind: 'ws', path: '/ws/danmaku' },
  { scenario: 'sse', kind: 'sse', path: '/sse/prices' },
  { scenario: 'llm', kind: 'fetch-stream', path: '/api/chat/stream' },
] as const;

describe('PushLens panel on the demo (real DevTools)', () => {
  let s: DemoSession;
  let h: PanelHandle;

  beforeAll(async () => {
    s = await startDemoSession();
    h = await s.openPanel();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows one channel of each kind with exactly the frames the page received', async () => {
    // Let every scenario run long enough for polling to be recognised (3+ requests each).
    const rows = await waitFor(
      async () => {
        const r = await channelRows(h.panel);
        return SCENARIOS.every((sc) => r.some((row) => row.kind === sc.kind && row.url.includes(sc.path))) ? r : undefined;
      },
      'a channel row of every kind',
      40_000,
      500,
    );
    await s.page.evaluate(() => (window as unknown as { demo: { stopAll(): Promise<void> } }).demo.stopAll());
    const pageCounts = await s.page.evaluate(() => (window as unknown as { demo: { counts(): Record<string, number> } }).demo.counts());
    for (const sc of SCENARIOS) {
      const row = rows.find((r: ChannelRowInfo) => r.kind === sc.kind && r.url.includes(sc.path))!;
      expect(pageCounts[sc.scenario], `${sc.scenario} received something`).toBeGreaterThan(0);
      await selectChannel(h.panel, row.channel);
      // Records travel in batches: wait until the panel has caught up, then compare exactly.
      const got = await waitFor(
        async () => {
          const c = await frameCount(h.panel);
          return c.count === pageCounts[sc.scenario] ? c : undefined;
        },
        `${sc.scenario}: panel frame count ${pageCounts[sc.scenario]}`,
        10_000,
      ).catch(async () => frameCount(h.panel));
      expect(got.count, `${sc.scenario} frame count`).toBe(pageCounts[sc.scenario]);
    }
  });
});
