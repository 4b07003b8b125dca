// Context: node (test). The panel's React wiring, in the built extension's standalone viewer page
// (same App, same Session wiring as the DevTools panel, no DevTools needed): ingest renders each
// subscribed view once per animation frame whatever the rate; typing in the filter or the composer
// re-renders neither the timeline nor the channel list; the timeline's canvas redraws only when
// its inputs change; a pane that throws shows its error boundary while the others keep working.
// Renders are read from the panel's render counters (globalThis.__pushlens.renders).
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import type { Page } from 'playwright-core';
import { launch, type Launched } from '../harness/chromium';

type Counts = Record<string, number>;

/** What the tests install in the page (the viewer's own handle plus a few helpers). */
interface TestGlobal {
  __pushlens: {
    session: {
      ingest(frameId: number, documentId: string, agentId: string, records: unknown[]): unknown;
      notifications: number;
      frames: { count: number };
      sseIds: Map<number, string> & { get?: unknown };
    };
    renders: Counts;
  };
  __ui: {
    seq: number;
    create(): void;
    frames(n: number, text?: string): void;
    counts(): Counts;
    nextFrame(): Promise<void>;
    settle(): Promise<void>;
    click(selector: string): void;
    waitFor(selector: string): Promise<boolean>;
    type(selector: string, value: string): void;
    copied: string[];
  };
}

const PAYLOAD = 'secret-payload-7f3a';

