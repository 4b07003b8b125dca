// Context: node (bench tool), `npx jiti bench/profile-startup.ts [extensionDir]`. CPU-profiles the
// load of the 200-about:blank-iframe page with PushLens and prints, inside the page agent's and
// the relay's top-level evaluations, the functions with the most self time: where each frame's
// start-up goes. Build with PUSHLENS_NOMIN=1 for readable names.
import { resolve } from 'node:path';
import { startBenchServer } from './servers';
import { launchRaw, navigate } from './launch';
import type { CpuProfile } from './cpu-profile';

const extensionDir = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../.output-bench/chrome-mv3'));

function selfInside(profile: CpuProfile, urlSuffix: string, limit = 30): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inside = (id: number): boolean => {
    for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) if (byId.get(p)!.callFrame.url.endsWith(urlSuffix)) return true;
    return false;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const self = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    if (!inside(samples[i])) continue;
    const n = byId.get(samples[i])!;
    const dt = i + 1 < deltas.length ? deltas[i + 1] : 0;
    const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  }
  return [
    `${urlSuffix}: ${(total / 1000).toFixed(1)} ms in all`,
    ...[...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([k, v]) => `${(v / 1000).toFixed(2).padStart(8)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`),
  ];
}

const server = await startBenchServer();
const b = await launchRaw({ extensionDir });
try {
  await navigate(b.page, `${new URL(server.url).origin}/frame.html`);
  await b.page.send('Profiler.enable');
  await b.page.send('Profiler.setSamplingInterval', { interval: 50 });
  await b.page.send('Profiler.start');
  await navigate(b.page, `${new URL(server.url).origin}/blank200.html`);
  await new Promise((r) => setTimeout(r, 1500));
  const { profile } = await b.page.send<{ profile: CpuProfile }>('Profiler.stop');
  for (const line of selfInside(profile, '/content-scripts/page-agent.js')) console.log(line);
  for (const line of selfInside(profile, '/relay.js', 12)) console.log(line);
} finally {
  await b.close();
  await server.close();
}
