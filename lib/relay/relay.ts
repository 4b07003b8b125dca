// Context: isolated-world content script. The relay is deliberately dumb: it takes the private
// MessagePort from the page agent during document_start (see lib/page/port-link.ts) and copies
// messages between that port and a runtime Port to the background. If the background's service
// worker stops, the runtime Port breaks; the relay reconnects and the panel resyncs by sequence.
//
// The runtime Port is opened only while a PushLens panel is open (PANELS_OPEN_KEY, written by the
// background): every frame of every page starts a relay, and a Port per frame (an IPC round trip,
// a background woken up, a router entry) is a cost pages would pay all day for nothing. Until a
// panel attaches, the agent sends nothing: it keeps its history in its ring.
import { CONNECT_EVENT, RELAY_READY_EVENT, beforePageScripts } from '../protocol/handshake';
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
  /** Whether a panel is open, from storage; without storage the relay always connects. */
  let panelsOpen = !chrome.storage?.local;

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
      setTimeout(connectRuntime, RECONNECT_DELAY_MS);
    });
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
      if (!runtimePort) return;
      const message = toForwarded(data);
      if (message) runtimePort.postMessage(message);
    };
    connectRuntime();
    // One read: stored capture settings (in-page buffer size...) apply before any panel attaches,
    // and whether a panel is open already.
    chrome.storage?.local
      ?.get([AGENT_SETTINGS_KEY, PANELS_OPEN_KEY])
      .then((stored) => {
        if (stored[AGENT_SETTINGS_KEY])
          pagePort?.postMessage({ ...makeEnvelope('settings'), settings: sanitizeAgentSettings(stored[AGENT_SETTINGS_KEY]) });
        if (panelsAreOpen(stored[PANELS_OPEN_KEY])) panelsOpen = true;
        connectRuntime();
      })
      .catch(() => {
        panelsOpen = true;
        connectRuntime();
      });
    chrome.storage?.onChanged?.addListener((changes, area) => {
      if (area !== 'local' || !(PANELS_OPEN_KEY in changes)) return;
      panelsOpen = panelsAreOpen(changes[PANELS_OPEN_KEY].newValue);
      connectRuntime();
    });
  };
  window.addEventListener(CONNECT_EVENT, onConnect, true);
  window.dispatchEvent(new Event(RELAY_READY_EVENT));
  // If no agent answered during document_start, none will: stop listening.
  setTimeout(() => window.removeEventListener(CONNECT_EVENT, onConnect, true), 0);
}
