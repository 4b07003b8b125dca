// Context: node (test). End to end in the real DevTools: a demo conversation exported as HAR (the
// panel's path: Session → redacted HAR) is served by `pushlens-replay --static demo/public` (the
// real bin, a child process) with the demo page itself; the demo page, opened on the replay
// server, makes PushLens show the recorded server messages: the same chat messages in the same
// order and its recorded close code, the danmaku text and binary frames, the same SSE events and the
// long-poll answers in sequence. The export menu then exports the captured chat channel.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, type Launched } from '../harness/chromium';
import { openPushLensPanel, type PanelHandle } from '../harness/devtools-panel';
import { waitFor } from '../harness/cdp';
import { channelRows, click, fill, selectChannel, type ChannelRowInfo } from '../harness/panel-dom';
import { installBrowserGlobals, recordDemo, type Recording } from '../repro/record-demo';
import { base64ToBytes } from '../../lib/util/bytes';

const ROOT = resolve(import.meta.dirname, '../..');
type Demo = { startAll(): void; stopAll(): Promise<void>; sendChat(text: string): Promise<boolean> };

/** What the frame table's preview column shows for a recorded payload. */
const preview = (opcode: number, data: string): string =>
  opcode === 2
    ? Array.from(base64ToBytes(data).subarray(0, 64), (b) => b.toString(16).padStart(2, '0')).join(' ')
    : ((s) => (s.length > 300 ? `${s.slice(0, 300)}…` : s))(data.replace(/\s+/g, ' '));

