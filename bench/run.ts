// Context: node (bench), `npm run bench [-- --quick] [-- --compare PATH] [-- --no-build] [-- --only a,b]`
// (parts: store, no-panel, panel, throughput, longtask, open, sse-line).
// Builds PushLens into .output-bench, starts the flood servers on 127.0.0.1 and measures, in
// headless Chromium, everything in DESIGN.md's performance table. Writes bench/results.json and
// bench/results.md and prints the table.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { existsSync, writeFileSync } from 'node:fs';
import { startBenchServer } from './servers';
import { machineInfo } from './machine';
import { runStoreBench, type StoreResult } from './store';
import { measureOverhead, type OverheadResult } from './page-overhead';
import {
  measureThroughput,
  measureLongTasks,
  measureWsClose,
  measureOpenWithBuffer,
  type ThroughputResult,
  type LongTaskResult,
  type WsCloseResult,
  type OpenResult,
} from './panel-bench';
import { openBenchBrowser } from './browsers';
import { measureLongLine, type LongLineResult } from './long-line';
import { renderTable } from './report';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const fullPanel = argv.includes('--full-panel');
const noBuild = argv.includes('--no-build');
const compareArg = argv.indexOf('--compare');
const compareDir = compareArg >= 0 ? resolve(argv[compareArg + 1] ?? '') : undefined;
const onlyArg = argv.indexOf('--only');
const only = onlyArg >= 0 ? new Set((argv[onlyArg + 1] ?? '').split(',')) : undefined;
const want = (part: string) => !only || only.has(part);

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = resolve(ROOT, '.output-bench');
const EXTENSION_DIR = resolve(OUT_DIR, 'chrome-mv3');

export const PLAN = {
  rounds: quick ? 3 : 5,
  sizes: quick ? { ws: 50_000, sse: 50_000, fetches: 500, size: 100 } : { ws: 200_000, sse: 100_000, fetches: 2000, size: 100 },
  /**
   * With DevTools open, Chromium's own network instrumentation (on in both A and B) makes a 200k
   * WebSocket flood take ~50 s per side on this 2-core machine, ~15 min for the panel rounds
   * alone; a quarter of the flood keeps the whole bench under 10 minutes. --full-panel uses the
   * full sizes.
   */
  panelSizes: quick
    ? { ws: 25_000, sse: 25_000, fetches: 500, size: 100 }
    : fullPanel
      ? { ws: 200_000, sse: 100_000, fetches: 2000, size: 100 }
      : { ws: 50_000, sse: 50_000, fetches: 1000, size: 100 },
  storeFrames: 1_000_000,
  throughputFrames: quick ? 100_000 : 300_000,
  throughputRounds: quick ? 2 : 3,
  steadyRate: 10_000,
  steadySeconds: quick ? 4 : 8,
  /** Messages of the WebSocket whose close hands the panel a HAR entry with all of them (~3 k/s with DevTools open). */
  wsCloseMessages: quick ? 50_000 : fullPanel ? 200_000 : 100_000,
  openBuffered: 100_000,
  openRounds: quick ? 1 : 3,
  /** One SSE data line of 8 MB, written by the server 4 KB at a time (issue #13 item 7). */
  longLine: { bytes: 8 * 1024 * 1024, chunk: 4096, rounds: quick ? 2 : 3 },
};

export interface BenchResults {
  when: string;
  quick: boolean;
  machine: ReturnType<typeof machineInfo>;
  plan: typeof PLAN;
  compareDir?: string;
  store?: StoreResult;
  noPanel?: OverheadResult;
  panel?: OverheadResult;
  throughput?: ThroughputResult;
  longTasks?: LongTaskResult;
  wsClose?: WsCloseResult;
  open?: OpenResult[];
  longLine?: LongLineResult;
  seconds: number;
}

const log = (s: string) => console.log(s);

async function main(): Promise<void> {
  const t0 = Date.now();
  if (compareDir && !existsSync(resolve(compareDir, 'manifest.json')))
    throw new Error(`--compare ${compareDir}: no manifest.json there (pass an unpacked extension folder)`);
  if (!noBuild) {
    log('building PushLens into .output-bench ...');
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PUSHLENS_OUT_DIR: OUT_DIR } });
  }
  // Chromium given a missing --load-extension folder starts without it and says nothing, so the
  // bench would only time out waiting for a service worker that never comes.
  if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`No PushLens build at ${EXTENSION_DIR}: run without --no-build once to build it.`);
  const results: BenchResults = { when: new Date().toISOString(), quick, machine: machineInfo(), plan: PLAN, compareDir, seconds: 0 };
  log(
    `machine: ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGiB} GiB, load ${results.machine.loadAvg.join(' ')}, ${results.machine.chromium}`,
  );
  const server = await startBenchServer();
  const save = () => {
    results.seconds = Math.round((Date.now() - t0) / 1000);
    writeFileSync(resolve(import.meta.dirname, 'results.json'), JSON.stringify(results, null, 2));
    const table = renderTable(results);
    writeFileSync(resolve(import.meta.dirname, 'results.md'), table);
    return table;
  };
  try {
    if (want('store')) {
      log(`store: ${PLAN.storeFrames} synthetic frames in node ...`);
      results.store = await runStoreBench(PLAN.storeFrames);
      save();
    }
    if (want('no-panel')) {
      log('page overhead, no panel open ...');
      results.noPanel = await measureOverhead({
        url: server.url,
        mode: 'no-panel',
        extensionDir: EXTENSION_DIR,
        compareDir,
        rounds: PLAN.rounds,
        sizes: PLAN.sizes,
        log,
      });
      save();
    }
    if (want('panel')) {
      log('page overhead, PushLens panel open and recording ...');
      results.panel = await measureOverhead({
        url: server.url,
        mode: 'panel',
        extensionDir: EXTENSION_DIR,
        compareDir,
        rounds: PLAN.rounds,
        sizes: PLAN.panelSizes,
        log,
      });
      save();
    }
    if (want('throughput') || want('longtask')) {
      const b = await openBenchBrowser('pushlens', server.url, { extensionDir: EXTENSION_DIR, devtools: true, panel: true });
      try {
        if (want('throughput')) {
          log('throughput page → panel ...');
          results.throughput = await measureThroughput(b, PLAN.throughputRounds, PLAN.throughputFrames, PLAN.sizes.size, log);
          save();
        }
        if (want('longtask')) {
          log(`panel main thread at ${PLAN.steadyRate} frames/s ...`);
          results.longTasks = await measureLongTasks(b, PLAN.steadyRate, PLAN.steadySeconds, PLAN.sizes.size);
          save();
          log(`panel main thread when a ${PLAN.wsCloseMessages}-message WebSocket closes ...`);
          results.wsClose = await measureWsClose(b, PLAN.wsCloseMessages, PLAN.sizes.size);
          save();
        }
      } finally {
        await b.close();
      }
    }
    if (want('open')) {
      log(`open the panel on ${PLAN.openBuffered} buffered frames ...`);
      results.open = await measureOpenWithBuffer(server.url, EXTENSION_DIR, PLAN.openBuffered, PLAN.sizes.size, PLAN.openRounds, log);
      save();
    }
    if (want('sse-line')) {
      log(`one ${PLAN.longLine.bytes / 1024 / 1024} MB SSE line in ${PLAN.longLine.chunk / 1024} KB chunks, fetch stream, no panel ...`);
      results.longLine = await measureLongLine({ url: server.url, extensionDir: EXTENSION_DIR, ...PLAN.longLine, log });
      save();
    }
  } finally {
    await server.close();
  }
  console.log('\n' + save());
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
