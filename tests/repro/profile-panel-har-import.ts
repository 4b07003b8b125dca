// Context: node (repro script: `npx jiti tests/repro/profile-panel-har-import.ts [entries] [out.cpuprofile]`).
// Imports a generated HAR in the real DevTools panel (as tests/browser/har-import-large.test.ts
// does) under the CDP sampling profiler, and writes the profile: where an import's long tasks go.
import { writeFileSync } from 'node:fs';
import { waitFor, type CdpSession } from '../harness/cdp';
import { startFixtureSession } from '../browser/fixtures-frames/session';
import { callSource, installImportProbe, pickPreparedHar, prepareGeneratedHar, readImportProbe } from '../browser/har-import-page';

async function main(): Promise<void> {
  const entries = Number(process.argv[2] ?? 100_000);
  const out = process.argv[3] ?? '/tmp/panel-har-import.cpuprofile';
  const s = await startFixtureSession('/uploads.html');
  try {
    // Chromium's handle: the panel page is a CDP session (devtools-panel.ts).
    const p = s.panel.panel as CdpSession;
    await p.send('Profiler.enable');
    await p.send('Profiler.setSamplingInterval', { interval: 500 });
    await p.evaluate(callSource(prepareGeneratedHar, { entries, name: 'big.har' }));
    await p.evaluate(callSource(installImportProbe));
    await p.send('Profiler.start');
    const t0 = Date.now();
    await p.evaluate(callSource(pickPreparedHar));
    const r = await waitFor(
      async () => {
        const x = await p.evaluate<ReturnType<typeof readImportProbe>>(callSource(readImportProbe));
        return x.done ? x : undefined;
      },
      'the import',
      600_000,
      500,
    );
    const ms = Date.now() - t0;
    const { profile } = await p.send<{ profile: unknown }>('Profiler.stop');
    writeFileSync(out, JSON.stringify(profile));
    console.log(
      `${entries} entries: ${ms} ms wall, longest task ${Math.round(r.longest)} ms, ${r.longTasks} long tasks, ${r.turns} turns, ${r.progressValues.length} progress values, ${r.total} channels, ok=${r.ok} ${r.message}`,
    );
  } finally {
    await s.close();
  }
}

void main();
