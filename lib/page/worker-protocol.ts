// Context: shared by the page agent (MAIN world) and the worker agent (inside a dedicated worker
// the page starts). The private messages on the MessageChannel between them. The channel's port
// reaches the worker in the very first message the page agent posts to it, before the page's own
// code can post or listen, and both ends live only in closures.
import type { UnsequencedRecord } from '../protocol/records';
import type { AgentSettings } from '../protocol/envelope';
import { isObject } from '../util/guards';
import type { PanelCommand, CommandResult } from '../protocol/commands';

/** Baked into the worker's bootstrap blob: what the worker agent must know before the page's script runs. */
export interface WorkerBootConfig {
  /** The URL the page asked for (absolute): the worker's self.location and base URL. */
  url: string;
  type: 'classic' | 'module';
  /** Marker the first message carries, so the agent knows which message holds its port. */
  mark: string;
}

export type WorkerToPage =
  | { kind: 'ready' }
  /** Records without sequence numbers: the page side stamps them (one Recorder per worker). */
  | { kind: 'records'; records: UnsequencedRecord[]; dropped: number }
  | { kind: 'result'; result: CommandResult };

export type PageToWorker = { kind: 'settings'; settings: AgentSettings } | { kind: 'command'; commandId: string; command: PanelCommand };

/** Captured when the agent loads: the page may replace Array.isArray later. */
const isArray = Array.isArray;

/** The worker's code is the page's code: its messages are shape-checked like any untrusted input. */
export function isWorkerToPage(x: unknown): x is WorkerToPage {
  if (!isObject(x)) return false;
  if (x.kind === 'ready') return true;
  if (x.kind === 'records') return isArray(x.records) && typeof x.dropped === 'number' && x.dropped >= 0;
  if (x.kind === 'result') return isObject(x.result) && typeof x.result.commandId === 'string';
  return false;
}

export function isPageToWorker(x: unknown): x is PageToWorker {
  if (!isObject(x)) return false;
  if (x.kind === 'settings') return isObject(x.settings);
  if (x.kind === 'command') return typeof x.commandId === 'string' && isObject(x.command);
  return false;
}
