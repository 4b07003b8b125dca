// Context: node (bench tool), `npx jiti bench/profile-page.ts [ws|sse|fetches] [n] [--panel]`.
// CPU-profiles the bench page's renderer (CDP Profiler) during one flood with PushLens loaded,
// and prints the functions with the most self time: where the page-side overhead goes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startBenchServer } from './servers';
import { openBenchBrowser, pageFlood, settlePanel } from './browsers';

/** Self time by function inside runs of busy (non-idle) samples longer than `minMs`: what long tasks are made of. */
export function longRuns(p: Profile, minMs = 50, limit = 15): string[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const name = (id: number) => {
    const n = byId.get(id)!;
    return `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-1)[0]}:${n.callFrame.lineNumber + 1}`;
  };
  const out: string[] = [];
  let run: { ms: number; self: Map<string, number> } = { ms: 0, self: new Map() };
  const flush = () => {
    if (run.ms >= minMs) {
      const top = [...run.self].sort((a, b) => b[1] - a[1]).slice(0, limit);
      out.push(`busy run ${run.ms.toFixed(0)} ms: ` + top.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | '));
    }
    run = { ms: 0, self: new Map() };
  };
  p.samples.forEach((id, i) => {
    const ms = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const n = name(id);
    if (n.startsWith('(idle)')) return flush();
    run.ms += ms;
    run.self.set(n, (run.self.get(n) ?? 0) + ms);
  });
  flush();
  return out;
}

const [kind = 'ws', nArg = '50000'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const panel = process.argv.includes('--panel');
/** --none: the same flood with no extension, for comparison. */
const none = process.argv.includes('--none');
const ext = resolve(import.meta.dirname, '../.output-bench/chrome-mv3');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function topSelf(p: Profile, limit = 25): string[] {
  const dt = new Map<number, number>();
  p.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const self = new Map<string, number>();
  for (const n of p.nodes) {
    const k = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
    self.set(k, (self.get(k) ?? 0) + (dt.get(n.id) ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([k, v]) => `${(v / 1000).toFixed(1).padStart(8)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('profile-page.ts')) await main();
async function main() {
  const server = await startBenchServer();
  const b = await openBenchBrowser(none ? 'none' : 'pushlens', server.url, {
    extensionDir: none ? undefined : ext,
    devtools: panel,
    panel: panel && !none,
  });
  try {
    const n = Number(nArg);
    await pageFlood(b, kind as 'ws', Math.min(n, 5000), 100, 'warm');
    await b.page.send('Profiler.enable');
    await b.page.send('Profiler.setSamplingInterval', { interval: 100 });
    await b.page.send('Profiler.start');
    const r = await pageFlood(b, kind as 'ws', n, 100, 'prof');
    const { profile } = await b.page.send<{ profile: Profile }>('Profiler.stop');
    mkdirSync(resolve(import.meta.dirname, '.out'), { recursive: true });
    writeFileSync(resolve(import.meta.dirname, '.out/page.cpuprofile'), JSON.stringify(profile));
    console.log(`${kind} ${n}: ${r.ms.toFixed(0)} ms in the page`);
    console.log(topSelf(profile).join('\n'));
    if (panel && !none) console.log(await settlePanel(b, 'prof', n));
  } finally {
    await b.close();
    await server.close();
  }
}
