// Context: node (e2e test, real DevTools panel, Chromium: keys are sent with CDP's Input domain to
// the panel page). Keyboard only, as a user without a pointer: Tab to the channel list, arrows to
// the chat channel, compose and send a message, open it from the frame table with Enter, resend it,
// close the detail with Escape, then filter with "/" and clear with Escape. After every key press
// the focused element shows a visible focus ring.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startDemoSession, type DemoSession } from '../harness/demo-session';
import { waitFor } from '../harness/cdp';
import type { ChromiumPanelHandle } from '../harness/devtools-panel';
import { channelRows } from '../harness/panel-dom';

const KEYS: Record<string, { code: string; keyCode: number; text?: string }> = {
  Tab: { code: 'Tab', keyCode: 9 },
  Enter: { code: 'Enter', keyCode: 13, text: '\r' },
  Escape: { code: 'Escape', keyCode: 27 },
  ArrowDown: { code: 'ArrowDown', keyCode: 40 },
  ArrowUp: { code: 'ArrowUp', keyCode: 38 },
  '/': { code: 'Slash', keyCode: 191, text: '/' },
};

/** What has focus, and whether a user can see it (an outline or a box-shadow ring). */
const FOCUS = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { testid: null, visible: false, tag: 'body' };
  const s = getComputedStyle(el);
  const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow !== 'none' && s.boxShadow !== '');
  return { testid: el.dataset.testid ?? null, visible, tag: el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') };
})()`;

describe('keyboard only', () => {
  let s: DemoSession;
  let h: ChromiumPanelHandle;
  const unseenFocus: string[] = [];
  let presses = 0;

  async function press(key: string, modifiers = 0): Promise<{ testid: string | null; visible: boolean; tag: string }> {
    const k = KEYS[key];
    const base = { key, code: k.code, windowsVirtualKeyCode: k.keyCode, nativeVirtualKeyCode: k.keyCode, modifiers };
    await h.panel.send('Input.dispatchKeyEvent', {
      type: k.text && !modifiers ? 'keyDown' : 'rawKeyDown',
      ...base,
      ...(k.text && !modifiers ? { text: k.text } : {}),
    });
    await h.panel.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
    presses++;
    await h.panel.evaluate(`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))`);
    const focus = await h.panel.evaluate<{ testid: string | null; visible: boolean; tag: string }>(FOCUS);
    if (focus.tag !== 'body' && !focus.visible) unseenFocus.push(`${key} → ${focus.tag}[${focus.testid}]`);
    return focus;
  }

  async function type(text: string): Promise<void> {
    for (const ch of text) {
      await h.panel.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch });
      await h.panel.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch });
    }
  }

  /** Tab until the element with `testid` has focus (at most `max` presses). */
  async function tabTo(testid: string, max = 40): Promise<void> {
    for (let i = 0; i < max; i++) if ((await press('Tab')).testid === testid) return;
    throw new Error(`Tab never reached ${testid}`);
  }

  const panelEval = <T>(expr: string) => h.panel.evaluate<T>(expr);
  const selectedUrl = () => panelEval<string | null>(`document.querySelector('[data-testid="channel-row"].selected')?.dataset.url ?? null`);

  beforeAll(async () => {
    s = await startDemoSession({ flaky: false });
    h = (await s.openPanel({ undock: true })) as ChromiumPanelHandle;
    await waitFor(async () => (await channelRows(h.panel)).find((r) => r.url.endsWith('/ws/chat')), 'the chat channel', 30_000, 300);
    // The panel's frame gets the keyboard, as after a click on the PushLens tab.
    await h.panel.evaluate(`window.focus()`);
  }, 90_000);
  afterAll(async () => {
    await s?.close();
  });

  it('selects a channel, sends and opens a frame, resends it, filters and clears, with keys only', async () => {
    await tabTo('channel-list');
    for (let i = 0; i < 20 && !(await selectedUrl())?.endsWith('/ws/chat'); i++) await press('ArrowDown');
    expect(await selectedUrl()).toMatch(/\/ws\/chat$/);

    // Compose a message (the chat channel has only incoming frames) and send it with Ctrl+Enter.
    await tabTo('open-composer');
    await press('Enter');
    await tabTo('composer-text');
    await type('hello from the keyboard');
    await press('Enter', 2);
    await waitFor(
      () =>
        panelEval<boolean>(
          `[...document.querySelectorAll('[data-testid="frame-row"][data-direction="out"]')].some((r) => r.textContent.includes('hello from the keyboard'))`,
        ),
      'the sent frame in the table',
    );

    // Into the table: arrows move the selection, Enter opens the detail and focuses it.
    await tabTo('frame-table');
    const selectedText = () => panelEval<string>(`document.querySelector('[data-testid="frame-row"].selected')?.textContent ?? ''`);
    await press('ArrowDown');
    for (let i = 0; i < 60 && !(await selectedText()).includes('hello from the keyboard'); i++) await press('ArrowDown');
    expect(await selectedText()).toContain('hello from the keyboard');
    expect((await press('Enter')).testid).toBe('frame-detail');

    // Resend from the detail.
    await tabTo('resend-frame', 10);
    await press('Enter');
    await waitFor(() => panelEval<boolean>(`document.querySelector('[data-testid="action-result"]')?.dataset.ok === 'true'`), 'the resend result');
    await waitFor(
      () =>
        panelEval<boolean>(
          `[...document.querySelectorAll('[data-testid="frame-row"][data-direction="out"]')].filter((r) => r.textContent.includes('hello from the keyboard')).length === 2`,
        ),
      'the resent frame in the table',
    );

    // Escape (focus still on the Resend button, inside the detail) closes the detail and gives the table the focus back.
    expect((await press('Escape')).testid).toBe('frame-table');
    expect(await panelEval<boolean>(`!document.querySelector('[data-testid="frame-detail"]')`)).toBe(true);

    // "/" focuses the filter; typing filters; Escape clears it.
    const count = () => panelEval<number>(`Number(document.querySelector('[data-testid="filtered-count"]').dataset.count)`);
    const all = await count();
    expect((await press('/')).testid).toBe('filter-input');
    await type('keyboard');
    // The sent and the resent frame (and any echo the chat server sends back), nothing else.
    await waitFor(async () => (await count()) >= 2 && (await count()) < all, 'only the frames matching "keyboard"');
    expect(
      await panelEval<boolean>(`[...document.querySelectorAll('[data-testid="frame-row"]')].every((r) => r.textContent.includes('keyboard'))`),
    ).toBe(true);
    // Escape clears the filter and leaves the focus where it was (DevTools did not take the key).
    expect((await press('Escape')).testid).toBe('filter-input');
    expect(await panelEval<string>(`document.querySelector('[data-testid="filter-input"]').value`)).toBe('');
    await waitFor(async () => (await count()) >= all, 'every frame back after clearing the filter');

    console.log(`[keyboard] ${presses} key presses; focus was visible after each`);
    expect(unseenFocus).toEqual([]);

    // Positive control: with focus rings styled away, the same check notices.
    await panelEval(
      `document.head.append(Object.assign(document.createElement('style'), { id: 'no-rings', textContent: '*:focus, *:focus-visible { outline: none !important; box-shadow: none !important; }' }))`,
    );
    await press('Tab');
    await panelEval(`document.getElementById('no-rings').remove()`);
    expect(unseenFocus.length).toBe(1);
  });
});
