// Context: node (bench tool), `npx jiti bench/profile-panel.ts [rate] [seconds]`. CPU-profiles the
// real DevTools panel while one channel, shown selected, receives `rate` events/s: what its main
// thread spends time on (ingest, React, filter, timeline) while a user watches a busy channel.
import { resolve } from 'node:path';
import { startBenchServer } from './servers';
import { openBenchBrowser, settlePanel } from './browsers';
import { readStream } from './panel-bench';
import { topSelf, longRuns } from './profile-page';

const rate = Number(process.argv[2] ?? 10_000);
const seconds = Number(process.argv[3] ?? 5);
const ext = resolve(import.meta.dirname, '../.output-bench/chrome-mv3');
const server = await startBenchServer();
const b = await openBenchBrowser('pushlens', server.url, { extensionDir: ext, devtools: true, panel: true });
try {
  const tag = 'profpanel';
  // Read chunk by chunk, as an app reads a stream: the hook records events as the page reads them.
  const run = readStream(b, rate * seconds, 100, tag, rate);
  await b.panel!.evaluate(
    `new Promise((resolve) => { const tick = () => { const row = [...document.querySelectorAll('[data-testid="channel-row"]')].find((r) => (r.dataset.url || '').includes('${tag}')); if (row) { row.click(); resolve(); } else setTimeout(tick, 20); }; tick(); })`,
  );
  await b.panel!.send('Profiler.enable');
  await b.panel!.send('Profiler.setSamplingInterval', { interval: 200 });
  await b.panel!.send('Profiler.start');
  await b.panel!.evaluate(
    `(() => { const m = globalThis.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) m.push(Math.round(e.duration)); }).observe({ type: 'longtask' }); })()`,
  );
  await run;
  await settlePanel(b, tag, rate * seconds);
  const { profile } = await b.panel!.send<{ profile: Parameters<typeof topSelf>[0] }>('Profiler.stop');
  console.log('long tasks (ms):', await b.panel!.evaluate(`globalThis.__long.join(' ')`));
  console.log(topSelf(profile, 30).join('\n'));
  console.log(longRuns(profile, 50, 8).join('\n'));
} finally {
  await b.close();
  await server.close();
}
