// Context: page (MAIN world). Stamps records with sequence numbers, keeps them in the ring
// buffer and, only while a panel is attached, sends them in batches. With no panel attached the
// cost of a record is one object and one ring slot. A batch leaves as one JSON string when the
// owner can send packed batches: profiled, serializing thousands of record objects through the
// relay's runtime port cost ~17 µs per record on the page's main thread; one string costs ~1.
import type { CaptureRecord, UnsequencedRecord } from '../protocol/records';
import { DEFAULT_AGENT_SETTINGS, type AgentSettings } from '../protocol/envelope';
import { RingBuffer } from './ring-buffer';
import { natives } from './natives';

const BATCH_MAX_RECORDS = 2000;
const FLUSH_DELAY_MS = 30;

/** Records that open a connection: without them the panel has no channel for its later frames. */
const OPENING = new Set(['ws-create', 'ws-open', 'sse-create', 'sse-open', 'http-request', 'http-response']);
/** Records after which a connection has nothing more to say. */
const CLOSING = new Set(['ws-close', 'sse-close', 'http-end']);

export class Recorder {
  settings: AgentSettings = { ...DEFAULT_AGENT_SETTINGS };
  private nextSeq = 1;
  private nextConn = 1;
  private ring = new RingBuffer<CaptureRecord>(this.settings.bufferRecords, this.settings.bufferBytes);
  private live = false;
  private pending: CaptureRecord[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Opening records of connections still open, by seq, kept even when the ring evicts them
   * (bounded by the number of open connections): a WebSocket that outlives the buffer window
   * still shows up, with its URL, in a panel opened later.
   */
  private pinned = new Map<number, CaptureRecord>();
  private pinnedByConn = new Map<number, number[]>();

  constructor(
    private send: (records: CaptureRecord[]) => void,
    private sendPacked?: (json: string) => void,
  ) {}

  newConnectionId(): number {
    return this.nextConn++;
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  get firstSeq(): number {
    const oldest = this.ring.at(0);
    return oldest ? oldest.seq : this.nextSeq;
  }

  get isLive(): boolean {
    return this.live;
  }

  get recording(): boolean {
    return this.settings.recording;
  }

  emit(record: UnsequencedRecord): CaptureRecord {
    const full = record as CaptureRecord;
    full.seq = this.nextSeq++;
    this.ring.push(full, recordBytes(full));
    if (OPENING.has(full.type)) this.pin(full);
    else if (CLOSING.has(full.type) || (full.type === 'sse-error' && full.readyState === 2)) this.unpin(full.conn);
    if (this.live) {
      this.pending.push(full);
      if (this.pending.length >= BATCH_MAX_RECORDS) this.flush();
      else if (this.flushTimer === undefined) this.flushTimer = natives.setTimeout(() => this.flush(), FLUSH_DELAY_MS);
    }
    return full;
  }

  flush(): void {
    if (this.flushTimer !== undefined) {
      natives.clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.deliver(batch);
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
    if (seqs && seqs.some((s) => this.pinned.get(s)?.type === r.type)) return;
    this.pinned.set(r.seq, r);
    if (seqs) seqs.push(r.seq);
    else this.pinnedByConn.set(r.conn, [r.seq]);
  }

  private unpin(conn: number): void {
    for (const s of this.pinnedByConn.get(conn) ?? []) this.pinned.delete(s);
    this.pinnedByConn.delete(conn);
  }

  /**
   * Sends everything from `fromSeq` on, then streams live. Records already evicted are reported
   * as `dropped` ranges, around the pinned opening records of connections still open, which are sent.
   */
  resync(fromSeq: number): void {
    this.pending = [];
    const records: CaptureRecord[] = [];
    const first = this.firstSeq;
    if (fromSeq < first && this.lastSeq >= fromSeq) {
      const t = natives.timeOrigin + natives.now();
      let from = fromSeq;
      const kept = [...this.pinned.keys()].filter((s) => s >= fromSeq && s < first).sort((a, b) => a - b);
      for (const s of kept) {
        if (s > from) records.push({ type: 'dropped', seq: s - 1, t, conn: 0, fromSeq: from, toSeq: s - 1 });
        records.push(this.pinned.get(s)!);
        from = s + 1;
      }
      if (from <= first - 1) records.push({ type: 'dropped', seq: first - 1, t, conn: 0, fromSeq: from, toSeq: first - 1 });
    }
    for (let i = 0; i < this.ring.size; i++) {
      const r = this.ring.at(i)!;
      if (r.seq >= fromSeq) records.push(r);
    }
    for (let i = 0; i < records.length; i += BATCH_MAX_RECORDS) this.deliver(records.slice(i, i + BATCH_MAX_RECORDS));
    this.live = true;
  }

  detach(): void {
    this.live = false;
    this.pending = [];
  }

  applySettings(settings: AgentSettings): void {
    const resized = settings.bufferRecords !== this.settings.bufferRecords || settings.bufferBytes !== this.settings.bufferBytes;
    this.settings = { ...settings };
    if (resized) this.ring.resize(settings.bufferRecords, settings.bufferBytes);
  }
}

/** Approximate retained size of a record, for the ring's byte cap. */
function recordBytes(r: CaptureRecord): number {
  const payload = 'payload' in r ? r.payload.data.length * 2 : 'body' in r && r.body ? r.body.data.length * 2 : 0;
  return 96 + payload;
}
