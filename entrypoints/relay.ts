// Context: isolated-world content script, document_start, every frame. Thin shell around the
// relay in lib/relay: forwards page batches to the background and panel messages to the page.
//
// Declared in wxt.config.ts's manifest as a plain content script, not with defineContentScript:
// WXT wraps those in a ContentScriptContext that, in every frame, posts a window message and
// dispatches a DOM event the page can see, builds an AbortController and touches the Navigation
// API. Profiled on 200 about:blank frames that was a third of the relay's start-up, for features
// (invalidation on update, location watching) the relay does not use: it notices an orphaned
// extension itself when runtime.connect throws.
import { startRelay } from '../lib/relay/relay';

export default defineUnlistedScript(() => startRelay());
