// Context: node (bench tool), `npx jiti bench/profile-open.ts [n]`. Opens the real DevTools panel
// on a page that buffered n SSE events with no panel open, and prints when the panel's Session
// holds how many of them (every 25 ms) plus CPU profiles of the page and the background over the
// open: where "open the panel with 100k buffered" spends its time.
import { resolve } from 'node:path';
import { startBenchServer } from './servers';
import { openBenchBrowser, pageFlood, showPanel, panelCount } from './browsers';
import { bufferSetup } from './panel-bench';
import { CdpSession, listTargets } from '../tests/harness/cdp';
import { topSelf, type Profile } from './profile-page';

const n = Number(process.argv[2] ?? 100_000);
const ext = resolve(import.meta.dirname, '../.output-bench/chrome-mv3');
const server = await startBenchServer();
const b = await openBenchBrowser('open', server.url, { extensionDir: ext, devtools: true, beforePage: bufferSetup(n, 100) });
try {
  await pageFlood(b, 'stream', n, 100, 'open');
  const sw = (await listTargets(b.launched.cdpPort)).find((t) => t.type === 'service_worker');
  const targets: [string, CdpSession][] = [['page', b.page]];
  if (sw) targets.push(['background', await CdpSession.connect(sw.webSocketDebuggerUrl)]);
  for (const [, s] of targets) {
    await s.send('Profiler.enable');
    await s.send('Profiler.setSamplingInterval', { interval: 200 });
    await s.send('Profiler.start');
  }
  const t0 = Date.now();
  await showPanel(b, server.url);
  const origin = await b.panel!.evaluate<number>('performance.timeOrigin');
  console.log(
    `panel page started ${Math.round(origin - t0)} ms after showPanel was asked; its Session exists ${Date.now() - Math.round(origin)} ms after its start`,
  );
  await b.panel!.send('Profiler.enable');
  await b.panel!.send('Profiler.setSamplingInterval', { interval: 200 });
  await b.panel!.send('Profiler.start');
  targets.push(['panel (from when its Session exists)', b.panel!]);
  let last = -1;
  for (;;) {
    const c = await panelCount(b, 'open');
    if (c.frames !== last) console.log(`  +${Date.now() - Math.round(origin)} ms after panel start: ${c.frames} frames`);
    last = c.frames;
    if (c.frames >= n || Date.now() - t0 > 30_000) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  for (const [name, s] of targets) {
    const { profile } = await s.send<{ profile: Profile }>('Profiler.stop');
    console.log(`\n== ${name}\n${topSelf(profile, 18).join('\n')}`);
  }
} finally {
  await b.close();
  await server.close();
}
