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
import { PANEL_PORT_NAME, RELAY_PORT_NAME } from '../lib/protocol/ports';

export default defineBackground(() => {
  const router = new TabRouter();
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
