// Context: background service worker. Thin shell: accepts relay and panel ports and hands them
// to the TabRouter (lib/background/router.ts).
import { TabRouter } from '../lib/background/router';
import { runtimePortTransport } from '../lib/transport/runtime-port';
import {
  isPageToPanelMessage,
  isPanelToBackgroundMessage,
  type PageToPanelMessage,
  type PanelToPageMessage,
  type PanelToBackgroundMessage,
  type BackgroundToPanelMessage,
} from '../lib/protocol/envelope';
import { PANEL_PORT_NAME, PANELS_OPEN_KEY, RELAY_PORT_NAME } from '../lib/protocol/ports';
import { WAKE_RELAYS } from '../lib/protocol/handshake';

export default defineBackground(() => {
  // Relays connect only while a panel is open (lib/relay/relay.ts). A background that (re)starts
  // has no panel yet: panels that are still open reconnect and count themselves again. A panel
  // that opens wakes its tab's relays once the count is stored: a relay starting after the wake
  // then reads a count that says a panel is open.
  const publishPanels = (count: number, openedFor?: number) =>
    void chrome.storage.local
      .set({ [PANELS_OPEN_KEY]: count })
      .catch(() => {})
      .then(() => {
        if (openedFor !== undefined) return chrome.tabs.sendMessage(openedFor, WAKE_RELAYS);
      })
      // A tab with no relay listening (a browser page, a tab being closed) has no receiver.
      .catch(() => {});
  publishPanels(0);
  const router = new TabRouter(publishPanels);
  chrome.runtime.onConnect.addListener((port) => {
    if (port.name === RELAY_PORT_NAME) {
      const tabId = port.sender?.tab?.id;
      if (tabId === undefined) return port.disconnect();
      const transport = runtimePortTransport<PageToPanelMessage, PanelToPageMessage>(port, isPageToPanelMessage);
      router.addRelay(tabId, port.sender?.frameId ?? 0, port.sender?.documentId ?? '', transport);
    } else if (port.name === PANEL_PORT_NAME) {
      // Only our own extension pages may act as a panel; content scripts have a tab sender.
      if (port.sender?.tab || port.sender?.id !== chrome.runtime.id) return port.disconnect();
      router.addPanel(runtimePortTransport<PanelToBackgroundMessage, BackgroundToPanelMessage>(port, isPanelToBackgroundMessage));
    }
  });
});
