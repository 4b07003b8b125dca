// Context: panel (DevTools panel page). Connects to the background for the inspected tab, feeds
// agent records into the Session, asks agents to resync on gaps, and reconnects when the service
// worker restarts. Written against the Transport interface; `connectPanel` wires the real port.
import {
  makeEnvelope,
  isBackgroundToPanelMessage,
  type AgentSettings,
  type BackgroundToPanelMessage,
  type PanelToBackgroundMessage,
  type PanelToPageMessage,
} from '../protocol/envelope';
import type { PanelCommand, CommandResult, CommandResultOf } from '../protocol/commands';
import type { CaptureRecord } from '../protocol/records';
import type { Transport } from '../transport/transport';
import { runtimePortTransport } from '../transport/runtime-port';
import { PANEL_PORT_NAME } from '../protocol/ports';
import type { Session } from '../store/session';
import { markFrameGone } from '../store/frame-gone';

export { PANEL_PORT_NAME };
const RECONNECT_DELAY_MS = 100;
const COMMAND_TIMEOUT_MS = 5000;
const GONE = 'The page that owns this connection is gone (navigated away or closed).';

export type PanelTransport = Transport<BackgroundToPanelMessage, PanelToBackgroundMessage>;

export interface PanelLinkOptions {
  tabId: number;
  session: Session;
  settings: () => AgentSettings;
  /** Creates a fresh transport to the background (called again after a disconnect). */
  open: () => PanelTransport;
  /** Whether incoming records are applied (the record/pause switch). */
  recording: () => boolean;
}

interface PendingCommand {
  agentId: string;
  done: (r: CommandResult) => void;
}

export class PanelLink {
  private transport: PanelTransport | undefined;
  private pending = new Map<string, PendingCommand>();
  private nextCommand = 1;
  private closed = false;
  reconnects = 0;

  constructor(private opts: PanelLinkOptions) {}

  start(): void {
    this.connect();
  }

  stop(): void {
    this.closed = true;
  }

  private connect(): void {
    if (this.closed) return;
    const t = this.opts.open();
    this.transport = t;
    t.listen((m) => this.onMessage(m));
    t.onDisconnect(() => {
      if (this.transport !== t) return;
      this.transport = undefined;
      this.reconnects++;
      setTimeout(() => this.connect(), RECONNECT_DELAY_MS);
    });
    t.post({ ...makeEnvelope('panel-init'), tabId: this.opts.tabId, settings: this.opts.settings() });
  }

  private toFrame(frameId: number, documentId: string, message: PanelToPageMessage): void {
    this.transport?.post({ ...makeEnvelope('to-frame'), frameId, documentId, message });
  }

  /** Sends new capture settings to every agent of the tab. */
  pushSettings(settings: AgentSettings): void {
    this.transport?.post({ ...makeEnvelope('to-tab'), message: { ...makeEnvelope('settings'), settings } });
  }

  /** Runs a command in the agent that owns the connection; resolves with the agent's answer. */
  command<C extends PanelCommand>(agentId: string, command: C): Promise<CommandResultOf<C['kind']>> {
    const agent = this.opts.session.agents.get(agentId);
    const commandId = `c${this.nextCommand++}`;
    if (!agent || agent.gone || !this.transport) return Promise.resolve({ commandId, ok: false, error: GONE });
    // The agent answers with the result of the command it was sent (by commandId), hence the cast.
    return new Promise<CommandResult>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(commandId);
        resolve({ commandId, ok: false, error: 'The page did not answer within 5 s (is it frozen or navigating?).' });
      }, COMMAND_TIMEOUT_MS);
      this.pending.set(commandId, {
        agentId,
        done: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
      this.toFrame(agent.frameId, agent.documentId, { ...makeEnvelope('command'), agentId, commandId, command });
    }) as Promise<CommandResultOf<C['kind']>>;
  }

  /** Commands waiting on an answer (for tests and diagnostics). */
  get pendingCommands(): number {
    return this.pending.size;
  }

  private onMessage(m: BackgroundToPanelMessage): void {
    const session = this.opts.session;
    if (m.type === 'frame-gone') {
      const gone = new Set(markFrameGone(session, m.frameId, m.documentId, Date.now()));
      // Their answers can no longer come: fail them now rather than after the timeout.
      for (const [commandId, p] of this.pending)
        if (gone.has(p.agentId)) {
          this.pending.delete(commandId);
          p.done({ commandId, ok: false, error: GONE });
        }
      return;
    }
    const msg = m.message;
    if (msg.type === 'hello') {
      const agent = session.agentHello(m.frameId, m.documentId, msg.agentId, msg.url, msg.isTop, msg.realm);
      agent.gone = undefined; // back from the back/forward cache
      agent.frameId = m.frameId;
      agent.documentId = m.documentId;
      agent.awaitingFrom = agent.lastSeq + 1;
      this.toFrame(m.frameId, m.documentId, { ...makeEnvelope('resync'), agentId: msg.agentId, fromSeq: agent.lastSeq + 1 });
    } else if (msg.type === 'batch') {
      const records = msg.packed === undefined ? msg.records : unpack(msg.packed);
      const result = session.ingest(m.frameId, m.documentId, msg.agentId, records, this.opts.recording());
      if (result.resyncFrom !== undefined)
        this.toFrame(m.frameId, m.documentId, { ...makeEnvelope('resync'), agentId: msg.agentId, fromSeq: result.resyncFrom });
    } else if (msg.type === 'command-result') {
      const p = this.pending.get(msg.result.commandId);
      // Only the agent the command went to may answer it.
      if (p && p.agentId === msg.agentId) {
        this.pending.delete(msg.result.commandId);
        p.done(msg.result);
      }
    }
  }
}

/** Records of a packed batch; anything malformed counts as an empty batch (the seq gap then asks for a resync). */
function unpack(packed: unknown): CaptureRecord[] {
  if (typeof packed !== 'string') return [];
  try {
    const records: unknown = JSON.parse(packed);
    return Array.isArray(records) ? (records as CaptureRecord[]) : [];
  } catch {
    return [];
  }
}

/** The real transport: a runtime Port to the background. */
export function openRuntimeTransport(): PanelTransport {
  const port = chrome.runtime.connect({ name: PANEL_PORT_NAME });
  return runtimePortTransport<BackgroundToPanelMessage, PanelToBackgroundMessage>(port, isBackgroundToPanelMessage);
}
