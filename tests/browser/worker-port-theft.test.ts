// Context: node (browser test, real DevTools panel). Issue #13 item 4: a hostile dedicated worker
// script replaces, before PushLens's first message reaches it, everything a worker agent could
// use to take its private MessagePort (port onmessage setter, addEventListener/start/postMessage,
// MessageEvent data/ports getters, stopImmediatePropagation), listens in the capture phase and
// dispatches a fake first message (and a quiet variant does not, to test the natives alone). It must get no port, so the records it forges on any port it
// gets (a wss://bank.test/admin socket "sent by PushLens") never reach the panel, while its real
// socket is still captured.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startFixtureSession, waitForChannels, channelFrames, type FixtureSession } from './fixtures-frames/session';
import { channelRows } from '../harness/panel-dom';
import { waitFor } from '../harness/cdp';

interface ThiefReport {
  kind: 'done';
  quiet: boolean;
  got: string[];
  echo: string;
}

describe('a hostile worker script and the worker agent port', () => {
  let s: FixtureSession;
  let reports: ThiefReport[];
  beforeAll(async () => {
    s = await startFixtureSession('/workers-thief.html');
    reports = await waitFor(
      async () => {
        const r = await s.page.evaluate(() => (window as unknown as { thief: { reports: ThiefReport[] } }).thief.reports);
        return r.filter((x) => x.kind === 'done').length === 2 ? r : undefined;
      },
      'both thief workers to report',
      15_000,
    );
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the worker script lays hands on no MessagePort', async () => {
    expect(await s.page.evaluate(() => (window as unknown as { thief: { error?: string } }).thief.error)).toBeUndefined();
    for (const r of reports) {
      // Its socket worked: the worker ran to the end.
      expect(r.echo, `quiet: ${r.quiet}`).toBe('from-thief');
      expect(r.got, `quiet: ${r.quiet}`).toEqual([]);
    }
  });

  it('the panel shows the worker socket and no forged channel', async () => {
    await waitForChannels(s, ['/ws/worker-thief', '/ws/worker-thief-quiet']);
    for (const suffix of ['/ws/worker-thief', '/ws/worker-thief-quiet']) {
      expect(await channelFrames(s, suffix, 3), suffix).toMatchObject({ count: 3, in: 2, out: 1 });
    }
    const urls = (await channelRows(s.panel.panel)).map((r) => r.url);
    expect(urls.filter((u) => u.includes('bank.test'))).toEqual([]);
  });
});
