// Context: node (test). Bundles a test page script (tests/browser/libs/pages/*.ts) together with
// the real client library it imports into one browser script, in memory, at test start: nothing
// generated is written to the repository.
import { build } from 'esbuild';
import { resolve } from 'node:path';

const PAGES_DIR = resolve(import.meta.dirname, 'pages');
const cache = new Map<string, Promise<string>>();

export function bundlePage(name: string): Promise<string> {
  let js = cache.get(name);
  if (!js) {
    js = build({
      entryPoints: [resolve(PAGES_DIR, `${name}.ts`)],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      // sockjs-client and debug are CommonJS written for browserify, which provided `global` and
      // `process.env`; esbuild does not, so they are mapped the way browserify did.
      define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"', 'process.env.DEBUG': 'undefined' },
      logLevel: 'silent',
    }).then((r) => r.outputFiles[0].text);
    cache.set(name, js);
  }
  return js;
}
