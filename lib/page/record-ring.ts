// Context: page (MAIN world). The agent's bounded history: the newest records, capped by count
// and by approximate bytes, oldest evicted first. Seqs are consecutive, so a slot's seq is implied.
//
// Why columns: a flood of 100k text frames a second must cost the page almost nothing. A text
// frame is kept as its column values (kind, time, connection) plus the page's own string — no
// record or preview object per frame, so nothing of ours is allocated, promoted or collected on
// the hot path. The record object (with its capped, measured preview) is built only when a panel
// asks for it. Strings are immutable, so building it later gives exactly what was received.
import type { CaptureRecord } from '../protocol/records';
import { textPreview } from './payload';
import { natives, arr } from './natives';

// Captured at startup: the page may later replace these globals.
const U8 = Uint8Array;
const I32 = Int32Array;
const F32 = Float32Array;
const F64 = Float64Array;
import { headerList } from './headers';
import { formatStack } from './stack';
import { TextArena, arenaCanHold } from './text-arena';
import { TUPLE_SSE, TUPLE_WS_IN, TUPLE_WS_OUT } from '../protocol/record-tuples';

/** What a slot holds: a finished record object, or the columns of a text frame. */
const RECORD = 0;
const WS_IN = 1;
const WS_OUT = 2;
const SSE = 3;

/** Slots a new ring allocates (it grows by doubling). */
const INITIAL_SLOTS = 64;

/** Fixed per-record overhead used for the byte cap; payload text counts two bytes a character. */
const RECORD_OVERHEAD_BYTES = 96;

/**
 * A text this long (UTF-16 units) stays a string: V8 keeps a string of 128 kB or more in its
 * large-object space, which young-generation collections never copy (what the arena avoids), and
 * encoding it would reserve three bytes a unit (an 8 MB SSE line: a 24 MB buffer) only to decode
 * it back when the panel asks.
 */
const ARENA_TEXT_MAX = 128 * 1024;

/** spanLengths values that are not byte lengths. */
const IN_ITEMS = -1;
const IN_BATCH = -2;

export class RecordRing {
  // Set by allocate() (from the constructor and on resize).
  private kinds!: Uint8Array;
  private times!: Float64Array;
  private conns!: Int32Array;
  private sizes!: Float64Array;
  /** ms the page's listeners ran for an incoming frame (listener-tap.ts); −1 = none ran (yet). */
  private costs!: Float32Array;
  /** A record object (RECORD) or the frame's text (when not in the arena). */
  private items!: unknown[];
  /**
   * An incoming text kept as bytes in the arena (text-arena.ts: the page's strings are not held,
   * so the page's garbage collector has nothing of ours to copy): its position and byte length;
   * a length of IN_ITEMS means the text is in `items`, IN_BATCH that it waits in the arena's batch
   * (flushTexts() places it; anything that reads, moves or frees a slot flushes first).
   */
  private arena = new TextArena();
  private spans!: Float64Array;
  private spanLengths!: Int32Array;
  /**
   * The whole payload of a RECORD slot whose preview was cut (a string, a copy of the bytes or
   * the page's immutable Blob), so the panel can fetch it (`fullPayload`) and never has to send
   * or export a partial frame. Column slots hold their whole text in `items` already.
   */
  private originals!: unknown[];
  /** SSE event type and last event id (SSE only). */
  private events!: (string | undefined)[];
  private ids!: (string | undefined)[];
  private head = 0;
  private length = 0;
  private bytes = 0;
  /** Seq of the oldest slot (valid when length > 0). */
  private oldestSeq = 1;

  /** The most records held (the setting). */
  private capacity = 1;
  /**
   * Slots allocated now: they start few and double up to `capacity` as records come. Every frame
   * of every page starts an agent, and most never hold many records: allocating the whole
   * capacity (20k slots, about 1.4 MB of columns) at start-up cost each frame's load time.
   */
  private slots = 1;
  private byteCap = 0;
  /** Called with a record's seq just before it is evicted (the recorder sends unsent ones first). */
  beforeEvict: ((seq: number) => void) | undefined;

