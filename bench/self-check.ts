// Context: node (bench), `npm run bench -- --self-check`. Positive controls (DESIGN.md: every
// instrument shows it can fail): builds PushLens with a planted regression, one build per plant
// (WXT_PUSHLENS_PLANT, into .output-bench-plant-<name>), runs the instrument that must catch it
// and prints "detected" or "NOT detected" with the numbers. In order: a 200 ms panel task (the
// long-task row), 2 µs per SSE event in the hook (the SSE no-panel ratio, against the normal
// build in the same interleaved rounds), one frame lost in the panel (the lost row). First it
// proves the normal build carries no trace of the plants.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startBenchServer } from './servers';
import { openBenchBrowser } from './browsers';
import { measureLongTasks, measureThroughput } from './panel-bench';
import { measureOverhead } from './page-overhead';
import { median, round } from './stats';

type Plant = 'longtask' | 'busy' | 'drop';
const PLANTS: Plant[] = ['longtask', 'busy', 'drop'];
/** Strings only plant code holds (lib/page/self-check-plant.ts, lib/panel/self-check-plant.ts). */
const MARKERS = ['PUSHLENS_SELF_CHECK_PLANT'];

function build(root: string, outDir: string, plant: string): void {
  execFileSync('npx', ['wxt', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PUSHLENS_OUT_DIR: outDir, WXT_PUSHLENS_PLANT: plant },
  });
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (/\.(js|html|json)$/.test(name)) out.push(p);
  }
  return out;
}

/** Files of a build holding a plant marker. */
function markedFiles(extDir: string): string[] {
  return filesUnder(extDir).filter((f) => {
    const text = readFileSync(f, 'utf8');
    return MARKERS.some((m) => text.includes(m));
  });
}

export async function runSelfCheck(opts: { root: string; outDir: string; noBuild: boolean; log: (s: string) => void }): Promise<void> {
  const { root, log } = opts;
  const normalDir = resolve(opts.outDir, 'chrome-mv3');
  const plantDir = (p: Plant) => resolve(root, `.output-bench-plant-${p}`, 'chrome-mv3');
  if (!opts.noBuild || !existsSync(resolve(normalDir, 'manifest.json'))) {
    log('building PushLens into .output-bench (normal) ...');
    build(root, opts.outDir, '');
  }
  for (const p of PLANTS) {
    if (opts.noBuild && existsSync(resolve(plantDir(p), 'manifest.json'))) continue;
    log(`building plant "${p}" into .output-bench-plant-${p} ...`);
    build(root, resolve(root, `.output-bench-plant-${p}`), p);
  }
  const verdicts: string[] = [];
  const report = (name: string, ok: boolean, numbers: string) => {
    const line = `${ok ? 'detected' : 'NOT detected'}: ${name} — ${numbers}`;
    verdicts.push(line);
    log(`  ${line}`);
  };

  // The plants must exist in plant builds and nowhere in the normal one.
  const inNormal = markedFiles(normalDir);
  log(
    inNormal.length
      ? `  NORMAL BUILD CARRIES PLANT CODE: ${inNormal.join(', ')}`
      : `  normal build: no plant code (marker absent from all ${filesUnder(normalDir).length} files)`,
  );
  for (const p of PLANTS)
    log(
      `  plant "${p}" build: marker in ${
        markedFiles(plantDir(p))
          .map((f) => f.split('chrome-mv3/')[1])
          .join(', ') || 'NO FILE'
      }`,
    );

  const server = await startBenchServer();
  try {
    // 1. A 200 ms panel task every second: the long-task row must report it.
    log('plant 1/3: 200 ms task in the panel → long-task row ...');
    {
      // The normal build first, same measurement: on a loaded machine its own longest task can pass
      // 150 ms, so the plant must also stand out from it.
      const longTasks = async (dir: string) => {
        const b = await openBenchBrowser('longtask', server.url, { extensionDir: dir, devtools: true, panel: true });
        try {
          return await measureLongTasks(b, 10_000, 3, 100);
        } finally {
          await b.close();
        }
      };
      const base = await longTasks(normalDir);
      const lt = await longTasks(plantDir('longtask'));
      const fmt = (x: typeof lt) =>
        `longest task ${Math.round(x.longestTaskMs)} ms, ${x.longTasks} tasks > 50 ms, max timer gap ${Math.round(x.maxTimerGapMs)} ms, probe ran ${x.probeTicks} times in ${Math.round(Math.abs(x.windowMs))} ms`;
      report(
        'planted 200 ms panel task',
        lt.longestTaskMs >= 150 && lt.longestTaskMs > base.longestTaskMs,
        `plant: ${fmt(lt)}; normal build: ${fmt(base)}`,
      );
    }
    // 2. 2 µs per SSE event in the hook: the SSE no-panel ratio must move against the normal build.
    log('plant 2/3: 2 µs busy-wait per SSE event in the hook → SSE no-panel ratio (plant vs normal build, same rounds) ...');
    {
      const n = 100_000;
      const r = await measureOverhead({
        url: server.url,
        mode: 'no-panel',
        extensionDir: plantDir('busy'),
        compareDir: normalDir,
        rounds: 5,
        sizes: { ws: 0, sse: n, fetches: 0, size: 100 },
        floods: ['sse'],
        log,
      });
      const planted = r.ratios.pushlens.sse;
      const normal = r.ratios.compare?.sse;
      const plantSide = r.sides.pushlens;
      const normalSide = r.sides.compare;
      // Per round, plant minus normal (they ran back to back), in µs per event: 2 is what was planted.
      const perEvent = (a: number[] = [], b: number[] = []) => (median(a.map((x, i) => x - (b[i] ?? NaN)).filter(Number.isFinite)) * 1000) / n;
      const scriptUs = perEvent(plantSide.scriptMs?.sse, normalSide?.scriptMs?.sse);
      const cpuUs = perEvent(plantSide.cpuMs.sse, normalSide?.cpuMs.sse);
      const wallUs = perEvent(plantSide.ms.sse, normalSide?.ms.sse);
      // Half the planted cost in the page's script time; the wall ratio is shown but is the noisiest.
      report(
        'planted 2 µs per SSE event',
        !!normal && scriptUs >= 1,
        `SSE no-panel ratio ${round(planted.wall)} (cpu ${round(planted.cpu)}) with the plant vs ${normal ? round(normal.wall) : '?'} (cpu ${normal ? round(normal.cpu) : '?'}) normal build; plant − normal per event: script ${scriptUs.toFixed(2)} µs, cpu ${cpuUs.toFixed(2)} µs, wall ${wallUs.toFixed(2)} µs (planted 2)`,
      );
    }
    // 3. One frame lost in the panel: the lost row must count it.
    log('plant 3/3: one frame dropped in the panel → lost row ...');
    {
      const b = await openBenchBrowser('plant-drop', server.url, { extensionDir: plantDir('drop'), devtools: true, panel: true });
      try {
        const t = await measureThroughput(b, 1, 20_000, 100, log);
        const lost = t.lost.reduce((a, x) => a + x, 0);
        report('planted dropped frame', lost >= 1, `lost ${lost} of ${t.frames} (throughput ${Math.round(median(t.framesPerSec))} frames/s)`);
      } finally {
        await b.close();
      }
    }
  } finally {
    await server.close();
  }
  log('\nself-check:');
  for (const v of verdicts) log(`  ${v}`);
  if (inNormal.length) log('  FAILED: the normal build carries plant code');
}
