// Context: node (bench). Page-side overhead: the same floods in a browser without any extension
// (A), with PushLens (B) and optionally with another extension (C), interleaved A B C / C B A per
// round so slow drifts of a shared machine hit every side alike; ratios are medians of per-round
// ratios. Besides the in-page wall time we read the renderer main thread's CPU time (CDP
// Performance.getMetrics ThreadTime), which other processes' load barely disturbs.
import type { CdpSession } from '../tests/harness/cdp';
import { openBenchBrowser, pageFlood, settlePanel, clearPanel, type BenchBrowser } from './browsers';
import { pairedRatio, median } from './stats';

export type Flood = 'ws' | 'sse' | 'fetches';

export interface FloodSizes {
  ws: number;
  sse: number;
  fetches: number;
  size: number;
}

export interface SideTimes {
  ms: Record<Flood, number[]>;
  cpuMs: Record<Flood, number[]>;
  /** Main-thread time spent running script (CDP ScriptDuration): the hooks' own cost, without layout, GC pauses or IPC. */
  scriptMs?: Record<Flood, number[]>;
}

export interface OverheadResult {
  mode: 'no-panel' | 'panel';
  rounds: number;
  sides: Record<string, SideTimes>;
  /** name → flood → ratio against the no-extension side. */
  ratios: Record<string, Record<Flood, { wall: number; cpu: number }>>;
  /** Panel mode: frames the panel missed per round (must be 0). */
  lost?: number[];
}

interface Side {
  name: string;
  browser: BenchBrowser;
  cdp: CdpSession;
  times: SideTimes;
}

async function threadTime(cdp: CdpSession): Promise<{ cpu: number; script: number }> {
  const r = await cdp.send<{ metrics: { name: string; value: number }[] }>('Performance.getMetrics');
  const get = (name: string) => (r.metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { cpu: get('ThreadTime'), script: get('ScriptDuration') };
}

export async function measureOverhead(opts: {
  url: string;
  mode: 'no-panel' | 'panel';
  extensionDir: string;
  compareDir?: string;
  rounds: number;
  sizes: FloodSizes;
  log: (s: string) => void;
  /** Only these floods (the self-check needs SSE alone); all three by default. */
  floods?: Flood[];
}): Promise<OverheadResult> {
  const floods = opts.floods ?? (['ws', 'sse', 'fetches'] as Flood[]);
  const devtools = opts.mode === 'panel';
  const specs: { name: string; dir?: string; panel: boolean }[] = [
    { name: 'none', dir: undefined, panel: false },
    { name: 'pushlens', dir: opts.extensionDir, panel: devtools },
  ];
  if (opts.compareDir) specs.push({ name: 'compare', dir: opts.compareDir, panel: devtools });
  const sides: Side[] = [];
  try {
    for (const s of specs) {
      const browser = await openBenchBrowser(s.name, opts.url, { extensionDir: s.dir, devtools, panel: s.panel }).catch((err) => {
        if (s.name !== 'compare') throw err;
        opts.log(`  compare extension could not be opened (${String(err).split('\n')[0]}): skipped`);
        return undefined;
      });
      if (!browser) continue;
      const cdp = browser.page;
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      sides.push({
        name: s.name,
        browser,
        cdp,
        times: {
          ms: { ws: [], sse: [], fetches: [] },
          cpuMs: { ws: [], sse: [], fetches: [] },
          scriptMs: { ws: [], sse: [], fetches: [] },
        },
      });
    }
    const lost: number[] = [];
    // Round 0 warms up JITs and caches; it is not counted.
    for (let r = 0; r <= opts.rounds; r++) {
      const order = r % 2 ? [...sides].reverse() : sides;
      for (const side of order) {
        const tag = `${opts.mode}-${side.name}-${r}`;
        const line: string[] = [];
        for (const flood of floods) {
          // The warm-up only needs the code paths hot: a tenth of the flood.
          const n = r === 0 ? Math.ceil(opts.sizes[flood] / 10) : opts.sizes[flood];
          const c0 = await threadTime(side.cdp);
          const res = await pageFlood(side.browser, flood, n, opts.sizes.size, `${tag}-${flood}`);
          const c1 = await threadTime(side.cdp);
          const cpu = c1.cpu - c0.cpu;
          const script = c1.script - c0.script;
          if (res.count !== n) throw new Error(`${side.name} ${flood}: page saw ${res.count} of ${n}`);
          if (r > 0) {
            side.times.ms[flood].push(res.ms);
            side.times.cpuMs[flood].push(cpu);
            side.times.scriptMs![flood].push(script);
          }
          line.push(`${flood} ${res.ms.toFixed(0)} ms (cpu ${cpu.toFixed(0)}, script ${script.toFixed(0)})`);
        }
        if (side.browser.panel && side.name === 'pushlens') {
          // Let the panel drain before the next side runs (it shares the CPU), and check nothing was lost.
          const expected = floods.reduce((sum, f) => sum + (r === 0 ? Math.ceil(opts.sizes[f] / 10) : opts.sizes[f]), 0);
          const got = await settlePanel(side.browser, `${opts.mode}-${side.name}-${r}-`, expected, 20_000);
          if (r > 0) lost.push(expected - got.frames);
          line.push(`panel got ${got.frames}/${expected}`);
          await clearPanel(side.browser);
        }
        opts.log(`  ${opts.mode} round ${r}${r === 0 ? ' (warm-up)' : ''} ${side.name}: ${line.join(', ')}`);
      }
    }
    const base = sides[0].times;
    const ratios: OverheadResult['ratios'] = {};
    for (const side of sides.slice(1)) {
      ratios[side.name] = {} as Record<Flood, { wall: number; cpu: number }>;
      for (const flood of floods) {
        ratios[side.name][flood] = {
          wall: pairedRatio(base.ms[flood], side.times.ms[flood]),
          cpu: pairedRatio(base.cpuMs[flood], side.times.cpuMs[flood]),
        };
      }
    }
    return {
      mode: opts.mode,
      rounds: opts.rounds,
      sides: Object.fromEntries(sides.map((s) => [s.name, s.times])),
      ratios,
      lost: devtools ? lost : undefined,
    };
  } finally {
    for (const s of sides) await s.browser.close();
  }
}

export function medianTimes(t: SideTimes, flood: Flood): { ms: number; cpuMs: number } {
  return { ms: median(t.ms[flood]), cpuMs: median(t.cpuMs[flood]) };
}
