// Context: panel. Statuses and timings of what DevTools recorded before the panel was shown.
// onRequestFinished only reports requests that finish while the panel listens, so a WebSocket
// refused with 403 while DevTools sat on another tab would stay a bare 1006. getHAR() has it.
// But Chrome's log holds every message of every socket and event stream, and taking it in is one
// task on the panel's main thread (as for one big entry, see network-gate.ts), so the log is asked
// for once, after the agents' history has arrived, and only when the streams it would carry are
// small enough; otherwise the panel does without (README: known limits).
import type { Session } from '../store/session';
import { entryCostMs, isStream } from './network-gate';
import type { HarEntryLike } from './network-entry';

export interface HarLog {
  entries: unknown[];
}

/** Time for the agents' replay of their rings to reach the session, so the estimate below sees the streams. */
export const HISTORY_DELAY_MS = 1000;
/** The longest task taking in the log may cost (the panel's "no task over 50 ms" target). */
export const HISTORY_BUDGET_MS = 50;

/** What DevTools' log would cost to take in: every message and byte of every stream it carries. */
export function harCostMs(session: Session): number {
  let messages = 0;
  let bytes = 0;
  for (const c of session.connections) {
    if (!isStream(c)) continue;
    messages += c.framesIn + c.framesOut;
    bytes += c.payloadBytes;
  }
  return entryCostMs(messages, bytes);
}

export class HistoryJoin {
  /** waiting → requested → joined; skipped when too costly; unavailable without getHAR. */
  state: 'waiting' | 'requested' | 'joined' | 'skipped' | 'unavailable' = 'waiting';
  /** Entries in the log when it was taken. */
  entries = 0;
  /** The estimate the decision was made on. */
  estimatedMs = 0;
  private startedAt: number | undefined;

  constructor(
    private session: Session,
    private network: { getHAR?(callback: (log: HarLog) => void): void },
    private onEntries: (entries: HarEntryLike[]) => void,
  ) {}

  /** Called with the gate's verdict a few times a second; asks for the log once, when it is time. */
  tick(now: number, gateOpen: boolean): void {
    if (this.state !== 'waiting') return;
    if (!this.network.getHAR) {
      this.state = 'unavailable';
      return;
    }
    this.startedAt ??= now;
    // A heavy stream still open would be in the log: wait for it (it then counts in the estimate).
    if (now - this.startedAt < HISTORY_DELAY_MS || !gateOpen) return;
    this.estimatedMs = harCostMs(this.session);
    if (this.estimatedMs > HISTORY_BUDGET_MS) {
      this.state = 'skipped';
      return;
    }
    this.state = 'requested';
    this.network.getHAR((log) => {
      const entries = (Array.isArray(log?.entries) ? log.entries : []) as HarEntryLike[];
      this.entries = entries.length;
      this.state = 'joined';
      this.onEntries(entries);
    });
  }
}
