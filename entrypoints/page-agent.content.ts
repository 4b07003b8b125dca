// Context: page (MAIN world) content script, document_start, every frame. Thin shell: the agent
// lives in lib/page. It must run before the page's own scripts, hence a manifest MAIN-world
// script rather than an injected <script> tag.
import { installAgent } from '../lib/page/agent';

export default defineContentScript({
  matches: ['<all_urls>'],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main() {
    installAgent();
  },
});
