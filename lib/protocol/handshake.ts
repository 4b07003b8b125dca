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
