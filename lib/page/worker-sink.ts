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

/** Reused descriptor with no prototype (see Recorder's SEQ). */
const COST = { __proto__: null, value: 0, writable: true, enumerable: true, configurable: true } as unknown as PropertyDescriptor;

export class WorkerSink {
  settings: AgentSettings = { ...DEFAULT_AGENT_SETTINGS };
  private nextConn = 1;
  private pending: UnsequencedRecord[] = [];
  private dropped = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private send: ((m: WorkerToPage) => void) | undefined;
  /** Records emitted so far; pending[k] is record number `sent + k + 1` (tokens for handlerCost). */
  private emitted = 0;
  private sent = 0;

  newConnectionId(): number {
    return this.nextConn++;
  }

  /** Same contract as Recorder.emit for the hooks; the seq is set on the page side. */
  emit(record: UnsequencedRecord): void {
    // Records cross to the page by structured clone: lazy fields (a Headers object) are listed now.
    arr.push(this.pending, resolveLazyFields(record as CaptureRecord) as UnsequencedRecord);
    this.emitted++;
    if (!this.send) {
      if (this.pending.length > MAX_WAITING) {
        arr.shift(this.pending);
        this.sent++;
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

  /** Same contract as Recorder.lastToken: the worker's own count (the page side numbers records). */
  get lastToken(): number {
    return this.emitted;
  }

  /**
   * Same contract as Recorder.handlerCost, for a frame still waiting here (it leaves within 30 ms,
   * after its dispatch); the cost of one already sent is not known to the panel.
   */
  handlerCost(token: number, ms: number): void {
    const k = token - this.sent - 1;
    // Bounds first: a read past the end would look the index up on the worker's Array.prototype.
    if (k < 0 || k >= this.pending.length) return;
    const r = this.pending[k] as { type?: string };
    if (r.type !== 'ws-frame' && r.type !== 'sse-event') return;
    // Read as an own property: a plain read would reach a getter the worker's code put on Object.prototype.
    const was = natives.getOwnPropertyDescriptor(r, 'handlerMs')?.value as number | undefined;
    COST.value = natives.round(((was ?? 0) + ms) * 100) / 100;
    natives.defineProperty(r, 'handlerMs', COST);
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
      this.sent += records.length;
      this.send({ kind: 'records', records, dropped: this.dropped });
      this.dropped = 0;
    }
  }
}
