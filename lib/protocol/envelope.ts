// Context: shared (page agent, relay, background, panel). The one message envelope of PushLens.
// Every message carries `source` and protocol version `v`; guards check shape before anything
// trusts a message, because the page, iframes and other extensions can all post messages.
import type { CaptureRecord } from './records';
import { isCommandResult, type PanelCommand, type CommandResult } from './commands';
import type { AgentSettings } from './settings';
import { isObject } from '../util/guards';

// Where they were first declared; many files import them from here.
export { DEFAULT_AGENT_SETTINGS, type AgentSettings } from './settings';

export const ENVELOPE_SOURCE = 'pushlens';
export const PROTOCOL_VERSION = 1;

export interface Envelope<T extends string> {
  source: typeof ENVELOPE_SOURCE;
  v: number;
  type: T;
}

/** Messages an agent in a page frame sends towards the panel. */
export type PageToPanelMessage =
  | (Envelope<'hello'> & {
      agentId: string;
      url: string;
      isTop: boolean;
      /** Where the agent runs: a document, or a dedicated worker started by one. */
      realm: 'document' | 'worker';
      firstSeq: number;
      lastSeq: number;
      startedAt: number;
    })
  | (Envelope<'batch'> & {
      agentId: string;
      records: CaptureRecord[];
      /**
       * The records as one JSON array string (then `records` is empty). Extension messaging
       * serializes an object graph record by record at each hop, on the page's main thread first;
       * one string is copied whole (by structured clone in Chrome 148+ and Firefox; as escaped
       * JSON text in older Chrome).
       */
      packed?: string;
    })
  | (Envelope<'command-result'> & { agentId: string; result: CommandResult });

/** Messages the panel sends towards one agent (or all agents of the tab for `attach`/`detach`). */
export type PanelToPageMessage =
  | (Envelope<'attach'> & { settings: AgentSettings })
  | Envelope<'detach'>
  | (Envelope<'resync'> & { agentId: string; fromSeq: number })
  | (Envelope<'command'> & { agentId: string; commandId: string; command: PanelCommand })
  | (Envelope<'settings'> & { settings: AgentSettings });

export function makeEnvelope<T extends string>(type: T): Envelope<T> {
  return { source: ENVELOPE_SOURCE, v: PROTOCOL_VERSION, type };
}

export function isEnvelope(x: unknown): x is Envelope<string> {
  return isObject(x) && x.source === ENVELOPE_SOURCE && x.v === PROTOCOL_VERSION && typeof x.type === 'string';
}

const PAGE_TO_PANEL_TYPES = new Set(['hello', 'batch', 'command-result']);
const PANEL_TO_PAGE_TYPES = new Set(['attach', 'detach', 'resync', 'command', 'settings']);

export function isPageToPanelMessage(x: unknown): x is PageToPanelMessage {
  if (!isEnvelope(x) || !PAGE_TO_PANEL_TYPES.has(x.type)) return false;
  const m = x as unknown as Record<string, unknown>;
  if (typeof m.agentId !== 'string') return false;
  if (x.type === 'batch') return Array.isArray(m.records);
  if (x.type === 'hello') return typeof m.lastSeq === 'number' && typeof m.firstSeq === 'number';
  return isCommandResult(m.result);
}

export function isPanelToPageMessage(x: unknown): x is PanelToPageMessage {
  if (!isEnvelope(x) || !PANEL_TO_PAGE_TYPES.has(x.type)) return false;
  const m = x as unknown as Record<string, unknown>;
  if (x.type === 'resync') return typeof m.agentId === 'string' && typeof m.fromSeq === 'number';
  if (x.type === 'command') return typeof m.agentId === 'string' && typeof m.commandId === 'string' && isObject(m.command);
  if (x.type === 'attach' || x.type === 'settings') return isObject(m.settings);
  return true;
}

// ---- background <-> panel ----

/** What the background sends a panel: a page message tagged with the frame it came from. */
export type BackgroundToPanelMessage =
  | (Envelope<'from-frame'> & { tabId: number; frameId: number; documentId: string; message: PageToPanelMessage })
  /** The relay of that frame disconnected: its document unloaded (or entered the back/forward cache). */
  | (Envelope<'frame-gone'> & { tabId: number; frameId: number; documentId: string });

/** What a panel sends the background. */
export type PanelToBackgroundMessage =
  | (Envelope<'panel-init'> & { tabId: number; settings: AgentSettings })
  | (Envelope<'to-frame'> & { frameId: number; documentId?: string; message: PanelToPageMessage })
  | (Envelope<'to-tab'> & { message: PanelToPageMessage });

export function isPanelToBackgroundMessage(x: unknown): x is PanelToBackgroundMessage {
  if (!isEnvelope(x)) return false;
  const m = x as unknown as Record<string, unknown>;
  if (x.type === 'panel-init') return typeof m.tabId === 'number' && isObject(m.settings);
  if (x.type === 'to-frame')
    return typeof m.frameId === 'number' && (m.documentId === undefined || typeof m.documentId === 'string') && isPanelToPageMessage(m.message);
  if (x.type === 'to-tab') return isPanelToPageMessage(m.message);
  return false;
}

export function isBackgroundToPanelMessage(x: unknown): x is BackgroundToPanelMessage {
  if (!isEnvelope(x)) return false;
  const m = x as unknown as Record<string, unknown>;
  if (x.type === 'from-frame') return typeof m.frameId === 'number' && typeof m.documentId === 'string' && isPageToPanelMessage(m.message);
  if (x.type === 'frame-gone') return typeof m.frameId === 'number' && typeof m.documentId === 'string';
  return false;
}
