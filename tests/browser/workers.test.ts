// Context: node (browser test). Dedicated workers the page starts (classic, module, blob:) are
// captured by a PushLens worker agent and shown in the real DevTools panel with a worker badge,
// while the page's workers see what they would see without PushLens (self.location, relative
// importScripts/import/fetch/WebSocket/EventSource/XHR, their first message). A strict-CSP page
// that refuses blob: workers still gets a working (uncaptured) worker.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startFixtureSession, waitForChannels, workerBadges, channelFrames, type FixtureSession } from './fixtures-frames/session';
import { waitFor } from '../harness/cdp';

type Report = { kind: string; data: unknown };
type Results = Record<string, { messages: Report[]; error?: string }>;

describe('dedicated workers (real DevTools panel)', () => {
  let s: FixtureSession;
  let results: Results;
  beforeAll(async () => {
    s = await startFixtureSession('/workers.html');
    results = await waitFor(
      async () => {
        const r = await s.page.evaluate(() => (window as unknown as { results: Results }).results);
        const done = (n: string, kinds: string[]) => kinds.every((k) => r[n]?.messages.some((m) => m.kind === k));
        return done('classic', ['env', 'first', 'ws', 'sse', 'fetch', 'xhr']) &&
          done('module', ['env', 'first', 'ws', 'sse', 'fetch']) &&
          done('blob', ['first', 'ws', 'fetch'])
          ? r
          : undefined;
      },
      'every worker to report',
      15_000,
    );
  });
  afterAll(async () => {
    await s?.close();
  });

  it('leaves the workers as they would be without PushLens', async () => {
    const base = s.server.url;
    const env = (n: string) => results[n].messages.find((m) => m.kind === 'env')!.data as Record<string, string>;
    expect(env('classic')).toEqual({
      href: `${base}/workers/classic.js`,
      str: `${base}/workers/classic.js`,
      pathname: '/workers/classic.js',
      helper: 'yes',
      name: 'classic-worker',
      url: `${base}/workers/x`,
    });
    expect(env('module')).toEqual({ href: `${base}/workers/module.mjs`, meta: `${base}/workers/module.mjs`, helper: 'module-helper' });
    // The page's first message is the first one the page's worker code receives (ours is invisible).
    for (const n of ['classic', 'module', 'blob']) {
      expect(results[n].messages.find((m) => m.kind === 'first')!.data, n).toBe('early-ping');
      expect(results[n].error, n).toBeUndefined();
    }
    expect(await s.page.evaluate(() => (window as unknown as { workerCtorLooksNative: boolean }).workerCtorLooksNative)).toBe(true);
  });

  it('shows each worker channel with a worker badge and its frames', async () => {
    await waitForChannels(s, [
      '/ws/worker-classic',
      '/sse/worker-classic',
      '/api/worker-classic',
      '/ws/worker-module',
      '/sse/worker-module',
      '/api/worker-module',
      '/ws/worker-blob',
      '/api/worker-blob',
    ]);
    const badges = await workerBadges(s);
    for (const [url, badge] of Object.entries(badges)) {
      if (url.includes('worker-')) expect(badge, url).toBe(true);
    }
    // classic: hello in, from-classic out, echo in.
    const ws = await channelFrames(s, '/ws/worker-classic', 3);
    expect(ws).toMatchObject({ count: 3, in: 2, out: 1 });
    const sse = await channelFrames(s, '/sse/worker-module', 3);
    expect(sse.count).toBe(3);
  });
});

describe('dedicated worker on a strict-CSP page', () => {
  let s: FixtureSession;
  beforeAll(async () => {
    s = await startFixtureSession('/csp/workers-csp.html');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('still runs the worker (uncaptured: the CSP refuses blob: workers)', async () => {
    const r = await waitFor(() => s.page.evaluate(() => (window as unknown as { cspWorker?: string }).cspWorker), 'the CSP worker to answer', 10_000);
    // 'early' was posted by the page before we knew the CSP refused our bootstrap: replayed.
    expect(r).toBe('hello worker-csp early');
    // The page's own socket on the same page is captured as usual.
    await waitForChannels(s, ['/ws/csp-page']);
  });
});