describe('pushlens-replay serving the demo, seen in the real panel', () => {
  let rec: Recording;
  let restore: () => void;
  let replay: ChildProcess | undefined;
  let replayUrl = '';
  let browser: Launched | undefined;
  let page: Page;
  let h: PanelHandle | undefined;

  beforeAll(async () => {
    restore = installBrowserGlobals();
    rec = await recordDemo();
    const dir = resolve(ROOT, 'test-artifacts/repro');
    mkdirSync(dir, { recursive: true });
    const har = resolve(dir, 'replay-panel.har');
    writeFileSync(har, JSON.stringify(rec.har, null, 1));
    replay = spawn(process.execPath, [resolve(ROOT, 'bin/pushlens-replay.mjs'), har, '--static', resolve(ROOT, 'demo/public')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    replayUrl = await new Promise<string>((res, rej) => {
      let out = '';
      replay!.stdout!.on('data', (d) => {
        out += String(d);
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) res(m[1]);
      });
      replay!.on('close', (code) => rej(new Error(`pushlens-replay exited (${code}): ${out}`)));
    });
    browser = await launch({ devtools: true });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${replayUrl}?autostart=0`);
    h = await openPushLensPanel(browser.cdpPort, browser.extensionId!, replayUrl);
  });

  afterAll(async () => {
    h?.close();
    await browser?.close();
    replay?.kill('SIGTERM');
    restore?.();
  });

  it('shows the recorded messages, in order, with the recorded close code', async () => {
    await page.evaluate(() => (window as unknown as { demo: Demo }).demo.startAll());
    // The replay answers the page's k-th chat message with what the server said after the k-th one.
    expect(await page.evaluate(() => (window as unknown as { demo: Demo }).demo.sendChat('one'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { demo: Demo }).demo.sendChat('two'))).toBe(true);

    const byPath = (rows: ChannelRowInfo[], kind: string, path: string) => rows.find((r) => r.kind === kind && r.url.includes(path));
    // Flaky mode cut the recorded chat socket; which close code it got depends on timing (1011 mostly).
    const chatClose = String(rec.connections.find((c) => c.url.includes('/ws/chat'))!.close!.code);
    let last: ChannelRowInfo[] = [];
    const rows = await waitFor(
      async () => {
        const r = (last = await channelRows(h!.panel));
        const chat = byPath(r, 'ws', '/ws/chat');
        const poll = r.some((row) => row.url.includes('/api/notifications/wait'));
        return chat?.codes.includes(chatClose) && byPath(r, 'ws', '/ws/danmaku') && byPath(r, 'sse', '/sse/prices') && poll ? r : undefined;
      },
      `the chat (closed ${chatClose}), danmaku, prices and notifications channels`,
      30_000,
      500,
    ).catch(async (e: Error) => {
      const counts = await page.evaluate(() => (window as unknown as { demo: { counts(): unknown } }).demo.counts());
      throw new Error(`${e.message}; channels: ${JSON.stringify(last)}; the page counted ${JSON.stringify(counts)}`);
    });

    const conn = (path: string) => rec.connections.find((c) => c.url.includes(path))!;
    const expectations = [
      {
        kind: 'ws',
        path: '/ws/chat',
        want: conn('/ws/chat')
          .frames!.filter((f) => f.dir === 'in')
          .map((f) => preview(f.opcode, f.data)),
      },
      {
        kind: 'ws',
        path: '/ws/danmaku',
        want: conn('/ws/danmaku')
          .frames!.filter((f) => f.dir === 'in')
          .map((f) => preview(f.opcode, f.data)),
      },
      { kind: 'sse', path: '/sse/prices', want: conn('/sse/prices').events!.map((e) => preview(1, e.data)) },
      // The page keeps polling once the three recorded answers are used up (the last is repeated).
      {
        kind: 'poll',
        path: '/api/notifications/wait',
        want: rec.connections.filter((c) => c.http).map((c) => preview(1, c.http!.body ?? '')),
        prefix: true,
      },
    ];
    expect(
      expectations[1].want.some((p) => /^[0-9a-f]{2}( [0-9a-f]{2})*$/.test(p)),
      'a binary frame in the recording',
    ).toBe(true);
    for (const x of expectations) {
      // The poll's kind depends on how the panel classifies a replay answering at once: match by path.
      const row = x.kind === 'poll' ? rows.find((r) => r.url.includes(x.path)) : byPath(rows, x.kind, x.path);
      expect(row, `a channel for ${x.path}`).toBeDefined();
      await selectChannel(h!.panel, row!.channel);
      const got = await waitFor(
        async () => {
          // The table follows its tail; the page keeps polling, so look at the top, where the recording
          // starts, and read only once the top row is drawn (the scroll re-renders asynchronously).
          const seen = await h!.panel.evaluate<string[]>(`new Promise((resolve) => {
            const table = document.querySelector('[data-testid="frame-table"]');
            if (table) { table.scrollTop = 0; table.dispatchEvent(new Event('scroll')); }
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(
              !document.querySelector('[data-testid="frame-row"][data-pos="0"]') ? [] :
              [...document.querySelectorAll('[data-testid="frame-row"][data-direction="in"]')]
                .sort((a, b) => Number(a.dataset.pos) - Number(b.dataset.pos)).map((r) => r.querySelector('.c-preview').textContent))));
          })`);
          return seen.length >= x.want.length ? seen : undefined;
        },
        `${x.path}: ${x.want.length} received frames in the panel`,
        15_000,
      );
      expect(x.prefix ? got.slice(0, x.want.length) : got, x.path).toEqual(x.want);
    }
  });

  it('the export menu turns the captured chat channel into MSW handlers and a Playwright test', async () => {
    const rows = await channelRows(h!.panel);
    await selectChannel(h!.panel, rows.find((r) => r.kind === 'ws' && r.url.includes('/ws/chat'))!.channel);
    // The file goes to a download; keep the Blob the panel hands to it, to read what it wrote.
    await h!.panel.evaluate(`(() => {
      window.__exported = [];
      const create = URL.createObjectURL;
      URL.createObjectURL = (blob) => { window.__exported.push(blob); return create.call(URL, blob); };
    })()`);
    await click(h!.panel, 'export-menu');
    await fill(h!.panel, 'export-scope', 'channel');
    await click(h!.panel, 'export-msw');
    await click(h!.panel, 'export-playwright');
    const [msw, pw] = await h!.panel.evaluate<string[]>(`Promise.all(window.__exported.map((b) => b.text()))`);
    const message = await h!.panel.evaluate<string>(`document.querySelector('[data-testid="export-message"]')?.textContent ?? ''`);
    expect(message).toMatch(/Exported 1 endpoints as pushlens-replay\.spec\.ts/);
    const chatClose = String(rec.connections.find((c) => c.url.includes('/ws/chat'))!.close!.code);
    const chatIn = rec.connections.find((c) => c.url.includes('/ws/chat'))!.frames!.filter((f) => f.dir === 'in');
    for (const text of [msw, pw]) {
      expect(text).toContain('"kind": "ws"');
      expect(text).not.toContain('/sse/prices'); // one channel only
      // What the page received from the replay server is what the panel exports, in order.
      const at = chatIn.map((f) => text.indexOf(JSON.stringify(f.data)));
      expect(at.every((i) => i > 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(text).toContain(`"code": ${chatClose}`);
    }
    expect(msw).toContain("from 'msw'");
    expect(pw).toContain("from '@playwright/test'");
  });
});
