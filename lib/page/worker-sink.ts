// Context: dedicated worker (worker agent). Stands in for the page's Recorder inside a worker: the
// hooks emit records here and they go, in batches, to the page agent, which numbers and buffers
// them (so a worker that is terminated loses at most its last unsent batch). Until the page
// agent's port arrives (after the worker's top-level script ran) records wait here, bounded.
import type { UnsequencedRecord, CaptureRecord } from '../protocol/records';
import { DEFAULT_AGENT_SETTINGS, type AgentSettings } from '../protocol/envelope';
import type { WorkerToPage } from './worker-protocol';
import { natives } from './natives';

const BATCH_MAX_RECORDS = 2000;
const FLUSH_DELAY_MS = 30;
/** Records kept while no port exists yet; beyond this the oldest are dropped and counted. */
const MAX_WAITING = 50_000;

export class WorkerSink {
  settings: AgentSettings = { ...DEFAULT_AGENT_SETTINGS };
  private nextConn = 1;
  private pending: UnsequencedRecord[] = [];
  private dropped = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private send: ((m: WorkerToPage) => void) | undefined;

  newConnectionId(): number {
    return this.nextConn++;
  }

  /** Same contract as Recorder.emit for the hooks; the seq is set on the page side. */
  emit(record: UnsequencedRecord): CaptureRecord {
    this.pending.push(record);
    if (!this.send) {
      if (this.pending.length > MAX_WAITING) {
        this.pending.shift();
        this.dropped++;
      }
    } else if (this.pending.length >= BATCH_MAX_RECORDS) this.flush();
    else if (this.timer === undefined) this.timer = natives.setTimeout(() => this.flush(), FLUSH_DELAY_MS);
    return record as CaptureRecord;
  }

  connect(send: (m: WorkerToPage) => void): void {
    this.send = send;
    this.flush();
  }

  flush(): void {
    if (this.timer !== undefined) {
      natives.clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (!this.send || (this.pending.length === 0 && this.dropped === 0)) return;
    while (this.pending.length > 0 || this.dropped > 0) {
      const records = this.pending.length > BATCH_MAX_RECORDS ? this.pending.splice(0, BATCH_MAX_RECORDS) : this.pending;
      if (records === this.pending) this.pending = [];
      this.send({ kind: 'records', records, dropped: this.dropped });
      this.dropped = 0;
    }
  }
}