  constructor(capacity: number, byteCap: number) {
    this.allocate(capacity, byteCap);
  }

  private allocate(capacity: number, byteCap: number): void {
    this.capacity = natives.max(1, capacity);
    this.byteCap = byteCap;
    this.arena = new TextArena();
    this.setColumns(natives.min(this.capacity, INITIAL_SLOTS));
    this.head = 0;
    this.length = 0;
    this.bytes = 0;
  }

  /** Fresh, empty columns of `slots` slots. */
  private setColumns(slots: number): void {
    this.slots = slots;
    this.kinds = new U8(slots);
    this.times = new F64(slots);
    this.conns = new I32(slots);
    this.sizes = new F64(slots);
    this.costs = new F32(slots);
    this.spans = new F64(slots);
    this.spanLengths = new I32(slots);
    this.items = sized(slots);
    this.originals = sized(slots);
    this.events = sized(slots);
    this.ids = sized(slots);
  }

  /** Doubles the slots (up to capacity), the held records moved to the front in order. */
  private grow(): void {
    // The batch knows its texts by slot index, which this moves.
    this.flushTexts();
    const old = {
      kinds: this.kinds,
      times: this.times,
      conns: this.conns,
      sizes: this.sizes,
      costs: this.costs,
      spans: this.spans,
      spanLengths: this.spanLengths,
      items: this.items,
      originals: this.originals,
      events: this.events,
      ids: this.ids,
    };
    const from = this.slots;
    this.setColumns(natives.min(this.capacity, from * 2));
    for (let k = 0; k < this.length; k++) {
      const i = (this.head + k) % from;
      this.kinds[k] = old.kinds[i];
      this.times[k] = old.times[i];
      this.conns[k] = old.conns[i];
      this.sizes[k] = old.sizes[i];
      this.costs[k] = old.costs[i];
      this.spans[k] = old.spans[i];
      this.spanLengths[k] = old.spanLengths[i];
      this.items[k] = old.items[i];
      this.originals[k] = old.originals[i];
      this.events[k] = old.events[i];
      this.ids[k] = old.ids[i];
    }
    this.head = 0;
  }

  get size(): number {
    return this.length;
  }

  /** Seq of the oldest record held, or undefined when empty. */
  get firstSeq(): number | undefined {
    return this.length > 0 ? this.oldestSeq : undefined;
  }

  /** True when adding `bytes` more would evict the oldest record. */
  private wouldEvict(bytes: number): boolean {
    return this.length > 0 && (this.length >= this.capacity || this.bytes + bytes > this.byteCap);
  }

  /** `original`: the whole payload when the record's preview is cut, `originalBytes` what it keeps alive. */
  pushRecord(seq: number, record: CaptureRecord, original?: unknown, originalBytes = 0): void {
    const i = this.slotFor(seq, recordBytes(record) + originalBytes);
    this.kinds[i] = RECORD;
    this.items[i] = record;
    this.originals[i] = original;
  }

  /**
   * The whole payload of connection `conn`'s frame or event `seq`: its text, the bytes or Blob
   * kept for it, or undefined when the slot is gone (evicted) or is not that connection's.
   */
  fullPayload(seq: number, conn: number): string | Uint8Array | Blob | undefined {
    const i = this.slotOf(seq);
    if (i < 0) return undefined;
    if (this.kinds[i] !== RECORD) return this.conns[i] === conn ? this.textAt(i) : undefined;
    const r = this.items[i] as CaptureRecord;
    if ((r.type !== 'ws-frame' && r.type !== 'sse-event') || r.conn !== conn) return undefined;
    return this.originals[i] as string | Uint8Array | Blob | undefined;
  }

