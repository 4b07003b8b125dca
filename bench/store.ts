// Context: node (bench). Runs bench/store-bench.ts in a child node with --expose-gc (precise heap
// numbers need forced GCs), bundled with esbuild so no loader's own allocations are measured.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface StoreResult {
  frames: number;
  ingestMs: number;
  ingestCpuMs: number;
  bytesPerFrameTotal: number;
  bytesPerFrameBeyondPayload: number;
  filterSubstring: { ms: number; cpuMs: number; matches: number };
  filterSubstringLetters: { ms: number; cpuMs: number; matches: number };
  filterRegex: { ms: number; cpuMs: number; matches: number };
}

export async function runStoreBench(frames: number): Promise<StoreResult> {
  const outfile = resolve(import.meta.dirname, '.out/store-bench.mjs');
  await build({
    entryPoints: [resolve(import.meta.dirname, 'store-bench.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
    alias: { '@': resolve(import.meta.dirname, '..') },
  });
  const out = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', outfile], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_FRAMES: String(frames) },
    timeout: 300_000,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as StoreResult;
}
