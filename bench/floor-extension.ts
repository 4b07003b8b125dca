// Context: node (bench). The page-load rows' floor: an unpacked extension that declares exactly
// PushLens's content scripts (copied from the built manifest: same matches, worlds, run_at,
// all_frames, about:blank and origin-fallback flags) but whose scripts are empty, plus an empty
// service worker (bench/launch.ts waits for one). A page pays it what Chrome charges any extension
// that runs a script in every frame at document_start (injection, a second JavaScript world per
// frame for the isolated script) and nothing of PushLens's code. Measured beside PushLens, it splits
// the page-load ratio into Chrome's part and ours.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

interface ContentScript {
  js?: string[];
  [flag: string]: unknown;
}

/** Writes the floor extension for the PushLens build in `extensionDir` and returns its folder. */
export function writeFloorExtension(extensionDir: string, into = join(tmpdir(), 'pushlens-bench-floor')): string {
  const built = JSON.parse(readFileSync(resolve(extensionDir, 'manifest.json'), 'utf8')) as { content_scripts?: ContentScript[] };
  const scripts = built.content_scripts ?? [];
  if (!scripts.some((s) => s.js?.length)) throw new Error(`${extensionDir}/manifest.json declares no content script to mirror`);
  rmSync(into, { recursive: true, force: true });
  mkdirSync(into, { recursive: true });
  for (const s of scripts)
    for (const file of s.js ?? []) {
      mkdirSync(dirname(join(into, file)), { recursive: true });
      writeFileSync(join(into, file), '// empty: the page-load floor\n');
    }
  writeFileSync(join(into, 'background.js'), '// empty: bench/launch.ts waits for a service worker\n');
  const manifest = {
    manifest_version: 3,
    name: 'PushLens bench floor (empty content scripts)',
    version: '1.0',
    background: { service_worker: 'background.js' },
    content_scripts: scripts,
  };
  writeFileSync(join(into, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return into;
}