  pushText(seq: number, dir: 'in' | 'out', t: number, conn: number, text: string): void {
    const i = this.slotFor(seq, RECORD_OVERHEAD_BYTES + text.length * 2);
    this.kinds[i] = dir === 'in' ? WS_IN : WS_OUT;
    this.times[i] = t;
    this.conns[i] = conn;
    // An outgoing text is the page's own string, which may hold lone surrogates: kept as it is.
    this.keepText(i, text, dir === 'in');
  }

  pushSse(seq: number, t: number, conn: number, text: string, event: string, id: string): void {
    const i = this.slotFor(seq, RECORD_OVERHEAD_BYTES + (text.length + event.length + id.length) * 2);
    this.kinds[i] = SSE;
    this.times[i] = t;
    this.conns[i] = conn;
    this.keepText(i, text, true);
    this.events[i] = event;
    this.ids[i] = id;
  }

  /** Slot `i`'s text: bytes in the arena when `incoming` and it round-trips exactly, else the string. */
  private keepText(i: number, text: string, incoming: boolean): void {
    if (!incoming || text.length >= ARENA_TEXT_MAX || !arenaCanHold(text)) {
      this.items[i] = text;
      this.spanLengths[i] = IN_ITEMS;
    } else if (this.arena.fitsBatch(text)) {
      this.spanLengths[i] = IN_BATCH;
      if (this.arena.append(text, i)) this.flushTexts();
    } else {
      // Written at once, after the batch: the arena keeps texts in slot order.
      this.flushTexts();
      this.spans[i] = this.arena.write(text);
      this.spanLengths[i] = this.arena.lastLength;
    }
  }

  /** Writes the arena's batch and records where each of its texts went. */
  private flushTexts(): void {
    const arena = this.arena;
    const n = arena.flush();
    for (let k = 0; k < n; k++) {
      const i = arena.tags[k];
      this.spans[i] = arena.placedAt[k];
      this.spanLengths[i] = arena.placedLengths[k];
    }
  }

  /** The text of column slot `i`. */
  private textAt(i: number): string {
    if (this.spanLengths[i] === IN_BATCH) this.flushTexts();
    const length = this.spanLengths[i];
    return length === IN_ITEMS ? (this.items[i] as string) : this.arena.read(this.spans[i], length);
  }

  /** The record with this seq, built now if the slot holds columns; undefined if not held. */
  record(seq: number, previewBytes: number): CaptureRecord | undefined {
    const i = this.slotOf(seq);
    if (i < 0) return undefined;
    const item = this.items[i];
    const cost = this.costs[i];
    let r: CaptureRecord;
    switch (this.kinds[i]) {
      case RECORD:
        r = resolveLazyFields(item as CaptureRecord);
        break;
      case SSE:
        r = {
          type: 'sse-event',
          seq,
          t: this.times[i],
          conn: this.conns[i],
          event: this.events[i]!,
          id: this.ids[i]!,
          payload: textPreview(this.textAt(i), previewBytes),
        };
        break;
      default:
        r = {
          type: 'ws-frame',
          seq,
          t: this.times[i],
          conn: this.conns[i],
          dir: this.kinds[i] === WS_IN ? 'in' : 'out',
          payload: textPreview(this.textAt(i), previewBytes),
        };
    }
    if (cost >= 0) {
      // Defined, not assigned: our record objects must not run a setter the page put on Object.prototype.
      COST.value = roundCost(cost);
      natives.defineProperty(r, 'handlerMs', COST);
    }
    return r;
  }

  /**
   * Adds `ms` of page listener time to the frame `seq` (the first call sets it); false when the
   * ring no longer holds it.
   */
  addCost(seq: number, ms: number): boolean {
    const i = this.slotOf(seq);
    if (i < 0) return false;
    // Only an incoming frame or event has listeners of the page: the panel refuses the field elsewhere.
    const kind = this.kinds[i];
    if (kind === WS_OUT) return false;
    if (kind === RECORD) {
      const r = this.items[i] as CaptureRecord;
      if (r.type !== 'sse-event' && !(r.type === 'ws-frame' && r.dir === 'in')) return false;
    }
    const was = this.costs[i];
    this.costs[i] = was < 0 ? ms : was + ms;
    return true;
  }

