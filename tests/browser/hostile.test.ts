// Context: node (browser test). Hostile and bad input, seen in the real DevTools panel: forged
// handshake events, ports and envelopes from the page and from a cross-origin iframe have no
// effect; 16 MB text/binary frames, invalid UTF-8, 10,000 sockets, a 50,000-frame burst and
// throwing page handlers crash nothing and lose nothing.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startFixtureSession, waitForChannels, channelFrames, type FixtureSession } from './fixtures-frames/session';
import { channelRows } from '../harness/panel-dom';
import { waitFor } from '../harness/cdp';

type Hostile = {
  grabbed: number;
  portMessages: number;
  wsMessages: string[];
  errors: number;
  forge(): boolean;
  bigFrames(): Promise<number[]>;
  manySockets(n: number): Promise<{ n: number; ms: number }>;
  burst(): Promise<{ n: number; ms: number }>;
};

describe('hostile pages and bad input (real DevTools panel)', () => {
  let s: FixtureSession;
  beforeAll(async () => {
    s = await startFixtureSession((server) => `/hostile.html?other=${encodeURIComponent(server.otherUrl)}`);
    await waitForChannels(s, ['/ws/hostile-top', '/ws/hostile-child']);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('forged handshakes, ports, envelopes and commands change nothing (page and cross-origin iframe)', async () => {
    const child = s.page.frames().find((f) => f.url().includes('child=1'))!;
    expect(child, 'the cross-origin iframe').toBeTruthy();
    for (const frame of [s.page.mainFrame(), child]) {
      expect(await frame.evaluate(() => (window as unknown as { hostile: Hostile }).hostile.forge())).toBe(true);
    }
    await new Promise((r) => setTimeout(r, 1500));
    for (const frame of [s.page.mainFrame(), child]) {
      const h = await frame.evaluate(() => {
        const x = (window as unknown as { hostile: Hostile }).hostile;
        return { grabbed: x.grabbed, portMessages: x.portMessages, wsMessages: x.wsMessages };
      });
      expect(h.grabbed, 'ports grabbed from the handshake').toBe(0);
      expect(h.portMessages, 'messages on the page-made port').toBe(0);
      expect(
        h.wsMessages.filter((m) => m.includes('INJECTED')),
        'injected frames',
      ).toEqual([]);
    }
    const rows = await channelRows(s.panel.panel);
    expect(
      rows.filter((r) => r.url.includes('forged')),
      'forged channels',
    ).toEqual([]);
    // The real sockets are still captured as usual.
    expect(rows.some((r) => r.url.endsWith('/ws/hostile-top'))).toBe(true);
    expect(s.server.received.get('hostile-top') ?? []).not.toContain('INJECTED');
  });

  it('keeps capturing when the page handler throws', async () => {
    const errors = await s.page.evaluate(() => (window as unknown as { hostile: Hostile }).hostile.errors);
    expect(errors).toBeGreaterThan(0);
    // One frame from the server; the page's own dispatched 'FORGED-EVENT' is not a frame.
    expect(await s.page.evaluate(() => (window as unknown as { hostile: Hostile }).hostile.wsMessages)).toContain('FORGED-EVENT');
    const c = await channelFrames(s, '/ws/hostile-top', 1);
    expect(c.count).toBe(1);
  });

  it('takes 16 MB text and binary frames and invalid UTF-8', async () => {
    const got = await s.page.evaluate(() => (window as unknown as { hostile: Hostile }).hostile.bigFrames());
    expect(got).toEqual([16 * 1024 * 1024, 16 * 1024 * 1024, 9, 4]);
    await waitForChannels(s, ['/ws/big']);
    const c = await channelFrames(s, '/ws/big', 5);
    expect(c).toMatchObject({ count: 5, in: 4, out: 1 });
  });

  it('survives 10,000 sockets opened and closed in a loop', async () => {
    const r = await s.page.evaluate(() => (window as unknown as { hostile: Hostile }).hostile.manySockets(10_000));
    expect(r.n).toBe(10_000);
    console.log(`10,000 sockets: ${Math.round(r.ms)} ms in the page`);
    await waitForChannels(s, ['/ws/many']);
    // The page is still responsive and the panel still answers.
    expect(await s.page.evaluate(() => 1 + 1)).toBe(2);
  });

  it('delivers a 50,000-frame burst to the panel without loss', async () => {
    const r = await s.page.evaluate(() => (window as unknown as { hostile: Hostile }).hostile.burst());
    expect(r.n).toBe(50_001);
    console.log(`50,000-frame burst: ${Math.round(r.ms)} ms in the page`);
    await waitForChannels(s, ['/ws/burst']);
    const c = await channelFrames(s, '/ws/burst', 50_002, 30_000);
    expect(c).toMatchObject({ count: 50_002, in: 50_001, out: 1 });
  });
});
