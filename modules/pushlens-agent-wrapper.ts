// Context: node (build). WXT local module: wraps the page agent's content script in one named
// function, `function __pushlensAgent(__pushlensBoot) { …the bundle… }`, called at once with no
// argument. A worker the page starts runs that same function again, from its own source, with a
// boot config (lib/page/agent-source.ts, lib/page/worker-wrap.ts): the agent is its own worker
// agent. Content scripts do not reach workers, and a MAIN-world script cannot load extension
// files, so the worker's code must be at hand inside the page; before this it was a second,
// worker-only bundle inlined as a string, a third of the agent's size.
import { addViteConfig, defineWxtModule } from 'wxt/modules';

const AGENT_FILE = 'content-scripts/page-agent.js';

export function wrapAgent(code: string): string {
  return `(function __pushlensAgent(__pushlensBoot){\n${code}\n})();\n`;
}

export default defineWxtModule({
  name: 'pushlens-agent-wrapper',
  setup(wxt) {
    addViteConfig(wxt, () => ({
      plugins: [
        {
          name: 'pushlens-agent-wrapper',
          // After minification: the wrapper's names must reach the output as written.
          enforce: 'post',
          generateBundle(_options: unknown, bundle: Record<string, { type: string; code?: string }>) {
            const chunk = bundle[AGENT_FILE];
            if (chunk?.type === 'chunk' && typeof chunk.code === 'string') chunk.code = wrapAgent(chunk.code);
          },
        },
      ],
    }));
  },
});
