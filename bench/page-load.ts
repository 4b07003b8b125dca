// Context: node (bench). Page-load rows (issue #15 item 2): what every page pays for PushLens
// starting in each frame, with no panel. Fresh browsers, unhooked (A) and hooked (B) interleaved
// A B / B A per round, each loading the 50-iframe page and then the 200-about:blank page; ratios
// are medians of per-round ratios. A third side, the floor (bench/floor-extension.ts: PushLens's
// content-script declarations with empty scripts), measures what Chrome charges for any such
// extension, so the ratio splits into Chrome's part and the part PushLens's own code adds. Then one CPU profile (CDP Profiler) of a hooked load gives the
// agent's own start-up per frame, and the bundle's size is read from the build.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CdpSession } from '../tests/harness/cdp';
import { launchRaw, navigate, type RawBrowser } from './launch';
import { pairedRatios, summarize, type Spread } from './stats';
import { agentStartupFromProfile, type CpuProfile } from './cpu-profile';
import { writeFloorExtension } from './floor-extension';

export interface PageLoadResult {
  rounds: number;
  /** ms from navigation start to the load event, per side, per round. */
  iframes50: Record<string, number[]>;
  /** ms from navigation start to the load event of the about:blank page. */
  blank200Load: Record<string, number[]>;
  /** ms from navigation start until all 200 frames are inserted and settled. */
  blank200Settled: Record<string, number[]>;
  ratios: Record<string, LoadRatios>;
  /** PushLens ÷ the floor, per round: the part of the load time PushLens's own code adds. */
  aboveFloor?: LoadRatios;
  /** The agent's top-level evaluation per frame (µs), from a CPU profile of the main renderer. */
  startup: { iframes50: StartupSample; blank200: StartupSample };
  bundleBytes: number;
  relayBytes: number;
}

export interface LoadRatios {
  iframes50: Spread;
  blank200Load: Spread;
  blank200Settled: Spread;
}

export interface StartupSample {
  frames: number;
  totalUs: number;
  perFrameUs: number;
  /** Evaluations the profile saw (top-level nodes of the script); 0 means the profile missed the agent. */
  nodes: number;
  /** The same for the isolated-world relay (relay.js), which runs in every frame too. */
  relayPerFrameUs: number;
}

async function timeLoad(page: CdpSession, url: string, settled: boolean): Promise<{ load: number; settled?: number }> {
  // 200 frames take Chromium ~15–150 ms each on a loaded 2-core machine: allow 2 minutes.
  await navigate(page, url, 120_000);
  // readyState 'complete' comes right before loadEventStart is filled in: wait for it.
  return page.evaluate(`new Promise((resolve) => {
    const read = () => {
      const nav = performance.getEntriesByType('navigation')[0];
      if (!nav || !nav.loadEventEnd || (${settled} && !window.__settled)) return setTimeout(read, 20);
      resolve({ load: nav.loadEventStart, settled: window.__settled });
    };
    read();
  })`);
}

