// Context: node (test). The channel list in the built extension's standalone viewer page (same App
// as the DevTools panel): the empty state explains itself and leads to Learn; channel names read
// like Chrome's Name column (path end first, host after and dimmed, host left out while every
// channel shares it, full URL on hover); the list filters by text and by kind. The timeline above
// it (same channels) has a time axis, lane names, a legend, live follow and keyboard zoom, pan and
// lane selection. The splitter moves from the keyboard, stacks the panes in a narrow window, and
// both pane sizes are remembered after a reload.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import type { Page } from 'playwright-core';
import { launch, type Launched } from '../harness/chromium';

interface Row {
  name: string;
  host: string | null;
  hostColor: string | null;
  nameColor: string;
  title: string;
}

describe('channel list', () => {
  let b: Launched;
  let page: Page;
  let seq = 0;

  const ingestSocket = (conn: number, url: string) =>
    page.evaluate(
      ({ conn, url, seq }) => {
        const g = globalThis as unknown as { __pushlens: { session: { ingest(f: number, d: string, a: string, r: unknown[]): unknown } } };
        g.__pushlens.session.ingest(0, 'doc', 'agent-list', [{ type: 'ws-create', seq, t: Date.now(), conn, url, protocols: [] }]);
      },
      { conn, url, seq: ++seq },
    );
  const rows = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="channel-row"]')].map((r): Row => {
        const name = r.querySelector<HTMLElement>('[data-testid="channel-name"]')!;
        const host = name.querySelector<HTMLElement>('[data-testid="channel-host"]');
        return {
          name: name.firstChild?.textContent ?? '',
          host: host?.textContent?.trim() ?? null,
          hostColor: host ? getComputedStyle(host).color : null,
          nameColor: getComputedStyle(name).color,
          title: name.title,
        };
      }),
    );
  const setValue = (selector: string, value: string) =>
    page.evaluate(
      ({ selector, value }) => {
        const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
        const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
        Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
        el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
      },
      { selector, value },
    );

  beforeAll(async () => {
    b = await launch({ extension: true });
    page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/viewer.html`);
    await page.waitForFunction(() => !!(globalThis as { __pushlens?: unknown }).__pushlens && !!document.querySelector('.app'));
  });
  afterAll(async () => {
    await b?.close();
  });

  it('explains an empty list and leads to the Learn view (no reload button where no page is inspected)', async () => {
    const empty = page.locator('[data-testid="empty-channels"]');
    await expect(empty).toContainText('reload');
    // The viewer inspects no page: nothing to reload.
    expect(await page.locator('[data-testid="empty-reload"]').count()).toBe(0);
    await page.locator('[data-testid="empty-learn"]').click();
    await expect(page.locator('[data-testid="learn-view"]')).toBeVisible();
    await page.locator('[data-testid="tab-traffic"]').click();
    await expect(empty).toBeVisible();
  });

  it('names channels by the end of their path, host after it, left out while all channels share it', async () => {
    await ingestSocket(1, 'ws://127.0.0.1:4212/ws/chat');
    await ingestSocket(2, 'ws://127.0.0.1:4212/ws/feed?room=7');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="channel-row"]').length === 2);
    const shared = await rows();
    expect(shared.map((r) => [r.name, r.host])).toEqual([
      ['ws/chat', null],
      ['ws/feed?room=7', null],
    ]);
    expect(shared[0].title).toContain('ws://127.0.0.1:4212/ws/chat');

    await ingestSocket(3, 'ws://localhost:4213/ws/chat');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="channel-row"]').length === 3);
    const mixed = await rows();
    expect(mixed.map((r) => [r.name, r.host])).toEqual([
      ['ws/chat', '127.0.0.1:4212'],
      ['ws/feed?room=7', '127.0.0.1:4212'],
      ['ws/chat', 'localhost:4213'],
    ]);
    // Dimmed: the host is drawn in another (the muted) colour than the name.
    expect(mixed[0].hostColor).not.toBe(mixed[0].nameColor);
  });

  it('filters channels by text and by kind, and says when nothing matches', async () => {
    const shown = () => page.evaluate(() => document.querySelectorAll('[data-testid="channel-row"]').length);
    await setValue('[data-testid="channel-filter-text"]', 'FEED');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="channel-row"]').length === 1);
    expect((await rows())[0].name).toBe('ws/feed?room=7');
    await setValue('[data-testid="channel-filter-text"]', 'localhost chat');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="channel-row"]').length === 1);
    expect((await rows())[0].host).toBe('localhost:4213');

    await setValue('[data-testid="channel-filter-text"]', '');
    await setValue('[data-testid="channel-filter-kind"]', 'sse');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="channel-row"]').length === 0);
    await expect(page.locator('.channel-pane .empty')).toBeVisible();
    await setValue('[data-testid="channel-filter-kind"]', 'ws');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="channel-row"]').length === 3);
    expect(await shown()).toBe(3);
  });

  it('gives the timeline an axis, lane names, a legend, live follow and keyboard zoom, pan and lane selection', async () => {
    const ticks = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="axis-tick"]')].map((t) => ({ label: t.textContent, title: t.title })),
    );
    expect(ticks.length).toBeGreaterThan(0);
    for (const t of ticks) {
      expect(t.label).toMatch(/^[+−]\d/);
      expect(t.title).toMatch(/^\d\d:\d\d:\d\d/);
    }
    const lanes = await page.evaluate(() => [...document.querySelectorAll('[data-testid="lane-label"]')].map((l) => l.textContent));
    expect(lanes).toEqual(['ws/chat', 'ws/feed?room=7', 'ws/chat']);

    await page.locator('[data-testid="timeline-legend-toggle"]').click();
    // Ticks, bars, gaps, marks and slow handlers.
    await expect(page.locator('[data-testid="timeline-legend"] .legend-item')).toHaveCount(5);
    await page.locator('[data-testid="timeline-legend-toggle"]').click();

    const canvas = page.locator('[data-testid="timeline"]');
    const span = async () => {
      const [a, b] = (await canvas.getAttribute('data-range'))!.split('-').map(Number);
      return b - a;
    };
    await canvas.focus();
    const before = await span();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    expect(await span()).toBeLessThan(before * 0.7);
    expect(await canvas.getAttribute('data-live')).toBe('true');
    // Panning leaves live follow; L (or the Live button) turns it back on.
    await page.keyboard.press('ArrowLeft');
    expect(await canvas.getAttribute('data-live')).toBe('false');
    await page.keyboard.press('l');
    expect(await canvas.getAttribute('data-live')).toBe('true');
    await expect(page.locator('[data-testid="timeline-live"]')).toHaveAttribute('aria-pressed', 'true');
    // Up and down select the lanes' channels in the list.
    const selected = () => page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="channel-row"].selected')?.dataset.url ?? null);
    await page.keyboard.press('ArrowDown');
    expect(await selected()).toBe('ws://127.0.0.1:4212/ws/chat');
    await page.keyboard.press('ArrowDown');
    expect(await selected()).toBe('ws://127.0.0.1:4212/ws/feed?room=7');
    await page.keyboard.press('0');
    expect(await span()).toBeGreaterThanOrEqual(before);
  });

  it('moves the splitter from the keyboard, side by side and stacked, and remembers both sizes', async () => {
    const pane = () =>
      page.evaluate(() => {
        const r = document.querySelector('.channel-pane')!.getBoundingClientRect();
        return {
          width: Math.round(r.width),
          height: Math.round(r.height),
          layout: document.querySelector<HTMLElement>('[data-testid="main"]')!.dataset.layout,
        };
      });
    await page.setViewportSize({ width: 1280, height: 800 });
    const side = await pane();
    expect(side.layout).toBe('side');
    await page.locator('[data-testid="splitter"]').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect((await pane()).width).toBe(side.width + 30);

    await page.setViewportSize({ width: 500, height: 800 });
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="main"]')?.dataset.layout === 'stacked');
    const stacked = await pane();
    await page.locator('[data-testid="splitter"]').focus();
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
    expect((await pane()).height).toBe(stacked.height + 20);

    await page.reload();
    await page.waitForFunction(() => !!document.querySelector('[data-testid="main"]'));
    expect((await pane()).height).toBe(stacked.height + 20);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="main"]')?.dataset.layout === 'side');
    expect((await pane()).width).toBe(side.width + 30);
  });
});
