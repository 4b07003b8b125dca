// Context: isolated-world content script, document_start, every frame. Thin shell around the
// relay in lib/relay: forwards page batches to the background and panel messages to the page.
import { startRelay } from '../lib/relay/relay';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main() {
    startRelay();
  },
});