  /** The page listener time of frame `seq`, rounded as sent; −1 when none or not held. */
  costOf(seq: number): number {
    const i = this.slotOf(seq);
    return i < 0 || this.costs[i] < 0 ? -1 : roundCost(this.costs[i]);
  }

  /** The connection of record `seq`, or −1 when it is not held. */
  connOf(seq: number): number {
    const i = this.slotOf(seq);
    if (i < 0) return -1;
    return this.kinds[i] === RECORD ? (this.items[i] as CaptureRecord).conn : this.conns[i];
  }

  /**
   * The same record as JSON text for a packed batch. Column slots are written straight to text,
   * as tuples (record-tuples.ts): no record object is made, which halves the page's cost of a
   * live batch.
   */
  recordJson(seq: number, previewBytes: number): string | undefined {
    const i = this.slotOf(seq);
    if (i < 0) return undefined;
    const kind = this.kinds[i];
    if (kind === RECORD) {
      const r = this.record(seq, previewBytes)!;
      return recordTuple(r) ?? natives.JSONStringify(r);
    }
    const p = textPreview(this.textAt(i), previewBytes);
    const cost = this.costs[i] < 0 ? undefined : roundCost(this.costs[i]);
    const code = kind === SSE ? TUPLE_SSE : kind === WS_IN ? TUPLE_WS_IN : TUPLE_WS_OUT;
    return tupleJson(code, seq, this.times[i], this.conns[i], p.data, p.size, p.truncated, this.events[i], this.ids[i], cost);
  }

  /** Changes the bounds, keeping the newest records that fit. */
  resize(capacity: number, byteCap: number, previewBytes: number): void {
    const kept: CaptureRecord[] = [];
    const originals: unknown[] = [];
    const originalBytes: number[] = [];
    for (let k = 0; k < this.length; k++) {
      const seq = this.oldestSeq + k;
      const i = this.slotOf(seq);
      const r = this.record(seq, previewBytes)!;
      arr.push(kept, r);
      if (this.kinds[i] === RECORD) {
        arr.push(originals, this.originals[i]);
        arr.push(originalBytes, Math.max(0, this.sizes[i] - recordBytes(r)));
      } else {
        // A text slot becomes a record with a preview: its text stays on as the original when cut.
        const cut = (r.type === 'ws-frame' || r.type === 'sse-event') && r.payload.truncated;
        const text = cut ? this.textAt(i) : undefined;
        arr.push(originals, text);
        arr.push(originalBytes, text !== undefined ? text.length * 2 : 0);
      }
    }
    this.allocate(capacity, byteCap);
    for (let k = 0; k < kept.length; k++) this.pushRecord(kept[k].seq, kept[k], originals[k], originalBytes[k]);
  }

  /** The slot index holding `seq`, or -1 when it is not held. */
  private slotOf(seq: number): number {
    const k = seq - this.oldestSeq;
    return this.length === 0 || k < 0 || k >= this.length ? -1 : (this.head + k) % this.slots;
  }

  /** Makes room for one record of `bytes` (evicting the oldest) and returns its slot index. */
  private slotFor(seq: number, bytes: number): number {
    while (this.wouldEvict(bytes)) this.evictOldest();
    if (this.length === 0) this.oldestSeq = seq;
    if (this.length === this.slots && this.slots < this.capacity) this.grow();
    const i = (this.head + this.length) % this.slots;
    this.sizes[i] = bytes;
    this.costs[i] = -1;
    this.bytes += bytes;
    this.length++;
    return i;
  }

