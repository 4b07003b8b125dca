// Context: page (MAIN world) content script, document_start, every frame. Thin shell: the agent
// lives in lib/page. It must run before the page's own scripts, hence a manifest MAIN-world
// script rather than an injected <script> tag.
import { installAgent } from '../lib/page/agent';
import { installWorkerAgent } from '../lib/page/worker-agent';
import { workerBoot } from '../lib/page/agent-source';

export default defineContentScript({
  matches: ['<all_urls>'],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main() {
    // The same bundle is the worker agent: a worker started by the page runs it again with its
    // boot config (lib/page/agent-source.ts).
    const boot = workerBoot();
    if (!boot) return installAgent();
    try {
      installWorkerAgent(boot);
    } catch {
      /* never break the page's worker */
    }
  },
});
