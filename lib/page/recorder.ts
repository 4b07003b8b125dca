// Context: page (MAIN world). Stamps records with sequence numbers, keeps them in the ring
// buffer and, only while a panel is attached, sends them in batches. With no panel attached a
// text frame costs a few column writes (record-ring.ts); record objects are built when a panel
// reads them. A batch leaves as one JSON string when the owner can send packed batches:
// profiled, serializing thousands of record objects through the relay's runtime port cost ~17 µs
// per record on the page's main thread; one string costs ~1.
import type { CaptureRecord, UnsequencedRecord } from '../protocol/records';
import { DEFAULT_AGENT_SETTINGS, type AgentSettings } from '../protocol/envelope';
import { RecordRing, resolveLazyFields } from './record-ring';
import { natives, arr } from './natives';

const BATCH_MAX_RECORDS = 2000;
// 100 ms: the panel redraws ten times a second; a shorter delay only multiplies the messages, and
// each crossing of the relay costs ~0.3 ms of the page's main thread whatever its size (profiled).
const FLUSH_DELAY_MS = 100;
/** Costs of frames already sent that wait for the next flush (normally a handful: held frames released). */
const MAX_LATE_COSTS = 10_000;

/** Records that open a connection: without them the panel has no channel for its later frames. */
const OPENING = new natives.SetCtor(['ws-create', 'ws-open', 'sse-create', 'sse-open', 'http-request', 'http-response']);
/** Records after which a connection has nothing more to say. */
const CLOSING = new natives.SetCtor(['ws-close', 'sse-close', 'http-end']);

/** Reused descriptor with no prototype: defineProperty reads no page-inherited `get`/`set`. */
const SEQ = { __proto__: null, value: 0, writable: true, enumerable: true, configurable: true } as unknown as PropertyDescriptor;

export class Recorder {
  settings: AgentSettings = { ...DEFAULT_AGENT_SETTINGS };
  private nextSeq = 1;
  private nextConn = 1;
  private ring = new RecordRing(this.settings.bufferRecords, this.settings.bufferBytes);
  private live = false;
  /** While live: the first seq not yet sent (records from here to lastSeq are pending). */
  private pendingFrom = 1;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Opening records of connections still open, by seq, kept even when the ring evicts them
   * (bounded by the number of open connections): a WebSocket that outlives the buffer window
   * still shows up, with its URL, in a panel opened later.
   */
  private pinned = new natives.MapCtor<number, CaptureRecord>();
  private pinnedByConn = new natives.MapCtor<number, number[]>();
  /** Frames a panel was already sent whose listener time grew since: sent again as `handler-cost` at the next flush. */
  private lateCosts = new natives.SetCtor<number>();

  constructor(
    private send: (records: CaptureRecord[]) => void,
    private sendPacked?: (json: string) => void,
  ) {
    // A record no panel has been sent yet goes out before the ring drops it.
    this.ring.beforeEvict = (seq) => {
      if (this.live && seq >= this.pendingFrom) this.flush();
    };
  }

  /** Called once, when the first connection of this document starts (see lib/relay/relay.ts for why). */
  onFirstConnection: (() => void) | undefined;

