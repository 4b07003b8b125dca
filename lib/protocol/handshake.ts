// Context: shared (page agent, relay). Names of the two DOM events of the document_start
// handshake that hands the relay a private MessagePort. See lib/page/port-link.ts for why it is safe.
export const RELAY_READY_EVENT = 'pushlens:relay-ready';
export const CONNECT_EVENT = 'pushlens:connect';

/**
 * True while no page script can have run: document_start scripts run when the root element has
 * just been created and is still empty; the parser creates <head> before it runs any script.
 */
export function beforePageScripts(): boolean {
  const root = document.documentElement;
  return root === null || root.firstElementChild === null;
}

/**
 * What the agent posts on its private port (a plain string, not a panel message) when its frame
 * first has something to capture: only then does the relay read chrome.storage (settings, and
 * whether a panel is open). Instantiating chrome.storage's bindings was the largest part of a
 * frame's relay start-up, paid by every frame of every page; most subframes capture nothing.
 */
export const AGENT_ACTIVE = 'pushlens:agent-active';

/** What the background sends a tab's relays (runtime.onMessage) when a panel opens for the tab: active relays connect. */
export const WAKE_RELAYS = 'pushlens:wake-relays';
