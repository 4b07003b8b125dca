// Context: node (build). WXT local module: makes the worker agent's bundled code available to the
// page agent as a string (`import code from 'virtual:pushlens-worker-agent'`). Content scripts do
// not reach workers, so the page agent starts each dedicated worker from a blob that runs this code
// first; the code must be inline because a MAIN-world script cannot load extension files.
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { defineWxtModule, addViteConfig } from 'wxt/modules';

const VIRTUAL_ID = 'virtual:pushlens-worker-agent';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

export default defineWxtModule({
  name: 'pushlens-worker-agent',
  setup(wxt) {
    const entry = resolve(wxt.config.root, 'lib/page/worker-main.ts');
    addViteConfig(wxt, () => ({
      plugins: [
        {
          name: 'pushlens-worker-agent',
          resolveId(id: string) {
            return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
          },
          async load(id: string) {
            if (id !== RESOLVED_ID) return undefined;
            const out = await build({
              entryPoints: [entry],
              bundle: true,
              write: false,
              format: 'iife',
              platform: 'browser',
              target: 'es2022',
              minify: true,
              legalComments: 'none',
              metafile: true,
              // The bench self-check's plant constant (wxt.config.ts defines it for the Vite builds).
              define: { __PUSHLENS_PLANT__: JSON.stringify(process.env.WXT_PUSHLENS_PLANT ?? '') },
            });
            // Rebuild in dev when any worker-agent source changes.
            for (const file of Object.keys(out.metafile.inputs)) this.addWatchFile(resolve(wxt.config.root, file));
            return `export default ${JSON.stringify(out.outputFiles[0].text)};`;
          },
        },
      ],
    }));
  },
});
