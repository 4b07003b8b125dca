// Context: node (tests). Reads and drives the panel's DOM by its data-testids, through the
// panel handle's `evaluate` (CDP in Chromium, a sandbox in the panel's realm in Firefox), so each
// helper works in both browsers.
import type { PanelPage } from './types';

export interface ChannelRowInfo {
  kind: string;
  url: string;
  channel: number;
  reconnects: number;
  codes: string[];
}

export async function channelRows(panel: PanelPage): Promise<ChannelRowInfo[]> {
  return panel.evaluate<ChannelRowInfo[]>(`[...document.querySelectorAll('[data-testid="channel-row"]')].map((r) => ({
    kind: r.dataset.kind, url: r.dataset.url, channel: Number(r.dataset.channel),
    reconnects: Number(r.querySelector('[data-testid="reconnect-count"]')?.dataset.count ?? -1),
    codes: [...r.querySelectorAll('[data-testid="status-explain"]')].map((e) => e.dataset.code),
  }))`);
}

export async function selectChannel(panel: PanelPage, channel: number): Promise<void> {
  await panel.evaluate(`document.querySelector('[data-testid="channel-row"][data-channel="${channel}"]').click()`);
}

export async function frameCount(panel: PanelPage): Promise<{ count: number; in: number; out: number; rows: number }> {
  return panel.evaluate(`(() => { const e = document.querySelector('[data-testid="frame-count"]');
    return e ? { count: Number(e.textContent), in: Number(e.dataset.in), out: Number(e.dataset.out), rows: Number(e.dataset.rows) } : { count: -1, in: -1, out: -1, rows: -1 }; })()`);
}

export async function setFilter(panel: PanelPage, text: string): Promise<void> {
  await panel.evaluate(`(() => {
    const input = document.querySelector('[data-testid="filter-input"]');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setter.call(input, ${JSON.stringify(text)});
    input.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
}

export async function frameRowTexts(panel: PanelPage): Promise<{ direction: string; text: string }[]> {
  return panel.evaluate(
    `[...document.querySelectorAll('[data-testid="frame-row"]')].map((r) => ({ direction: r.dataset.direction, text: r.textContent }))`,
  );
}

export async function click(panel: PanelPage, testid: string): Promise<void> {
  await panel.evaluate(
    `(() => { const el = document.querySelector('[data-testid="${testid}"]'); if (!el) throw new Error('no ${testid}'); el.click(); })()`,
  );
}

/** Sets a React-controlled input/textarea/select value the way typing would. */
export async function fill(panel: PanelPage, testid: string, value: string): Promise<void> {
  await panel.evaluate(`(() => {
    const el = document.querySelector('[data-testid="${testid}"]');
    if (!el) throw new Error('no ${testid}');
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, ${JSON.stringify(value)});
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  })()`);
}

export async function actionResult(panel: PanelPage): Promise<{ ok: boolean; text: string } | null> {
  return panel.evaluate(
    `(() => { const e = document.querySelector('[data-testid="action-result"]'); return e ? { ok: e.dataset.ok === 'true', text: e.textContent } : null; })()`,
  );
}

/**
 * Text of the table's first frame row. The table is virtualized and follows its tail, so in a
 * short DevTools pane (Firefox's docked toolbox) the first row is not rendered: scroll up first.
 */
export async function firstFrameRowText(panel: PanelPage): Promise<string | null> {
  return panel.evaluate(`new Promise((resolve) => {
    const table = document.querySelector('[data-testid="frame-table"]');
    if (!table) return resolve(null);
    table.scrollTop = 0;
    table.dispatchEvent(new Event('scroll'));
    const read = (tries) => {
      const row = document.querySelector('[data-testid="frame-row"][data-pos="0"]');
      if (row || tries === 0) return resolve(row ? row.textContent : null);
      requestAnimationFrame(() => read(tries - 1));
    };
    requestAnimationFrame(() => read(20));
  })`);
}
