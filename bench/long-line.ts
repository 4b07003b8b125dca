// Context: node (bench). Issue #13 item 7's must-show: "an 8 MB SSE line arriving in 4 KB chunks
// costs the page less than 2× what it costs without PushLens". The same fetch() event stream is
// read in a browser without any extension and in one with PushLens (no panel open), interleaved
// A B / B A per round; the cost is the page renderer's main-thread CPU time (CDP ThreadTime) and
// the wall time of the read, plus the longest stall of a 5 ms page timer. `npm run bench --
// --no-build --only sse-line` runs this row alone.
import type { CdpSession } from '../tests/harness/cdp';
import { openBenchBrowser, type BenchBrowser } from './browsers';
import { pairedRatio } from './stats';

export interface LongLineSide {
  ms: number[];
  cpuMs: number[];
  maxGapMs: number[];
  /** Reads the page's reader got (how chunked the line really arrived). */
  reads: number[];
}

export interface LongLineResult {
  bytes: number;
  chunk: number;
  rounds: number;
  sides: Record<'none' | 'pushlens', LongLineSide>;
  ratio: { wall: number; cpu: number };
}

async function threadTime(cdp: CdpSession): Promise<number> {
  const r = await cdp.send<{ metrics: { name: string; value: number }[] }>('Performance.getMetrics');
  return (r.metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000;
}

export async function measureLongLine(opts: {
  url: string;
  extensionDir: string;
  rounds: number;
  bytes: number;
  chunk: number;
  log: (s: string) => void;
}): Promise<LongLineResult> {
  const browsers: { name: 'none' | 'pushlens'; b: BenchBrowser }[] = [];
  const sides: LongLineResult['sides'] = {
    none: { ms: [], cpuMs: [], maxGapMs: [], reads: [] },
    pushlens: { ms: [], cpuMs: [], maxGapMs: [], reads: [] },
  };
  try {
    browsers.push({ name: 'none', b: await openBenchBrowser('none', opts.url, {}) });
    browsers.push({ name: 'pushlens', b: await openBenchBrowser('pushlens', opts.url, { extensionDir: opts.extensionDir }) });
    for (const { b } of browsers) await b.page.send('Performance.enable', { timeDomain: 'threadTicks' });
    // Round 0 warms up (a 16th of the line); it is not counted.
    for (let r = 0; r <= opts.rounds; r++) {
      const bytes = r === 0 ? opts.bytes / 16 : opts.bytes;
      for (const { name, b } of r % 2 ? [...browsers].reverse() : browsers) {
        const c0 = await threadTime(b.page);
        const res = await b.page.evaluate<{ ms: number; count: number; bytes: number; maxGap: number }>(
          `bench.longLine(${bytes}, ${opts.chunk}, ${JSON.stringify(`line-${name}-${r}`)})`,
        );
        const cpu = (await threadTime(b.page)) - c0;
        // "data: " and the blank line around the line itself.
        if (res.bytes !== bytes + 8) throw new Error(`${name}: page read ${res.bytes} bytes of ${bytes + 8}`);
        opts.log(
          `  sse-line round ${r}${r === 0 ? ' (warm-up)' : ''} ${name}: ${res.ms.toFixed(0)} ms (cpu ${cpu.toFixed(0)}), ${res.count} reads, longest timer stall ${res.maxGap.toFixed(0)} ms`,
        );
        if (r === 0) continue;
        const s = sides[name];
        s.ms.push(res.ms);
        s.cpuMs.push(cpu);
        s.maxGapMs.push(res.maxGap);
        s.reads.push(res.count);
      }
    }
  } finally {
    for (const { b } of browsers) await b.close();
  }
  return {
    bytes: opts.bytes,
    chunk: opts.chunk,
    rounds: opts.rounds,
    sides,
    ratio: { wall: pairedRatio(sides.none.ms, sides.pushlens.ms), cpu: pairedRatio(sides.none.cpuMs, sides.pushlens.cpuMs) },
  };
}
