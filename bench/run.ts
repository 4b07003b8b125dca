// Context: node (bench), `npm run bench [-- --quick] [-- --compare PATH] [-- --no-build] [-- --only a,b]
// [-- --self-check] [-- --summary]` (parts: load, memory, store, no-panel, panel, throughput, longtask, open, sse-line).
// Builds PushLens into .output-bench, starts the flood servers on 127.0.0.1 (and localhost, a
// second site) and measures, in headless Chromium, everything in DESIGN.md's performance table.
// Appends the run to bench/results.json (a history), writes bench/results.md (the latest full run
// beside the previous one, then every full run on the same commit with the median of those runs)
// and prints the table and the total duration. --summary only rewrites results.md from the
// history. --self-check instead builds planted regressions and checks each instrument catches its own (bench/self-check.ts).
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
import { measureBigChannel, type BigChannelResult } from './big-channel';
import { measureLongLine, type LongLineResult } from './long-line';
import { renderTable, renderRows, type StoredRow } from './report';
import { measurePageLoad, type PageLoadResult } from './page-load';
import { measureMemory, type MemoryResult } from './memory';
import { readHistory, saveRun, lastFullRun, gitCommit, type History, type StoredRun } from './history';
import { fullRunsOnCommit, renderRunsSummary } from './runs-summary';
import { runSelfCheck } from './self-check';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const fullPanel = argv.includes('--full-panel');
const noBuild = argv.includes('--no-build');
const selfCheck = argv.includes('--self-check');
const summaryOnly = argv.includes('--summary');
const compareArg = argv.indexOf('--compare');
const compareDir = compareArg >= 0 ? resolve(argv[compareArg + 1] ?? '') : undefined;
const onlyArg = argv.indexOf('--only');
const only = onlyArg >= 0 ? new Set((argv[onlyArg + 1] ?? '').split(',')) : undefined;
const want = (part: string) => !only || only.has(part);

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = resolve(ROOT, '.output-bench');
const EXTENSION_DIR = resolve(OUT_DIR, 'chrome-mv3');

// Sized so the full run fits 10 minutes and --quick 3 on the 2-core machine with every row.
export const PLAN = {
  rounds: quick ? 2 : 5,
  /** The panel rounds (DevTools open on both sides) are the slowest part: 3 keep the full run within 10 minutes. */
  panelRounds: quick ? 2 : 3,
  sizes: quick ? { ws: 20_000, sse: 20_000, fetches: 200, size: 100 } : { ws: 100_000, sse: 100_000, fetches: 1000, size: 100 },
  /** Fresh-browser rounds of the page-load rows (each launches one browser per side). */
  loadRounds: quick ? 1 : 4,
  memoryRounds: quick ? 1 : 2,
  /**
   * With DevTools open, Chromium's own network instrumentation (on in both A and B) makes a 200k
   * WebSocket flood take ~50 s per side on this 2-core machine, ~15 min for the panel rounds
   * alone; a quarter of the flood keeps the whole bench under 10 minutes. (Two full runs with 40k
   * WebSocket frames and 500 fetches took 469–478 s, but those two rows got noisier: 1.22–1.24
   * and 1.15–1.40 where 50k and 1,000 measured 1.14 and 1.05.) --full-panel uses the full sizes.
   */
  panelSizes: quick
    ? { ws: 5_000, sse: 10_000, fetches: 200, size: 100 }
    : fullPanel
      ? { ws: 200_000, sse: 100_000, fetches: 2000, size: 100 }
      : { ws: 50_000, sse: 50_000, fetches: 1000, size: 100 },
  storeFrames: 1_000_000,
  throughputFrames: quick ? 50_000 : 200_000,
  throughputRounds: quick ? 1 : 3,
  steadyRate: 10_000,
  steadySeconds: quick ? 4 : 8,
  /** Messages of the WebSocket whose close hands the panel a HAR entry with all of them (~3 k/s with DevTools open). */
  wsCloseMessages: quick ? 10_000 : fullPanel ? 200_000 : 50_000,
  openBuffered: quick ? 50_000 : 100_000,
  bigChannelFrames: quick ? 200_000 : 1_000_000,
  openRounds: quick ? 1 : 3,
  /** One SSE data line of 8 MB, written by the server 4 KB at a time (issue #13 item 7). */
  longLine: { bytes: (quick ? 4 : 8) * 1024 * 1024, chunk: 4096, rounds: quick ? 1 : 3 },
};

