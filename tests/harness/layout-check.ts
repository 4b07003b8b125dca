// Context: node (tests). A layout check evaluated in the panel page (both browsers): every visible
// control (button, input, select, textarea, tab, label) lies inside the viewport, is not cut off
// by a clipping ancestor, and does not intersect another control; every element whose text
// overflows its box (scrollWidth > clientWidth) shows an ellipsis and carries a title (its own or
// an ancestor's: the tooltip a user gets on hover). Text fields are left out of the text check:
// they scroll their value under the caret. Scrolling containers are honoured vertically
// only (a list scrolled down hides rows, which is fine); horizontally nothing may be cut off.
import type { PanelPage } from './types';

export interface LayoutProblem {
  kind: 'outside-viewport' | 'clipped' | 'overlap' | 'overflow-no-ellipsis' | 'overflow-no-title';
  what: string;
  other?: string;
  rect?: [number, number, number, number];
}

/** The check as an expression evaluated in the panel; returns `{ controls, texts, problems }`. */
const CHECK = `(() => {
  const CONTROLS = 'button, input:not([type=hidden]), select, textarea, [role=tab], label';
  const EPS = 0.5;
  const describe = (el) => {
    const id = el.dataset?.testid ? '[data-testid=' + el.dataset.testid + ']' : '';
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    const text = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 30);
    return el.tagName.toLowerCase() + id + cls + (text ? ' "' + text + '"' : '');
  };
  const shown = (el) => {
    if (el.closest('[hidden], details:not([open]) > :not(summary)')) return false;
    if (el.getClientRects().length === 0) return false;
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && Number(s.opacity) > 0;
  };
  const scrollsY = (s) => s.overflowY === 'auto' || s.overflowY === 'scroll';
  const clips = (s) => s.overflowX !== 'visible' || s.overflowY !== 'visible';
  // Where an element is cut: 'scrolled' (out of a vertical scroller's view: skip), 'clipped', or null.
  const cut = (el, r) => {
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (!clips(s)) continue;
      const c = a.getBoundingClientRect();
      const outY = r.top < c.top - EPS || r.bottom > c.bottom + EPS;
      const outX = r.left < c.left - EPS || r.right > c.right + EPS;
      if (outY && scrollsY(s)) return 'scrolled';
      if (outX || outY) return 'clipped:' + describe(a);
    }
    return null;
  };
  const problems = [];
  const boxes = [];
  for (const el of document.querySelectorAll(CONTROLS)) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    const c = cut(el, r);
    if (c === 'scrolled') continue;
    const rect = [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)];
    if (r.left < -EPS || r.top < -EPS || r.right > innerWidth + EPS || r.bottom > innerHeight + EPS)
      problems.push({ kind: 'outside-viewport', what: describe(el), rect });
    else if (c) problems.push({ kind: 'clipped', what: describe(el), other: c.slice(8), rect });
    boxes.push({ el, r, what: describe(el) });
  }
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      // A label and the control it names are one thing to the user.
      if ((a.el.control && a.el.control === b.el) || (b.el.control && b.el.control === a.el)) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > 1 && h > 1) problems.push({ kind: 'overlap', what: a.what, other: b.what });
    }
  let texts = 0;
  for (const el of document.querySelectorAll('.app *')) {
    if (el.clientWidth === 0 || el.scrollWidth <= el.clientWidth + 1 || !shown(el)) continue;
    const s = getComputedStyle(el);
    // A scroller is meant to scroll; the table inside it is checked on its own.
    if (s.overflowX === 'auto' || s.overflowX === 'scroll') continue;
    if (el.closest('svg') || el.tagName === 'CANVAS') continue;
    // A text field scrolls its own value under the caret; what it holds is not cut off.
    if (el.matches('input, textarea, select')) continue;
    const r = el.getBoundingClientRect();
    if (cut(el, r) === 'scrolled') continue;
    texts++;
    if (s.textOverflow !== 'ellipsis') problems.push({ kind: 'overflow-no-ellipsis', what: describe(el) });
    else if (!el.closest('[title]') || !el.closest('[title]').title) problems.push({ kind: 'overflow-no-title', what: describe(el) });
  }
  return { controls: boxes.length, texts, problems };
})()`;

export async function checkLayout(panel: PanelPage): Promise<{ controls: number; texts: number; problems: LayoutProblem[] }> {
  return panel.evaluate(CHECK);
}

/**
 * Positive control: a style that breaks the layout the way issue #16 saw it (toolbar controls
 * pushed onto each other, an ellipsis turned off). The check must report it.
 */
export const BROKEN_LAYOUT_CSS = `
  .toolbar > * { margin-right: -40px !important; }
  .app .url { text-overflow: clip !important; }
  .app .url, .channel-row .url { max-width: 30px !important; min-width: 0 !important; }
`;

export async function withStyle<T>(panel: PanelPage, css: string, fn: () => Promise<T>): Promise<T> {
  await panel.evaluate(
    `(() => { const s = document.createElement('style'); s.id = 'layout-check-broken'; s.textContent = ${JSON.stringify(css)}; document.head.append(s); })()`,
  );
  try {
    await panel.evaluate(`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))`);
    return await fn();
  } finally {
    await panel.evaluate(`document.getElementById('layout-check-broken')?.remove()`);
  }
}
