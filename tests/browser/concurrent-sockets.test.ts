// Context: node (browser test, real DevTools panel). Issue #14 item 4: two WebSockets of one
// channel open at the same time are not a reconnect. The panel says "2 open" and counts no
// reconnect; closing one from the panel (the user picks which) closes that one only.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startFixtureSession, type FixtureSession } from './fixtures-frames/session';
import { waitFor } from '../harness/cdp';
import { actionResult, click, fill, selectChannel } from '../harness/panel-dom';

type Dual = { closes: Record<string, number>; sockets: Record<string, WebSocket> };

describe('two simultaneous sockets in one channel', () => {
  let s: FixtureSession;
  beforeAll(async () => {
    s = await startFixtureSession('/dual.html');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows 2 open and no reconnect, and closes only the connection the user picked', async () => {
    const panel = s.panel.panel;
    const rowInfo = () =>
      panel.evaluate<{ channel: number; open: number; reconnects: number; count: number }[]>(
        `[...document.querySelectorAll('[data-testid="channel-row"]')].filter((r) => r.dataset.url.includes('/ws/dual')).map((r) => ({ channel: Number(r.dataset.channel), open: Number(r.dataset.open), reconnects: Number(r.querySelector('[data-testid="reconnect-count"]').dataset.count), count: Number(r.querySelector('[data-testid="open-count"]')?.dataset.count ?? 0) }))`,
      );
    const both = await waitFor(async () => {
      const r = await rowInfo();
      return r.length === 1 && r[0].open === 2 ? r[0] : undefined;
    }, 'one /ws/dual channel with 2 open connections');
    expect(both.count).toBe(2);
    expect(both.reconnects).toBe(0);

    await selectChannel(panel, both.channel);
    const options = await waitFor(async () => {
      const o = await panel.evaluate<{ value: string; text: string }[]>(
        `[...document.querySelectorAll('[data-testid="target-connection"] option')].map((o) => ({ value: o.value, text: o.textContent }))`,
      );
      return o.length === 2 ? o : undefined;
    }, 'the connection picker');
    const two = options.find((o) => o.text.includes('sid=two'));
    expect(two, JSON.stringify(options)).toBeDefined();
    await fill(panel, 'target-connection', two!.value);
    await fill(panel, 'close-code', '4001');
    await click(panel, 'close-connection');

    const closes = await waitFor(async () => {
      const c = await s.page.evaluate(() => {
        const d = (window as unknown as { dual: Dual }).dual;
        return { closes: { ...d.closes }, oneState: d.sockets.one.readyState };
      });
      return c.closes.two !== undefined ? c : undefined;
    }, 'the picked socket to close');
    expect(closes.closes.two).toBe(4001);
    expect(closes.closes.one).toBeUndefined();
    expect(closes.oneState).toBe(1);
    const result = await actionResult(panel);
    expect(result?.ok).toBe(true);
    expect(result?.text).toContain('connection #');

    const after = await waitFor(async () => {
      const r = await rowInfo();
      return r.length === 1 && r[0].open === 1 ? r[0] : undefined;
    }, 'the channel to show 1 open');
    expect(after.reconnects).toBe(0);
    // Still open (the other socket lives), not "reconnecting".
    expect(
      await panel.evaluate<string>(`document.querySelector('[data-testid="channel-row"][data-channel="${both.channel}"] .state').className`),
    ).toContain('state-open');
  });
});
