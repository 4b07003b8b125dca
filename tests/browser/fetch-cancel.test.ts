// Context: node (test). With PushLens tapping a fetch stream (a tee), the page's reader.cancel()
// must still close the connection: the server sees it end early, as it does without PushLens.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startDemoServer } from '../../demo/server/index.mjs';
import { launch, type Launched } from '../harness/chromium';
import { waitFor } from '../harness/cdp';

describe('fetch stream cancelled by the page', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  const browsers: Launched[] = [];
  beforeAll(async () => {
    demo = await startDemoServer({ port: 0, host: '127.0.0.1', quiet: true, timing: { llmTokenMinMs: 150, llmTokenMaxMs: 200 } });
  });
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await demo?.close();
  });

  for (const extension of [true, false]) {
    it(`reader.cancel() closes the stream on the server (extension ${extension ? 'on' : 'off'})`, async () => {
      const b = await launch({ extension });
      browsers.push(b);
      const page = await b.context.newPage();
      await page.goto(`${demo.url}?autostart=0`);
      const before = { ...demo.stats };
      // The page's own stream: read two chunks, then cancel through the reader.
      const chunks = await page.evaluate(async () => {
        const res = await fetch('/api/chat/stream', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ prompt: 'cancel me' }),
        });
        const reader = res.body!.getReader();
        let n = 0;
        while (n < 2) {
          const { done } = await reader.read();
          if (done) break;
          n++;
        }
        await reader.cancel();
        return n;
      });
      expect(chunks).toBe(2);
      const cancelledAt = Date.now();
      await waitFor(async () => demo.stats.streamsClosedEarly > before.streamsClosedEarly, 'the server to see the stream closed early', 5000, 50);
      expect(Date.now() - cancelledAt).toBeLessThan(1000);
      expect(demo.stats.streamsFinished).toBe(before.streamsFinished);
    });
  }
});
