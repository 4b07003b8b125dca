// Context: node (bench tool), `npx jiti bench/profile-pipeline.ts [n]`. CPU-profiles the page, the
// background service worker and the panel at once while n SSE events (fetch stream) flow to the
// real DevTools panel, and prints each one's hottest functions: where a frame's time goes.
import { resolve } from 'node:path';
import { startBenchServer } from './servers';
import { openBenchBrowser, pageFlood, settlePanel } from './browsers';
import { CdpSession, listTargets } from '../tests/harness/cdp';
import { topSelf } from './profile-page';

const n = Number(process.argv[2] ?? 100_000);
const ext = resolve(import.meta.dirname, '../.output-bench/chrome-mv3');
const server = await startBenchServer();
const b = await openBenchBrowser('pushlens', server.url, { extensionDir: ext, devtools: true, panel: true });
try {
  await pageFlood(b, 'stream', 5000, 100, 'warm');
  const sw = (await listTargets(b.launched.cdpPort)).find((t) => t.type === 'service_worker');
  const swSession = sw ? await CdpSession.connect(sw.webSocketDebuggerUrl) : undefined;
  const targets: [string, CdpSession][] = [
    ['page', b.page],
    ['panel', b.panel!],
  ];
  if (swSession) targets.push(['background', swSession]);
  for (const [, s] of targets) {
    await s.send('Profiler.enable');
    await s.send('Profiler.setSamplingInterval', { interval: 200 });
    await s.send('Profiler.start');
  }
  const t0 = Date.now();
  const r = await pageFlood(b, 'stream', n, 100, 'prof');
  const got = await settlePanel(b, 'prof', n);
  console.log(`${n} events: page ${r.ms.toFixed(0)} ms, panel has ${got.frames} after ${Date.now() - t0} ms`);
  for (const [name, s] of targets) {
    const { profile } = await s.send<{ profile: Parameters<typeof topSelf>[0] }>('Profiler.stop');
    console.log(`\n== ${name}`);
    console.log(topSelf(profile, 18).join('\n'));
  }
  swSession?.close();
} finally {
  await b.close();
  await server.close();
}
