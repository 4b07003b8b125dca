// Context: isolated-world content script. The relay is deliberately dumb: it takes the private
// MessagePort from the page agent during document_start (see lib/page/port-link.ts) and copies
// messages between that port and a runtime Port to the background. If the background's service
// worker stops, the runtime Port breaks; the relay reconnects and the panel resyncs by sequence.
//
// Every frame of every page starts a relay, so it costs as little as it can until a panel needs it:
//  - The runtime Port is opened only while a PushLens panel is open: a Port per frame (an IPC round
//    trip, a background woken up, a router entry) would be a cost pages paid all day for nothing.
//    Until a panel attaches, the agent sends nothing: it keeps its history in its ring.
//  - No extension API is touched until the agent says its frame has something to capture
//    (AGENT_ACTIVE: the top frame at once, a subframe at its first connection or worker). Then the
//    relay listens for wakes and reads chrome.storage (stored settings, PANELS_OPEN_KEY) once.
//    Instantiating the chrome.storage and chrome.runtime bindings was, profiled on 200 about:blank
//    frames, most of a relay's start-up; most subframes (ads, widgets, about:blank) never need them.
//    A subframe that never captured anything is not in the panel: it has nothing to show.
//  - A panel that opens later wakes the active relays of its tab (WAKE_RELAYS, runtime.onMessage).
//    The background sends the wake after it has stored the panel count, so a relay that starts
//    listening after the wake reads a count that says a panel is open.
import { AGENT_ACTIVE, CONNECT_EVENT, RELAY_READY_EVENT, WAKE_RELAYS, beforePageScripts } from '../protocol/handshake';
import { isPanelToPageMessage, makeEnvelope } from '../protocol/envelope';
import { toForwarded } from './forward';
import { AGENT_SETTINGS_KEY, sanitizeAgentSettings } from '../protocol/settings';
import { RELAY_PORT_NAME, PANELS_OPEN_KEY, panelsAreOpen } from '../protocol/ports';

export { RELAY_PORT_NAME };
const RECONNECT_DELAY_MS = 100;

export function startRelay(): void {
  let pagePort: MessagePort | undefined;
  let runtimePort: chrome.runtime.Port | undefined;
  let stopped = false;
  let panelsOpen = false;
  let active = false;

  const connectRuntime = () => {
    if (stopped || runtimePort || !pagePort || !panelsOpen) return;
    try {
      runtimePort = chrome.runtime.connect({ name: RELAY_PORT_NAME });
    } catch {
      // The extension was reloaded or removed: this relay is orphaned for good.
      stopped = true;
      return;
    }
    runtimePort.onMessage.addListener((m: unknown) => {
      if (isPanelToPageMessage(m)) pagePort?.postMessage(m);
    });
    runtimePort.onDisconnect.addListener(() => {
      runtimePort = undefined;
      // The background's service worker stopped (or restarted): reconnect only if a panel is
      // still open, so a frame does not keep waking the background all day after the user closed
      // the panel. A panel that opens later wakes this relay.
      panelsOpen = false;
      setTimeout(() => readStored([PANELS_OPEN_KEY]), RECONNECT_DELAY_MS);
    });
  };

  // Reads `keys` from storage: stored settings go to the agent, and an open panel connects.
  // Without storage the relay cannot know: it connects, and the background attaches or ignores it.
  const readStored = (keys: string[]) => {
    const local = chrome.storage?.local;
    if (!local) return panelOpened();
    local
      .get(keys)
      .then((stored) => {
        if (stored[AGENT_SETTINGS_KEY])
          pagePort?.postMessage({ ...makeEnvelope('settings'), settings: sanitizeAgentSettings(stored[AGENT_SETTINGS_KEY]) });
        if (panelsAreOpen(stored[PANELS_OPEN_KEY])) panelOpened();
      })
      .catch(panelOpened);
  };

  const panelOpened = () => {
    panelsOpen = true;
    connectRuntime();
  };

  // The agent said its frame has something to capture: from now on a panel may want it. Listen
  // for wakes first, then read the stored settings and whether a panel is open already, so a
  // panel that opens in between is heard one way or the other.
  const activate = () => {
    if (active) return;
    active = true;
    // Only the extension itself can reach this listener (pages cannot message content scripts).
    chrome.runtime.onMessage.addListener((message: unknown, sender) => {
      if (message === WAKE_RELAYS && sender.id === chrome.runtime.id) panelOpened();
    });
    readStored([AGENT_SETTINGS_KEY, PANELS_OPEN_KEY]);
  };

  const onConnect = (event: Event) => {
    if (pagePort || !(event instanceof MessageEvent) || event.ports.length !== 1) return;
    // Accept only during document_start: a page script cannot have run yet.
    if (!beforePageScripts()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    pagePort = event.ports[0];
    window.removeEventListener(CONNECT_EVENT, onConnect, true);
    pagePort.onmessage = (e) => {
      // Read `data` once: outside the main world, Blink deserializes the message again on every read.
      const data: unknown = e.data;
      if (data === AGENT_ACTIVE) return activate();
      if (!runtimePort) return;
      const message = toForwarded(data);
      if (message) runtimePort.postMessage(message);
    };
  };
  window.addEventListener(CONNECT_EVENT, onConnect, true);
  window.dispatchEvent(new Event(RELAY_READY_EVENT));
  // If no agent answered during document_start, none will: stop listening.
  setTimeout(() => window.removeEventListener(CONNECT_EVENT, onConnect, true), 0);
}
