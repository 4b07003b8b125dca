// Context: dedicated worker (worker agent). Stands in for the page's Recorder inside a worker: the
// hooks emit records here and they go, in batches, to the page agent, which numbers and buffers
// them (so a worker that is terminated loses at most its last unsent batch). Until the page
// agent's port arrives (after the worker's top-level script ran) records wait here, bounded.
import type { UnsequencedRecord, CaptureRecord } from '../protocol/records';
import { DEFAULT_AGENT_SETTINGS, type AgentSettings } from '../protocol/envelope';
import type { WorkerToPage } from './worker-protocol';
import { natives, nowMs, arr } from './natives';
import { textPreview } from './payload';
import { resolveLazyFields } from './record-ring';

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
  emit(record: UnsequencedRecord): void {
    // Records cross to the page by structured clone: lazy fields (a Headers object) are listed now.
    arr.push(this.pending, resolveLazyFields(record as CaptureRecord) as UnsequencedRecord);
    if (!this.send) {
      if (this.pending.length > MAX_WAITING) {
        arr.shift(this.pending);
        this.dropped++;
      }
    } else if (this.pending.length >= BATCH_MAX_RECORDS) this.flush();
    else if (this.timer === undefined) this.timer = natives.setTimeout(() => this.flush(), FLUSH_DELAY_MS);
  }

  /** Same contract as Recorder.wsText; a worker's frames are few enough to be made records now. */
  wsText(conn: number, dir: 'in' | 'out', text: string, t = nowMs()): void {
    this.emit({ type: 'ws-frame', t, conn, dir, payload: textPreview(text, this.settings.previewBytes) });
  }

  /** Same contract as Recorder.sseEvent. */
  sseEvent(conn: number, event: string, id: string, text: string, t: number): void {
    this.emit({ type: 'sse-event', t, conn, event, id, payload: textPreview(text, this.settings.previewBytes) });
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
      let records = this.pending;
      if (records.length > BATCH_MAX_RECORDS) {
        records = arr.slice(this.pending, 0, BATCH_MAX_RECORDS);
        this.pending = arr.slice(this.pending, BATCH_MAX_RECORDS);
      } else this.pending = [];
      this.send({ kind: 'records', records, dropped: this.dropped });
      this.dropped = 0;
    }
  }
}