  private evictOldest(): void {
    this.beforeEvict?.(this.oldestSeq);
    const i = this.head;
    if (this.kinds[i] !== RECORD && this.spanLengths[i] === IN_BATCH) this.flushTexts();
    if (this.kinds[i] !== RECORD && this.spanLengths[i] >= 0) this.arena.releaseBefore(this.spans[i] + this.spanLengths[i]);
    this.items[i] = undefined;
    this.originals[i] = undefined;
    this.events[i] = undefined;
    this.ids[i] = undefined;
    this.bytes -= this.sizes[i];
    this.head = (this.head + 1) % this.slots;
    this.length--;
    this.oldestSeq++;
  }
}

const COST = { __proto__: null, value: 0, writable: true, enumerable: true, configurable: true } as unknown as PropertyDescriptor;

/** The panel's bound on a handler time (RECORD_LIMITS.handlerMs): a record beyond it would be refused whole. */
const MAX_COST_MS = 3_600_000;

/** Listener time as sent: 10 µs steps (the browser's clock is coarser), so the JSON stays short. */
/**
 * A text frame or event record as a tuple (record-tuples.ts), or undefined when it carries more
 * than a tuple holds (binary data, a `retry`, a synthetic mark): those go as objects.
 */
function recordTuple(r: CaptureRecord): string | undefined {
  if (r.type === 'ws-frame') {
    if (r.payload.binary || r.synthetic !== undefined) return undefined;
    const code = r.dir === 'in' ? TUPLE_WS_IN : TUPLE_WS_OUT;
    return tupleJson(code, r.seq, r.t, r.conn, r.payload.data, r.payload.size, r.payload.truncated, undefined, undefined, r.handlerMs);
  }
  if (r.type !== 'sse-event' || r.payload.binary || r.synthetic !== undefined || r.retry !== undefined) return undefined;
  return tupleJson(TUPLE_SSE, r.seq, r.t, r.conn, r.payload.data, r.payload.size, r.payload.truncated, r.event, r.id, r.handlerMs);
}

/** Written as text, not by JSON.stringify of an array: no array is made per record. */
function tupleJson(
  code: number,
  seq: number,
  t: number,
  conn: number,
  data: string,
  size: number,
  truncated: boolean,
  event: string | undefined,
  id: string | undefined,
  ms: number | undefined,
): string {
  const sse = code === TUPLE_SSE ? `,${natives.JSONStringify(event)},${natives.JSONStringify(id)}` : '';
  const cost = ms === undefined ? '' : `,${ms}`;
  return `[${code},${seq},${t},${conn},${natives.JSONStringify(data)},${size},${truncated ? 1 : 0}${sse}${cost}]`;
}

function roundCost(ms: number): number {
  return natives.min(MAX_COST_MS, natives.round(ms * 100) / 100);
}

/** A holey array of `n` empty slots, without the page's Array global. */
function sized<T>(n: number): T[] {
  const a: T[] = [];
  a.length = n;
  return a;
}

/** Approximate retained size of a record object, for the byte cap. */
export function recordBytes(r: CaptureRecord): number {
  const payload = 'payload' in r ? r.payload.data.length * 2 : 'body' in r && r.body ? r.body.data.length * 2 : 0;
  return RECORD_OVERHEAD_BYTES + payload;
}

/**
 * Fields a hook may leave unresolved until a panel reads the record (resolved once, in place):
 * the browser's own Headers object of a request or response (immutable for a response, and never
 * handed to the page for a request we built), listed now; a captured creation stack, formatted now.
 */
export function resolveLazyFields(r: CaptureRecord): CaptureRecord {
  if ((r.type === 'http-request' || r.type === 'http-response') && !natives.isArray(r.headers)) r.headers = headerList(r.headers);
  else if ((r.type === 'ws-create' || r.type === 'sse-create') && r.stack !== undefined && typeof r.stack !== 'string')
    r.stack = formatStack(r.stack);
  return r;
}