export interface BenchResults {
  when: string;
  quick: boolean;
  commit?: string;
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
  bigChannel?: BigChannelResult;
  longLine?: LongLineResult;
  pageLoad?: PageLoadResult;
  memory?: MemoryResult;
  seconds: number;
}

const log = (s: string) => console.log(s);
const RESULTS_JSON = resolve(import.meta.dirname, 'results.json');
const RESULTS_MD = resolve(import.meta.dirname, 'results.md');

/** results.md: the latest full run beside the one before it, then every full run on its commit. */
function resultsMarkdown(history: History, latest: BenchResults): string {
  const table = renderTable(latest, lastFullRun(history, latest.when));
  // Rows rendered again from each run's raw measurements: a target set since applies to them too.
  const runs = fullRunsOnCommit(history, latest.commit).map((r) => ({ ...r, rows: rerendered(r) }));
  const summary = renderRunsSummary(runs);
  return summary ? `${table}\n${summary}` : table;
}

function rerendered(run: StoredRun): StoredRow[] {
  try {
    return renderRows(run.results as BenchResults);
  } catch {
    return run.rows; // measured by an older bench whose raw results this one cannot read
  }
}

/** --summary: rewrites results.md from bench/results.json without measuring anything. */
function writeSummaryOnly(): void {
  const history = readHistory(RESULTS_JSON);
  const latest = lastFullRun(history);
  if (!latest) throw new Error('bench/results.json holds no full run: run `npm run bench` first.');
  writeFileSync(RESULTS_MD, resultsMarkdown(history, latest.results as BenchResults));
  log(`wrote ${RESULTS_MD} from the full run of ${latest.when} (${fullRunsOnCommit(history, latest.commit).length} full runs on its commit)`);
}

