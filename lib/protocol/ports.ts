// Context: shared (relay, panel, background). Names of the runtime Ports that reach the
// background: the background tells a relay from a panel by this name (and then checks the sender).
export const RELAY_PORT_NAME = 'pushlens-relay';
export const PANEL_PORT_NAME = 'pushlens-panel';

/**
 * chrome.storage.local key holding how many PushLens panels are open (the background writes it).
 * Relays connect to the background only while it is above 0: a page with no panel open costs no
 * runtime Port per frame (see lib/relay/relay.ts).
 */
export const PANELS_OPEN_KEY = 'pushlens.panelsOpen';

/** Whether a stored PANELS_OPEN_KEY value says a panel is open (anything else: none). */
export function panelsAreOpen(value: unknown): boolean {
  return typeof value === 'number' && value > 0;
}
