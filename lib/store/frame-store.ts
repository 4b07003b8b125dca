// Context: panel. A columnar store of frames: typed arrays for the fixed-size fields and one
// array of preview strings, so a million frames cost a few dozen bytes each beyond their payload
// and filtering is a tight loop over arrays, outside React state.
// Rows are positions and shift when the oldest frames are evicted; ids never change (eviction,
// cap changes, clear, import): id = firstId + row, and a new store after a clear starts where the
// old one ended, so an id is never reused for another frame. Anything that outlives a render
// (selection, picks, decode cache, pair links) holds ids.

export const DIR_IN = 0;
export const DIR_OUT = 1;

/** Bit flags per frame. */
export const FLAG_BINARY = 1;
export const FLAG_TRUNCATED = 2;
export const FLAG_SENT = 4; // sent by PushLens
export const FLAG_INJECTED = 8; // injected into the page by PushLens
export const FLAG_HTTP = 16; // an HTTP exchange row (status/duration live in the exchange table)
export const FLAG_ERROR = 32;

const INITIAL_CAPACITY = 1024;

export interface FrameInput {
  time: number;
  size: number;
  dir: number;
  channel: number;
  connection: number;
  /** Interned event name / opcode label index (see `intern`). */
  event: number;
  flags: number;
  /** Sequence number in its agent, for exact no-loss checks. */
  seq: number;
  /** HTTP status for exchange rows, 0 otherwise. */
  status: number;
  preview: string;
  /** ms the page's listeners ran for an incoming message; absent = not measured. */
  handlerMs?: number;
}

export class FrameStore {
  count = 0;
  /** Id of row 0. */
  firstId: number;
  private capacity = INITIAL_CAPACITY;
  time = new Float64Array(INITIAL_CAPACITY);
  size = new Uint32Array(INITIAL_CAPACITY);
  seq = new Uint32Array(INITIAL_CAPACITY);
  channel = new Uint32Array(INITIAL_CAPACITY);
  connection = new Uint32Array(INITIAL_CAPACITY);
  event = new Uint16Array(INITIAL_CAPACITY);
  status = new Uint16Array(INITIAL_CAPACITY);
  dir = new Uint8Array(INITIAL_CAPACITY);
  flags = new Uint8Array(INITIAL_CAPACITY);
  /** ms the page's own listeners ran for the message; −1 = not measured (outgoing, HTTP, no function listener). */
  handlerMs = new Float32Array(INITIAL_CAPACITY);
  preview: string[] = [];
  /** Payload characters held, to enforce the panel memory budget. */
  previewChars = 0;
  /** Bumped whenever a row already added changes (preview replaced or evicted): cached filter results are stale. */
  epoch = 0;
  /** Bumped when a row's handler time changes after it was added (a late `handler-cost` record). */
  costEpoch = 0;
  private eventNames: string[] = [''];
  private eventIndex = new Map<string, number>([['', 0]]);

  constructor(firstId = 0) {
    this.firstId = firstId;
  }

  /** The identity of the frame at `row` (never reused, never renumbered). */
  idAt(row: number): number {
    return this.firstId + row;
  }

  /** The current row of frame `id`, or −1 when it is no longer held (evicted or cleared). */
  rowOfId(id: number): number {
    const row = id - this.firstId;
    return row >= 0 && row < this.count ? row : -1;
  }

  /** The id the next added frame gets (a new store after a clear starts here). */
  nextId(): number {
    return this.firstId + this.count;
  }

  /** Removes the `k` oldest rows: the columns shift down, ids stay with their frames. */
  dropOldest(k: number): number {
    k = Math.min(k, this.count);
    if (k <= 0) return 0;
    let chars = 0;
    for (let i = 0; i < k; i++) chars += this.preview[i].length;
    for (const col of [this.time, this.size, this.seq, this.channel, this.connection, this.event, this.status, this.dir, this.flags, this.handlerMs])
      col.copyWithin(0, k, this.count);
    this.preview.splice(0, k);
    this.previewChars -= chars;
    this.count -= k;
    this.firstId += k;
    this.epoch++;
    return k;
  }

  intern(name: string): number {
    let i = this.eventIndex.get(name);
    if (i === undefined) {
      if (this.eventNames.length >= 0xffff) return 0; // absurd numbers of distinct names share "unnamed"
      i = this.eventNames.length;
      this.eventNames.push(name);
      this.eventIndex.set(name, i);
    }
    return i;
  }

  eventName(i: number): string {
    return this.eventNames[this.event[i]] ?? '';
  }

  add(f: FrameInput): number {
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    this.time[i] = f.time;
    this.size[i] = f.size;
    this.seq[i] = f.seq;
    this.channel[i] = f.channel;
    this.connection[i] = f.connection;
    this.event[i] = f.event;
    this.status[i] = f.status;
    this.dir[i] = f.dir;
    this.flags[i] = f.flags;
    this.handlerMs[i] = f.handlerMs ?? -1;
    this.preview.push(f.preview);
    this.previewChars += f.preview.length;
    return i;
  }

  setPreview(i: number, preview: string): void {
    this.previewChars += preview.length - this.preview[i].length;
    this.preview[i] = preview;
    this.epoch++;
  }

  private grow(): void {
    const cap = this.capacity * 2;
    this.time = growArray(this.time, cap);
    this.size = growArray(this.size, cap);
    this.seq = growArray(this.seq, cap);
    this.channel = growArray(this.channel, cap);
    this.connection = growArray(this.connection, cap);
    this.event = growArray(this.event, cap);
    this.status = growArray(this.status, cap);
    this.dir = growArray(this.dir, cap);
    this.flags = growArray(this.flags, cap);
    this.handlerMs = growArray(this.handlerMs, cap);
    this.capacity = cap;
  }
}

type Typed = Float64Array | Float32Array | Uint32Array | Uint16Array | Uint8Array;
function growArray<T extends Typed>(a: T, cap: number): T {
  const next = new (a.constructor as new (n: number) => T)(cap);
  next.set(a);
  return next;
}

/** Never written: push() replaces it before the first write. */
const NO_ROWS = new Uint32Array(0);

/** A growable list of frame indices (a channel's frames, a filter's result). */
export class IndexList {
  length = 0;
  /** Starts empty and shared: a HAR of 100k channels made 100k lists, most holding one or two rows. */
  items: Uint32Array = NO_ROWS;

  push(i: number): void {
    if (this.length === this.items.length) {
      const next = new Uint32Array(Math.max(8, this.items.length * 2));
      next.set(this.items);
      this.items = next;
    }
    this.items[this.length++] = i;
  }

  at(k: number): number {
    return this.items[k];
  }
}