describe('panel rendering', () => {
  let b: Launched;
  let page: Page;

  const counts = () => page.evaluate(() => (globalThis as unknown as TestGlobal).__ui.counts());
  const delta = (after: Counts, before: Counts, key: string) => (after[key] ?? 0) - (before[key] ?? 0);

  beforeAll(async () => {
    b = await launch({ extension: true });
    page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/viewer.html`);
    await page.waitForFunction(() => {
      const g = globalThis as unknown as Partial<TestGlobal>;
      return !!g.__pushlens?.renders && !!document.querySelector('[data-testid="timeline"]');
    });
    await page.evaluate((payload) => {
      const g = globalThis as unknown as TestGlobal;
      const s = g.__pushlens.session;
      const ui: TestGlobal['__ui'] = {
        seq: 0,
        copied: [],
        create() {
          s.ingest(0, 'doc', 'agent-ui', [{ type: 'ws-create', seq: ++ui.seq, t: Date.now(), conn: 1, url: 'ws://127.0.0.1:9/feed', protocols: [] }]);
        },
        frames(n, text = payload) {
          const records = [];
          for (let k = 0; k < n; k++) {
            const data = `${text} ${ui.seq + 1}`;
            records.push({
              type: 'ws-frame',
              seq: ++ui.seq,
              t: Date.now(),
              conn: 1,
              dir: 'in',
              payload: { data, binary: false, size: data.length, truncated: false },
            });
          }
          s.ingest(0, 'doc', 'agent-ui', records);
        },
        counts() {
          return { ...g.__pushlens.renders, notifications: s.notifications, frames: s.frames.count };
        },
        nextFrame: () => new Promise<void>((r) => requestAnimationFrame(() => r())),
        async settle() {
          await ui.nextFrame();
          await ui.nextFrame();
          await new Promise((r) => setTimeout(r, 20));
        },
        async waitFor(selector) {
          // Lazy views (Insights, Learn) arrive in their own chunk.
          for (let k = 0; k < 300 && !document.querySelector(selector); k++) await new Promise((r) => setTimeout(r, 20));
          return !!document.querySelector(selector);
        },
        click(selector) {
          const el = document.querySelector<HTMLElement>(selector);
          if (!el) throw new Error(`no ${selector}`);
          el.click();
        },
        type(selector, value) {
          const el = document.querySelector(selector);
          if (!el) throw new Error(`no ${selector}`);
          const proto =
            el instanceof HTMLTextAreaElement
              ? HTMLTextAreaElement.prototype
              : el instanceof HTMLSelectElement
                ? HTMLSelectElement.prototype
                : HTMLInputElement.prototype;
          Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
          el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
        },
      };
      g.__ui = ui;
      // The clipboard of a test page is not the user's: keep what "Copy diagnostics" writes.
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void ui.copied.push(text) }, configurable: true });
      ui.create();
      ui.frames(10);
    }, PAYLOAD);
    await page.waitForFunction(() => !!document.querySelector('[data-testid="channel-row"]'));
    await page.evaluate(() => (globalThis as unknown as TestGlobal).__ui.click('[data-testid="channel-row"]'));
    await page.waitForFunction(() => !!document.querySelector('[data-testid="frame-table"]'));
  });

  afterAll(async () => {
    await b?.close();
  });

  it('renders each subscribed view exactly once for 2,000 batches ingested within one frame', async () => {
    const before = await counts();
    const after = await page.evaluate(async () => {
      const ui = (globalThis as unknown as TestGlobal).__ui;
      for (let k = 0; k < 2000; k++) ui.frames(1);
      await ui.settle();
      return ui.counts();
    });
    expect(delta(after, before, 'frames')).toBe(2000);
    expect(delta(after, before, 'notifications')).toBe(1);
    expect(delta(after, before, 'timeline'), 'timeline renders').toBe(1);
    expect(delta(after, before, 'channel-list'), 'channel list renders').toBe(1);
    expect(delta(after, before, 'channel-view'), 'channel view renders').toBe(1);
    expect(delta(after, before, 'timeline-draw'), 'canvas redraws').toBe(1);
  });

  it('renders at most once per animation frame, and once per notification, under a sustained flood', async () => {
    const before = await counts();
    const r = await page.evaluate(async () => {
      const ui = (globalThis as unknown as TestGlobal).__ui;
      let ticks = 0;
      let running = true;
      const tick = () => {
        if (!running) return;
        ticks++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      // Tasks back to back for 1.5 s, each applying 10 batches (as a burst of port messages does).
      let batches = 0;
      const end = performance.now() + 1500;
      await new Promise<void>((done) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          if (performance.now() >= end) return done();
          for (let k = 0; k < 10; k++) ui.frames(5);
          batches += 10;
          ch.port2.postMessage(0);
        };
        ch.port2.postMessage(0);
      });
      await ui.settle();
      running = false;
      return { ticks, batches, counts: ui.counts() };
    });
    const notifications = delta(r.counts, before, 'notifications');
    // Without the per-frame throttle there would be a notification per batch: more than frames.
    expect(r.batches, 'more batches than frames').toBeGreaterThan(r.ticks + 1);
    expect(notifications).toBeGreaterThan(0);
    expect(notifications, `${notifications} notifications in ${r.ticks} frames`).toBeLessThanOrEqual(r.ticks + 1);
    expect(delta(r.counts, before, 'timeline')).toBe(notifications);
    expect(delta(r.counts, before, 'channel-list')).toBe(notifications);
    expect(delta(r.counts, before, 'channel-view')).toBe(notifications);
  });

  it('re-renders neither the timeline nor the channel list while typing in the filter or the composer', async () => {
    const before = await counts();
    const afterFilter = await page.evaluate(async () => {
      const ui = (globalThis as unknown as TestGlobal).__ui;
      for (const text of ['s', 'se', 'sec', 'secr', 'secre', 'secret']) {
        ui.type('[data-testid="filter-input"]', text);
        await ui.nextFrame();
      }
      await ui.settle();
      return ui.counts();
    });
    expect(delta(afterFilter, before, 'filter'), 'the filter box itself re-renders').toBeGreaterThanOrEqual(6);
    expect(delta(afterFilter, before, 'channel-view'), 'the frames it filters re-render').toBeGreaterThanOrEqual(6);
    expect(delta(afterFilter, before, 'timeline')).toBe(0);
    expect(delta(afterFilter, before, 'channel-list')).toBe(0);
    expect(delta(afterFilter, before, 'timeline-draw')).toBe(0);

    const afterComposer = await page.evaluate(async () => {
      const ui = (globalThis as unknown as TestGlobal).__ui;
      ui.type('[data-testid="filter-input"]', '');
      ui.click('[data-testid="open-composer"]');
      await ui.settle();
      const start = ui.counts();
      for (const text of ['{', '{"a', '{"a":', '{"a":1', '{"a":1}']) {
        ui.type('[data-testid="composer-text"]', text);
        await ui.nextFrame();
      }
      await ui.settle();
      return { start, end: ui.counts() };
    });
    const { start, end } = afterComposer;
    expect(delta(end, start, 'composer'), 'the composer re-renders').toBeGreaterThanOrEqual(5);
    expect(delta(end, start, 'timeline')).toBe(0);
    expect(delta(end, start, 'channel-list')).toBe(0);
    expect(delta(end, start, 'channel-view')).toBe(0);
    expect(delta(end, start, 'filter')).toBe(0);
  });

  it('redraws the timeline canvas only when what it draws changes', async () => {
    const r = await page.evaluate(async () => {
      const ui = (globalThis as unknown as TestGlobal).__ui;
      const before = ui.counts();
      // The language changes the timeline's label, not its drawing.
      ui.type('[data-testid="language"]', 'zh-CN');
      await ui.settle();
      const relabelled = ui.counts();
      ui.type('[data-testid="language"]', 'en');
      await ui.settle();
      // Zooming changes the time range: one redraw.
      const canvas = document.querySelector('[data-testid="timeline"]')!;
      const box = canvas.getBoundingClientRect();
      canvas.dispatchEvent(new WheelEvent('wheel', { bubbles: true, deltaY: -100, clientX: box.left + box.width / 2, clientY: box.top + 5 }));
      await ui.settle();
      return { before, relabelled, zoomed: ui.counts() };
    });
    expect(delta(r.relabelled, r.before, 'timeline'), 'the timeline re-rendered').toBeGreaterThanOrEqual(1);
    expect(delta(r.relabelled, r.before, 'timeline-draw')).toBe(0);
    expect(delta(r.zoomed, r.relabelled, 'timeline-draw'), 'a zoom redraws').toBeGreaterThanOrEqual(1);
  });

  it('shows a failing pane behind its error boundary while the other panes keep working, and retries', async () => {
    // Insights: the only pane that reads the SSE ids while rendering; make that read throw.
    const failed = await page.evaluate(async (payload) => {
      const g = globalThis as unknown as TestGlobal;
      const ui = g.__ui;
      ui.click('[data-testid="tab-insights"]');
      const hadInsights = await ui.waitFor('[data-testid="insights"]');
      g.__pushlens.session.sseIds.get = () => {
        throw new Error(`cannot read "${payload} 3"`);
      };
      ui.frames(1);
      await ui.settle();
      const boundary = document.querySelector<HTMLElement>('[data-testid="error-boundary"]');
      const before = document.querySelector('[data-testid="channel-row"] .counts')?.textContent;
      ui.frames(3);
      await ui.settle();
      const after = document.querySelector('[data-testid="channel-row"] .counts')?.textContent;
      ui.click('[data-testid="error-copy"]');
      await ui.settle();
      return {
        hadInsights,
        boundaries: [...document.querySelectorAll<HTMLElement>('[data-testid="error-boundary"]')].map((e) => e.dataset.pane),
        message: boundary?.querySelector('[data-testid="error-message"]')?.textContent ?? '',
        insights: !!document.querySelector('[data-testid="insights"]'),
        tabs: !!document.querySelector('[data-testid="tab-messages"]'),
        timeline: !!document.querySelector('[data-testid="timeline"]'),
        listBefore: before,
        listAfter: after,
        copied: ui.copied.at(-1) ?? '',
      };
    }, PAYLOAD);
    expect(failed.hadInsights).toBe(true);
    expect(failed.boundaries).toEqual(['insights']);
    expect(failed.message).toContain('cannot read');
    expect(failed.insights).toBe(false);
    expect(failed.tabs, 'the channel view around it still renders').toBe(true);
    expect(failed.timeline).toBe(true);
    expect(failed.listAfter, 'the channel list still follows the traffic').not.toBe(failed.listBefore);
    expect(failed.copied).toContain('pane: insights');
    expect(failed.copied).toContain('error: Error: cannot read');
    expect(failed.copied).toMatch(/stack:\n {2}at /);
    expect(failed.copied).toContain('component stack:');
    expect(failed.copied).toMatch(/pushlens: \d+\.\d+/);
    expect(failed.copied).not.toContain(PAYLOAD);

    const retried = await page.evaluate(async () => {
      const g = globalThis as unknown as TestGlobal;
      Reflect.deleteProperty(g.__pushlens.session.sseIds, 'get');
      g.__ui.click('[data-testid="error-retry"]');
      await g.__ui.settle();
      return {
        boundaries: document.querySelectorAll('[data-testid="error-boundary"]').length,
        insights: !!document.querySelector('[data-testid="insights"]'),
      };
    });
    expect(retried).toEqual({ boundaries: 0, insights: true });
  });

  it('catches a failure in the timeline drawing effect the same way', async () => {
    const r = await page.evaluate(async () => {
      const g = globalThis as unknown as TestGlobal;
      const ui = g.__ui;
      ui.click('[data-testid="tab-messages"]');
      await ui.settle();
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = () => {
        throw new Error('canvas lost');
      };
      ui.frames(1);
      await ui.settle();
      const panes = [...document.querySelectorAll<HTMLElement>('[data-testid="error-boundary"]')].map((e) => e.dataset.pane);
      const canvasGone = !document.querySelector('[data-testid="timeline"]');
      const rows = document.querySelectorAll('[data-testid="frame-row"]').length;
      HTMLCanvasElement.prototype.getContext = getContext;
      ui.click('[data-testid="error-boundary"][data-pane="timeline"] [data-testid="error-retry"]');
      await ui.settle();
      return { panes, canvasGone, rows, back: !!document.querySelector('[data-testid="timeline"]') };
    });
    expect(r.panes).toEqual(['timeline']);
    expect(r.canvasGone).toBe(true);
    expect(r.rows, 'the frame table still shows frames').toBeGreaterThan(0);
    expect(r.back).toBe(true);
  });
});