async function main(): Promise<void> {
  const t0 = Date.now();
  if (compareDir && !existsSync(resolve(compareDir, 'manifest.json')))
    throw new Error(`--compare ${compareDir}: no manifest.json there (pass an unpacked extension folder)`);
  if (summaryOnly) return writeSummaryOnly();
  if (selfCheck) {
    await runSelfCheck({ root: ROOT, outDir: OUT_DIR, noBuild, log });
    log(`\nself-check took ${Math.round((Date.now() - t0) / 1000)} s`);
    return;
  }
  if (!noBuild) {
    log('building PushLens into .output-bench ...');
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PUSHLENS_OUT_DIR: OUT_DIR } });
  }
  // Chromium given a missing --load-extension folder starts without it and says nothing, so the
  // bench would only time out waiting for a service worker that never comes.
  if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`No PushLens build at ${EXTENSION_DIR}: run without --no-build once to build it.`);
  const results: BenchResults = {
    when: new Date().toISOString(),
    quick,
    commit: gitCommit(ROOT),
    machine: machineInfo(),
    plan: PLAN,
    compareDir,
    seconds: 0,
  };
  const history = readHistory(RESULTS_JSON);
  // --only runs are partial: kept in the history as quick ones so they never stand for a full run.
  const partial = quick || !!only;
  log(
    `machine: ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGiB} GiB, load ${results.machine.loadAvg.join(' ')}, ${results.machine.chromium}`,
  );
  const server = await startBenchServer();
  // Each part's duration, printed as it ends, so PLAN sizes can be fitted to the time budget.
  let partStart = Date.now();
  const partDone = (part: string) => {
    log(`  (${part}: ${Math.round((Date.now() - partStart) / 1000)} s)`);
    partStart = Date.now();
  };
  const save = () => {
    results.seconds = Math.round((Date.now() - t0) / 1000);
    saveRun(RESULTS_JSON, history, {
      id: results.when,
      when: results.when,
      quick: partial,
      commit: results.commit,
      seconds: results.seconds,
      machine: results.machine,
      rows: renderRows(results),
      results,
    });
    // A quick or partial run only prints.
    if (!partial) writeFileSync(RESULTS_MD, resultsMarkdown(history, results));
    return renderTable(results, lastFullRun(history, results.when));
  };
  try {
    if (want('load')) {
      log(`page load: 50 iframes (same- and cross-origin) and 200 about:blank iframes, ${PLAN.loadRounds} fresh-browser rounds ...`);
      results.pageLoad = await measurePageLoad({
        origin: new URL(server.url).origin,
        extensionDir: EXTENSION_DIR,
        compareDir,
        rounds: PLAN.loadRounds,
        log,
      });
      save();
      partDone('load');
    }
    if (want('memory')) {
      log('page memory with the history ring full at its defaults ...');
      results.memory = await measureMemory({ url: server.url, extensionDir: EXTENSION_DIR, compareDir, rounds: PLAN.memoryRounds, log });
      save();
      partDone('memory');
    }
    if (want('store')) {
      log(`store: ${PLAN.storeFrames} synthetic frames in node ...`);
      results.store = await runStoreBench(PLAN.storeFrames);
      save();
      partDone('store');
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
      partDone('no-panel');
    }
    if (want('panel')) {
      log('page overhead, PushLens panel open and recording ...');
      results.panel = await measureOverhead({
        url: server.url,
        mode: 'panel',
        extensionDir: EXTENSION_DIR,
        compareDir,
        rounds: PLAN.panelRounds,
        sizes: PLAN.panelSizes,
        log,
      });
      save();
      partDone('panel');
    }
    if (want('throughput') || want('longtask')) {
      partStart = Date.now();
      const b = await openBenchBrowser('pushlens', server.url, { extensionDir: EXTENSION_DIR, devtools: true, panel: true });
      try {
        if (want('throughput')) {
          log('throughput page → panel ...');
          results.throughput = await measureThroughput(b, PLAN.throughputRounds, PLAN.throughputFrames, PLAN.sizes.size, log);
          save();
          partDone('throughput');
        }
        if (want('longtask')) {
          log(`panel main thread at ${PLAN.steadyRate} frames/s ...`);
          results.longTasks = await measureLongTasks(b, PLAN.steadyRate, PLAN.steadySeconds, PLAN.sizes.size);
          save();
          log(`panel main thread when a ${PLAN.wsCloseMessages}-message WebSocket closes ...`);
          results.wsClose = await measureWsClose(b, PLAN.wsCloseMessages, PLAN.sizes.size);
          save();
          partDone('longtask');
        }
      } finally {
        await b.close();
      }
    }
    if (want('bigchannel')) {
      partStart = Date.now();
      log(`a channel of ${PLAN.bigChannelFrames} frames: switching to it and typing a filter ...`);
      const b = await openBenchBrowser('pushlens', server.url, { extensionDir: EXTENSION_DIR, devtools: true, panel: true });
      try {
        results.bigChannel = await measureBigChannel(b, PLAN.bigChannelFrames, PLAN.sizes.size, log);
      } finally {
        await b.close();
      }
      save();
      partDone('bigchannel');
    }
    if (want('open')) {
      log(`open the panel on ${PLAN.openBuffered} buffered frames ...`);
      results.open = await measureOpenWithBuffer(server.url, EXTENSION_DIR, PLAN.openBuffered, PLAN.sizes.size, PLAN.openRounds, log);
      save();
      partDone('open');
    }
    if (want('sse-line')) {
      log(`one ${PLAN.longLine.bytes / 1024 / 1024} MB SSE line in ${PLAN.longLine.chunk / 1024} KB chunks, fetch stream, no panel ...`);
      results.longLine = await measureLongLine({ url: server.url, extensionDir: EXTENSION_DIR, ...PLAN.longLine, log });
      save();
      partDone('sse-line');
    }
  } finally {
    await server.close();
  }
  console.log('\n' + save());
  log(`total: ${results.seconds} s (${Math.floor(results.seconds / 60)} min ${results.seconds % 60} s)${quick ? ' --quick' : ''}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
