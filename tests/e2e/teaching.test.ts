// Context: node (test). The panel teaches with the user's own traffic: polling recognised by kind,
// the advisor quoting the short poll's measured share of unchanged responses, status codes
// explained on hover, the Learn view linked to the session, and the whole panel in zh-CN.
import { afterEach, describe, expect, it } from '../harness/test';
import { textContent } from '../harness/page-dom';
import { startDemoSession, type DemoSession } from '../harness/demo-session';
import { waitFor } from '../harness/cdp';
import { channelRows, click, selectChannel } from '../harness/panel-dom';

type Demo = { stopAll(): Promise<void> };

describe('teaching the push techniques', () => {
  let s: DemoSession | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });

  it('names short and long polling and quotes the short poll’s unchanged share', async () => {
    s = await startDemoSession({ timing: { likesChangeEvery: 4 } });
    const h = await s.openPanel();
    const rows = await waitFor(
      async () => {
        const r = await channelRows(h.panel);
        return r.some((x) => x.kind === 'short-poll' && x.url.includes('/api/likes')) &&
          r.some((x) => x.kind === 'long-poll' && x.url.includes('/api/notifications/wait'))
          ? r
          : undefined;
      },
      'short-poll and long-poll channels',
      40_000,
      500,
    );
    // Enough polls for a stable share, then stop so the page's numbers are final.
    await waitFor(async () => Number(await textContent(s!.page, '[data-testid="count-short-poll"]')) >= 8, '8 short polls', 30_000);
    await s.page.evaluate(() => (window as unknown as { demo: Demo }).demo.stopAll());
    const same = Number(await textContent(s.page, '[data-testid="sp-same"]'));
    const changed = Number(await textContent(s.page, '[data-testid="sp-changed"]'));
    const expected = Math.round((100 * same) / (same + changed));
    expect(same).toBeGreaterThan(0);

    const poll = rows.find((x) => x.kind === 'short-poll')!;
    await selectChannel(h.panel, poll.channel);
    await click(h.panel, 'tab-insights');
    const numbers = await waitFor(
      async () => {
        const raw = await h.panel.evaluate<string | null>(
          `document.querySelector('[data-testid="finding"][data-finding="short-poll-unchanged"]')?.dataset.numbers ?? null`,
        );
        const n = raw ? (JSON.parse(raw) as { unchangedPercent: number }) : undefined;
        return n && n.unchangedPercent === expected ? n : undefined;
      },
      `the short-poll finding quoting ${expected}% unchanged`,
      10_000,
    ).catch(async () =>
      JSON.parse(
        (await h.panel.evaluate<string | null>(
          `document.querySelector('[data-testid="finding"][data-finding="short-poll-unchanged"]')?.dataset.numbers ?? 'null'`,
        )) ?? 'null',
      ),
    );
    expect(numbers?.unchangedPercent).toBe(expected);
    const text = await h.panel.evaluate<string>(`document.querySelector('[data-testid="finding"][data-finding="short-poll-unchanged"]').textContent`);
    expect(text).toContain(`${expected}%`);
    expect(await h.panel.evaluate<string>(`document.querySelector('[data-testid="technique-card"]').dataset.technique`)).toBe('short-poll');

    await click(h.panel, 'tab-messages');

    // Hovering the 200 on the poll's row explains it.
    const explain = await h.panel.evaluate<string>(`(() => {
      const chip = document.querySelector('[data-testid="channel-row"][data-channel="${poll.channel}"] [data-testid="status-explain"]');
      chip.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      return new Promise((r) => setTimeout(() => r(document.querySelector('[data-testid="status-explain-text"]')?.textContent ?? ''), 100));
    })()`);
    expect(explain).toMatch(/^200 OK/);

    // The Learn view links the 200 entry to the channels where it appeared.
    await click(h.panel, 'tab-learn');
    const seen = await h.panel.evaluate<string>(
      `document.querySelector('[data-testid="http-status-entry"][data-code="200"] [data-testid="seen-in"]')?.textContent ?? ''`,
    );
    expect(seen).toMatch(/seen on \d+ channel/);
    expect(await h.panel.evaluate<number>(`document.querySelectorAll('[data-testid="http-status-entry"]').length`)).toBeGreaterThanOrEqual(60);
  });

  it('renders in Simplified Chinese when the browser language is zh-CN', async () => {
    s = await startDemoSession({ lang: 'zh-CN' });
    const h = await s.openPanel();
    await waitFor(async () => (await channelRows(h.panel)).length > 0, 'a channel');
    const toolbar = await h.panel.evaluate<string>(`document.querySelector('.toolbar').textContent`);
    expect(toolbar).toContain('暂停');
    expect(toolbar).toContain('知识');
    expect(await h.panel.evaluate<string>(`document.documentElement.lang || document.querySelector('[data-testid="language"]').value`)).toBe('zh-CN');
    await click(h.panel, 'tab-learn');
    const learn = await h.panel.evaluate<string>(`document.querySelector('[data-testid="learn-view"]').textContent`);
    expect(learn).toContain('短轮询');
    expect(learn).toContain('长轮询');
  });
});