  newConnectionId(): number {
    if (this.nextConn === 1) this.onFirstConnection?.();
    return this.nextConn++;
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** Names the record just made, for handlerCost (the hooks cannot know a worker's seq). */
  get lastToken(): number {
    return this.nextSeq - 1;
  }

  get firstSeq(): number {
    return this.ring.firstSeq ?? this.nextSeq;
  }

  get isLive(): boolean {
    return this.live;
  }

  get recording(): boolean {
    return this.settings.recording;
  }

  /**
   * `original`: a frame's or event's whole payload when its preview is cut (see RecordRing.fullPayload),
   * with the bytes it keeps alive; counted in the ring's byte budget, dropped with the record.
   */
  emit(record: UnsequencedRecord, original?: string | Uint8Array | Blob, originalBytes = 0): void {
    const full = record as CaptureRecord;
    // Defined, not assigned: an assignment would run a `seq` setter the page put on Object.prototype.
    SEQ.value = this.nextSeq;
    natives.defineProperty(full, 'seq', SEQ);
    this.ring.pushRecord(full.seq, full, original, originalBytes);
    this.nextSeq++;
    if (OPENING.has(full.type)) this.pin(full);
    else if (CLOSING.has(full.type) || (full.type === 'sse-error' && full.readyState === 2)) this.unpin(full.conn);
    this.afterPush();
  }

  /**
   * A WebSocket text frame (the hot path: no object is made until a panel reads it). `t` (wall
   * clock ms) is the event's own timestamp when there is one: cheaper than reading the clock.
   */
  wsText(conn: number, dir: 'in' | 'out', text: string, t = natives.timeOrigin + natives.now()): void {
    this.ring.pushText(this.nextSeq, dir, t, conn, text);
    this.nextSeq++;
    this.afterPush();
  }

  /** An EventSource event (hot path, like wsText). */
  sseEvent(conn: number, event: string, id: string, text: string, t: number): void {
    this.ring.pushSse(this.nextSeq, t, conn, text, event, id);
    this.nextSeq++;
    this.afterPush();
  }

  /**
   * Adds `ms` the page's listeners ran for the incoming frame `seq` (listener-tap.ts). Written into
   * the frame's ring slot, so a batch sent later carries it as `handlerMs`; a frame a panel already
   * has gets a `handler-cost` record at the next flush, which runs in a later task, after the dispatch.
   */
  handlerCost(seq: number, ms: number): void {
    if (!this.ring.addCost(seq, ms)) return;
    if (!this.live || seq >= this.pendingFrom || this.lateCosts.size >= MAX_LATE_COSTS) return;
    this.lateCosts.add(seq);
    // No other record may follow (a released hold is often the last traffic for a while).
    if (this.flushTimer === undefined) this.flushTimer = natives.setTimeout(() => this.flush(), FLUSH_DELAY_MS);
  }

  private emitLateCosts(): void {
    const seqs: number[] = [];
    this.lateCosts.forEach((seq) => void arr.push(seqs, seq));
    this.lateCosts.clear();
    const t = natives.timeOrigin + natives.now();
    for (let i = 0; i < seqs.length; i++) {
      const ms = this.ring.costOf(seqs[i]);
      const conn = this.ring.connOf(seqs[i]);
      if (ms >= 0 && conn >= 0) this.emit({ type: 'handler-cost', t, conn, frameSeq: seqs[i], ms });
    }
  }

  /** See RecordRing.fullPayload. */
  fullPayload(seq: number, conn: number): string | Uint8Array | Blob | undefined {
    return this.ring.fullPayload(seq, conn);
  }

  private afterPush(): void {
    if (!this.live) return;
    if (this.nextSeq - this.pendingFrom >= BATCH_MAX_RECORDS) this.flushStep();
    else if (this.flushTimer === undefined) this.flushTimer = natives.setTimeout(() => this.flushStep(), FLUSH_DELAY_MS);
  }

  /**
   * Sends one batch of what is pending; the rest follows in the next task. The relay runs on this
   * same thread: sent all at once, a 100k-record history left the page only after the agent had
   * made every batch (~0.5 s), while the background and the panel waited. One batch a task lets the
   * relay pass each on while the next is made.
   */
  private flushStep(): void {
    this.sendPending(BATCH_MAX_RECORDS);
    if (this.live && this.pendingFrom < this.nextSeq && this.flushTimer === undefined)
      this.flushTimer = natives.setTimeout(() => this.flushStep(), 0);
  }

  /** Sends everything pending now (before a resize, an eviction or a hello). */
  flush(): void {
    this.sendPending(Infinity);
  }

  /** Sends up to `max` pending records (and late listener times); cancels the flush timer. */
  private sendPending(max: number): void {
    if (this.lateCosts.size && this.live) this.emitLateCosts();
    this.cancelFlushTimer();
    if (!this.live) return;
    const from = Math.max(this.pendingFrom, this.firstSeq);
    const to = Math.min(this.nextSeq, from + max);
    this.pendingFrom = to;
    if (from < to) this.deliverRange(from, to);
  }

  private cancelFlushTimer(): void {
    if (this.flushTimer === undefined) return;
    natives.clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
  }

  /** Sends the records held for [from, to) in batches. */
  private deliverRange(from: number, to: number): void {
    const cap = this.settings.previewBytes;
    for (let start = from; start < to; start += BATCH_MAX_RECORDS) {
      const end = Math.min(to, start + BATCH_MAX_RECORDS);
      if (this.sendPacked) {
        const parts: string[] = [];
        for (let seq = start; seq < end; seq++) {
          const json = this.ring.recordJson(seq, cap);
          if (json !== undefined) arr.push(parts, json);
        }
        if (parts.length) this.sendPacked(`[${arr.join(parts, ',')}]`);
        continue;
      }
      const batch: CaptureRecord[] = [];
      for (let seq = start; seq < end; seq++) {
        const r = this.ring.record(seq, cap);
        if (r) arr.push(batch, r);
      }
      if (batch.length) this.deliver(batch);
    }
  }

  private deliver(batch: CaptureRecord[]): void {
    if (!this.sendPacked) return this.send(batch);
    let json: string;
    try {
      json = natives.JSONStringify(batch);
    } catch {
      return this.send(batch); // not expected (records are JSON-safe); the plain path still works
    }
    this.sendPacked(json);
  }

  private pin(r: CaptureRecord): void {
    const seqs = this.pinnedByConn.get(r.conn);
    // An EventSource reopens many times: its first open says enough.
    if (seqs) for (let i = 0; i < seqs.length; i++) if (this.pinned.get(seqs[i])?.type === r.type) return;
    this.pinned.set(r.seq, r);
    if (seqs) arr.push(seqs, r.seq);
    else this.pinnedByConn.set(r.conn, [r.seq]);
  }

  private unpin(conn: number): void {
    const seqs = this.pinnedByConn.get(conn);
    if (seqs) for (let i = 0; i < seqs.length; i++) this.pinned.delete(seqs[i]);
    this.pinnedByConn.delete(conn);
  }

  /**
   * Sends everything from `fromSeq` on, then streams live. Records already evicted are reported
   * as `dropped` ranges, around the pinned opening records of connections still open, which are sent.
   */
  resync(fromSeq: number): void {
    this.cancelFlushTimer();
    const records: CaptureRecord[] = [];
    const first = this.firstSeq;
    if (fromSeq < first && this.lastSeq >= fromSeq) {
      const t = natives.timeOrigin + natives.now();
      let from = fromSeq;
      const kept: number[] = [];
      this.pinned.forEach((_r, s) => {
        if (s >= fromSeq && s < first) arr.push(kept, s);
      });
      arr.sort(kept, (a, b) => a - b);
      for (let i = 0; i < kept.length; i++) {
        const s = kept[i];
        if (s > from) arr.push(records, { type: 'dropped', seq: s - 1, t, conn: 0, fromSeq: from, toSeq: s - 1 });
        arr.push(records, resolveLazyFields(this.pinned.get(s)!));
        from = s + 1;
      }
      if (from <= first - 1) arr.push(records, { type: 'dropped', seq: first - 1, t, conn: 0, fromSeq: from, toSeq: first - 1 } as CaptureRecord);
    }
    for (let i = 0; i < records.length; i += BATCH_MAX_RECORDS) this.deliver(arr.slice(records, i, i + BATCH_MAX_RECORDS));
    this.pendingFrom = Math.max(fromSeq, first);
    this.live = true;
    this.flushStep();
  }

  detach(): void {
    this.live = false;
    this.lateCosts.clear();
    this.cancelFlushTimer();
  }

  applySettings(settings: AgentSettings): void {
    const resized = settings.bufferRecords !== this.settings.bufferRecords || settings.bufferBytes !== this.settings.bufferBytes;
    if (resized) {
      // Unsent records must not be lost to a smaller buffer.
      this.flush();
      this.ring.resize(settings.bufferRecords, settings.bufferBytes, this.settings.previewBytes);
    }
    this.settings = { ...settings };
  }
}