export async function measurePageLoad(opts: {
  origin: string;
  extensionDir: string;
  compareDir?: string;
  rounds: number;
  log: (s: string) => void;
}): Promise<PageLoadResult> {
  const specs: { name: string; dir?: string }[] = [
    { name: 'none', dir: undefined },
    { name: 'floor', dir: writeFloorExtension(opts.extensionDir) },
    { name: 'pushlens', dir: opts.extensionDir },
  ];
  if (opts.compareDir) specs.push({ name: 'compare', dir: opts.compareDir });
  const empty = () => Object.fromEntries(specs.map((s) => [s.name, [] as number[]]));
  const out = { iframes50: empty(), blank200Load: empty(), blank200Settled: empty() };
  // No warm-up round: every round is a fresh browser anyway, and one round of these pages costs
  // ~10 s per side on a loaded 2-core machine (Chromium creates each about:blank frame in ~15 ms+).
  for (let r = 1; r <= opts.rounds; r++) {
    const order = r % 2 ? [...specs].reverse() : specs;
    const line: string[] = [];
    for (const s of order) {
      const b = await launchRaw({ extensionDir: s.dir });
      try {
        const a = await timeLoad(b.page, `${opts.origin}/iframes50.html`, false);
        const z = await timeLoad(b.page, `${opts.origin}/blank200.html`, true);
        if (r > 0) {
          out.iframes50[s.name].push(a.load);
          out.blank200Load[s.name].push(z.load);
          out.blank200Settled[s.name].push(z.settled!);
        }
        line.push(`${s.name} 50 iframes ${a.load.toFixed(0)} ms, 200 blank load ${z.load.toFixed(0)} / settled ${z.settled!.toFixed(0)} ms`);
      } finally {
        await b.close();
      }
    }
    opts.log(`  page load round ${r}: ${line.join('; ')}`);
  }
  const loadRatios = (a: string, b: string): LoadRatios => ({
    iframes50: summarize(pairedRatios(out.iframes50[a], out.iframes50[b])),
    blank200Load: summarize(pairedRatios(out.blank200Load[a], out.blank200Load[b])),
    blank200Settled: summarize(pairedRatios(out.blank200Settled[a], out.blank200Settled[b])),
  });
  const ratios: PageLoadResult['ratios'] = {};
  for (const s of specs.slice(1)) ratios[s.name] = loadRatios('none', s.name);
  const startup = await profileStartup(opts.origin, opts.extensionDir, opts.log);
  const dir = resolve(opts.extensionDir, 'content-scripts');
  return {
    rounds: opts.rounds,
    ...out,
    ratios,
    aboveFloor: loadRatios('floor', 'pushlens'),
    startup,
    bundleBytes: statSync(resolve(dir, 'page-agent.js')).size,
    // relay.js sits at the package root since it stopped being a WXT content-script entrypoint; a
    // --compare build from before has it in content-scripts/.
    relayBytes: statSync(existsSync(resolve(opts.extensionDir, 'relay.js')) ? resolve(opts.extensionDir, 'relay.js') : resolve(dir, 'relay.js')).size,
  };
}

/** Profiles one page load in the top frame's renderer and attributes the agent's evaluation to it. */
async function profileOne(b: RawBrowser, url: string, frames: number, settled: boolean): Promise<StartupSample> {
  const page = b.page;
  await page.send('Profiler.enable');
  // 50 µs: the agent runs ~1 ms per frame; the 1 ms default would sample it a handful of times.
  await page.send('Profiler.setSamplingInterval', { interval: 50 });
  await page.send('Profiler.start');
  await timeLoad(page, url, settled);
  const { profile } = await page.send<{ profile: CpuProfile }>('Profiler.stop');
  await page.send('Profiler.disable');
  const s = agentStartupFromProfile(profile, '/content-scripts/page-agent.js');
  const relay = agentStartupFromProfile(profile, '/relay.js');
  return { frames, totalUs: s.totalUs, perFrameUs: s.totalUs / frames, nodes: s.nodes, relayPerFrameUs: relay.totalUs / frames };
}

async function profileStartup(origin: string, extensionDir: string, log: (s: string) => void): Promise<PageLoadResult['startup']> {
  const b = await launchRaw({ extensionDir });
  try {
    // Same-origin navigations stay in one renderer, so the profiler started here sees the load.
    await navigate(b.page, `${origin}/frame.html`);
    // 25 same-origin frames + the top one share the profiled renderer; the cross-origin half runs elsewhere.
    const iframes50 = await profileOne(b, `${origin}/iframes50.html`, 26, false);
    const blank200 = await profileOne(b, `${origin}/blank200.html`, 201, true);
    log(
      `  agent start-up (CPU profile): ${iframes50.perFrameUs.toFixed(0)} µs/frame over ${iframes50.frames} frames of the 50-iframe page, ${blank200.perFrameUs.toFixed(0)} µs/frame over ${blank200.frames} frames of the about:blank page (relay ${iframes50.relayPerFrameUs.toFixed(0)} / ${blank200.relayPerFrameUs.toFixed(0)} µs/frame)`,
    );
    return { iframes50, blank200 };
  } finally {
    await b.close();
  }
}
