// Context: node (bench tool), `npx jiti bench/profile-big-channel.ts [frames]`. CPU-profiles the
// real DevTools panel while a user switches to a channel of `frames` frames and types a filter
// (bench/big-channel.ts): what the long tasks of the "1M-frame channel" rows are made of.
import { resolve } from 'node:path';
import { startBenchServer } from './servers';
import { openBenchBrowser } from './browsers';
import { measureBigChannel } from './big-channel';
import { topSelf, longRuns, type Profile } from './profile-page';

const frames = Number(process.argv[2] ?? 1_000_000);
const ext = resolve(import.meta.dirname, '../.output-bench/chrome-mv3');
const server = await startBenchServer();
const b = await openBenchBrowser('pushlens', server.url, { extensionDir: ext, devtools: true, panel: true });
try {
  const r = await measureBigChannel(b, frames, 100, console.log, async (phase, edge) => {
    if (edge === 'start') {
      await b.panel!.send('Profiler.enable');
      await b.panel!.send('Profiler.setSamplingInterval', { interval: 200 });
      await b.panel!.send('Profiler.start');
      return;
    }
    const { profile } = await b.panel!.send<{ profile: Profile }>('Profiler.stop');
    console.log(`\n== ${phase}\n${topSelf(profile, 20).join('\n')}\n${longRuns(profile, 40, 12).join('\n')}`);
  });
  console.log(JSON.stringify({ switchTo: r.switchTo, typing: r.typing, filteredRows: r.filteredRows }));
} finally {
  await b.close();
  await server.close();
}
