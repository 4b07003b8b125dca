// Context: shared (relay, panel, background). Names of the runtime Ports that reach the
// background: the background tells a relay from a panel by this name (and then checks the sender).
export const RELAY_PORT_NAME = 'pushlens-relay';
export const PANEL_PORT_NAME = 'pushlens-panel';
