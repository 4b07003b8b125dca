// Context: background service worker. Routes messages between the relays of a tab's frames and
// that tab's DevTools panel. It keeps no captured history: agents hold it in their ring buffers,
// so a restarted service worker loses nothing (ports reconnect, the panel resyncs by sequence).
// Written against the Transport interface so it is unit-tested with fake ports.
import type { Transport } from '../transport/transport';
import {
  makeEnvelope,
  type PageToPanelMessage,
  type PanelToPageMessage,
  type BackgroundToPanelMessage,
  type PanelToBackgroundMessage,
  type AgentSettings,
} from '../protocol/envelope';

export type RelayTransport = Transport<PageToPanelMessage, PanelToPageMessage>;
export type PanelTransport = Transport<PanelToBackgroundMessage, BackgroundToPanelMessage>;

interface RelayEntry {
  tabId: number;
  frameId: number;
  documentId: string;
  transport: RelayTransport;
}

interface PanelEntry {
  tabId: number;
  transport: PanelTransport;
  settings: AgentSettings;
}

export class TabRouter {
  private relays = new Map<number, Set<RelayEntry>>();
  private panels = new Map<number, Set<PanelEntry>>();

  /**
   * `onPanelsChanged`: told the number of open panels (all tabs) when a panel closes, and when a
   * panel starts inspecting a tab (`openedFor`: that tab, whose active relays must be woken).
   */
  constructor(private onPanelsChanged: (count: number, openedFor?: number) => void = () => {}) {}

  /** Open panels, all tabs together. */
  panelCount(): number {
    let n = 0;
    for (const set of this.panels.values()) n += set.size;
    return n;
  }

  addRelay(tabId: number, frameId: number, documentId: string, transport: RelayTransport): void {
    const entry: RelayEntry = { tabId, frameId, documentId, transport };
    setOf(this.relays, tabId).add(entry);
    transport.listen((message) => {
      for (const panel of this.panels.get(tabId) ?? []) {
        panel.transport.post({ ...makeEnvelope('from-frame'), tabId, frameId, documentId, message });
      }
    });
    transport.onDisconnect(() => {
      this.relays.get(tabId)?.delete(entry);
      for (const panel of this.panels.get(tabId) ?? []) panel.transport.post({ ...makeEnvelope('frame-gone'), tabId, frameId, documentId });
    });
    const panel = first(this.panels.get(tabId));
    if (panel) transport.post({ ...makeEnvelope('attach'), settings: panel.settings });
  }

  addPanel(transport: PanelTransport): void {
    let entry: PanelEntry | undefined;
    transport.listen((message) => {
      if (message.type === 'panel-init') {
        if (entry) this.panels.get(entry.tabId)?.delete(entry);
        entry = { tabId: message.tabId, transport, settings: message.settings };
        setOf(this.panels, message.tabId).add(entry);
        this.onPanelsChanged(this.panelCount(), message.tabId);
        this.broadcast(message.tabId, { ...makeEnvelope('attach'), settings: message.settings });
        return;
      }
      if (!entry) return; // a panel must say which tab it inspects before anything else
      if (message.type === 'to-tab') {
        if (message.message.type === 'settings' || message.message.type === 'attach') entry.settings = message.message.settings;
        this.broadcast(entry.tabId, message.message);
      } else if (message.type === 'to-frame') {
        for (const relay of this.relays.get(entry.tabId) ?? []) {
          if (relay.frameId === message.frameId && (!message.documentId || relay.documentId === message.documentId))
            relay.transport.post(message.message);
        }
      }
    });
    transport.onDisconnect(() => {
      if (!entry) return;
      const set = this.panels.get(entry.tabId);
      if (set?.delete(entry)) this.onPanelsChanged(this.panelCount());
      // The last panel of the tab went away: agents stop streaming and only keep their ring buffers.
      if (!set || set.size === 0) this.broadcast(entry.tabId, makeEnvelope('detach'));
    });
  }

  relayCount(tabId: number): number {
    return this.relays.get(tabId)?.size ?? 0;
  }

  private broadcast(tabId: number, message: PanelToPageMessage): void {
    for (const relay of this.relays.get(tabId) ?? []) relay.transport.post(message);
  }
}

function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

function first<T>(set: Set<T> | undefined): T | undefined {
  if (!set) return undefined;
  for (const v of set) return v;
  return undefined;
}
