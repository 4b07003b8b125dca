// Context: page (MAIN world) and the worker agent. Keeps the text of incoming frames and SSE
// events as UTF-8 bytes in one growing circular buffer, instead of holding on to the page's
// string objects.
//
// Why: profiled on an SSE flood, holding tens of thousands of young strings made the page's
// garbage collector copy each of them between semispaces and promote them (and finalize the
// browser's external strings): the largest part of PushLens's cost per event. Bytes in one
// ArrayBuffer are a single object the collector never walks.
//
// Exactness: only well-formed strings are stored (what a WebSocket text frame or a decoded event
// stream always is), so decoding gives back exactly the same text. Anything else stays a string
// (RecordRing decides). Texts are written and released oldest first, like the ring's slots.
//
// Small texts are appended in batches (append/flush): one encodeInto per batch of up to 128, not
// one per text. Profiled on an SSE flood with no panel, each encodeInto call cost 1.5–2 µs of
// binding overhead on a 100-byte event, the largest part of what PushLens added per event. A
// batch is a concatenated string (a rope: appending copies nothing), encoded once; each text's
// byte length is its character count when the batch came out all ASCII, else counted.
import { str, uncurry } from './natives';
import { utf8Length } from './payload';

// Captured at startup: the page may replace any of these later.
const AB = ArrayBuffer;
const U8 = Uint8Array;
const I32 = Int32Array;
const F64 = Float64Array;
const encodeInto =
  typeof TextEncoder === 'function' && typeof TextEncoder.prototype.encodeInto === 'function' ? uncurry(TextEncoder.prototype.encodeInto) : undefined;
const decode = typeof TextDecoder === 'function' ? uncurry(TextDecoder.prototype.decode) : undefined;
const setBytes = uncurry(U8.prototype.set) as (target: Uint8Array, source: Uint8Array, offset?: number) => void;
const isWellFormedNative = (String.prototype as { isWellFormed?: () => boolean }).isWellFormed;
const isWellFormed = typeof isWellFormedNative === 'function' ? uncurry(isWellFormedNative) : undefined;
const EncoderCtor = typeof TextEncoder === 'function' ? TextEncoder : undefined;
const DecoderCtor = typeof TextDecoder === 'function' ? TextDecoder : undefined;

const MIN_CAPACITY = 64 * 1024;
/** Texts per batch: the encode call is amortized, and the page's strings are held only briefly. */
const ARENA_BATCH = 128;
/** A text this long (UTF-16 units) is written at once: batching saves nothing on it. */
const BATCH_TEXT_MAX = 4096;
/** Units a batch holds at most before it is written (bounds the strings kept alive). */
const BATCH_UNITS_MAX = 64 * 1024;

/** Whether `text` can live in an arena: the browser has what it takes and the text round-trips. */
export function arenaCanHold(text: string): boolean {
  return encodeInto !== undefined && isWellFormed !== undefined && isWellFormed(text) === true;
}

export class TextArena {
  private buffer = new AB(0);
  private capacity = 0;
  /** Logical positions (they only grow): a byte at logical position p is at p % capacity. */
  private start = 0;
  private end = 0;
  private encoder = EncoderCtor ? new EncoderCtor() : undefined;
  // ignoreBOM: a text that starts with U+FEFF must keep it.
  private decoder = DecoderCtor ? new DecoderCtor('utf-8', { ignoreBOM: true }) : undefined;
  /** Byte length of the text the last write() stored. */
  lastLength = 0;

  // The batch appended and not written yet: the texts concatenated, each one's length in UTF-16
  // units and the caller's tag for it.
  private pendingText = '';
  private pendingCount = 0;
  private pendingUnits = new I32(ARENA_BATCH);
  /** Per text of the last flush(), by batch index: the caller's tag, the position and the byte length. */
  readonly tags = new I32(ARENA_BATCH);
  readonly placedAt = new F64(ARENA_BATCH);
  readonly placedLengths = new I32(ARENA_BATCH);

  /** Bytes held now. */
  get used(): number {
    return this.end - this.start;
  }

  /** Appends `text` (arenaCanHold(text) must be true) and returns its logical position. */
  write(text: string): number {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const most = text.length * 3;
    if (most === 0) {
      this.lastLength = 0;
      return this.end;
    }
    this.reserve(most);
    const at = this.end;
    const offset = at % this.capacity;
    const tail = this.capacity - offset;
    let written: number;
    if (most <= tail) {
      written = encodeInto!(this.encoder!, text, new U8(this.buffer, offset, most)).written!;
    } else {
      // It may run past the buffer's end (once per lap): encode aside, then copy in two parts.
      const aside = new AB(most);
      written = encodeInto!(this.encoder!, text, new U8(aside)).written!;
      this.copyIn(aside, written, offset);
    }
    this.end = at + written;
    this.lastLength = written;
    return at;
  }

  /**
   * Whether `text` (arenaCanHold) goes in a batch: short enough, and the batch has room. Else the
   * caller flushes and writes it at once.
   */
  fitsBatch(text: string): boolean {
    return text.length <= BATCH_TEXT_MAX && this.pendingCount < ARENA_BATCH;
  }

  /**
   * Adds `text` (arenaCanHold, fitsBatch) to the batch under the caller's `tag`. Returns true when
   * the batch is full: the caller flushes it. Nothing is readable before the flush.
   */
  append(text: string, tag: number): boolean {
    const k = this.pendingCount++;
    this.pendingText += text;
    this.pendingUnits[k] = text.length;
    this.tags[k] = tag;
    return this.pendingCount === ARENA_BATCH || this.pendingText.length >= BATCH_UNITS_MAX;
  }

  /**
   * Writes the batch with one encode and returns how many texts it held; `tags`, `placedAt` and
   * `placedLengths` then tell, for each, where it is.
   */
  flush(): number {
    const n = this.pendingCount;
    if (n === 0) return 0;
    const joined = this.pendingText;
    this.pendingText = '';
    this.pendingCount = 0;
    let at = this.write(joined);
    // Every UTF-16 unit takes at least one byte, and only ASCII takes exactly one.
    const ascii = this.lastLength === joined.length;
    let from = 0;
    for (let k = 0; k < n; k++) {
      const units = this.pendingUnits[k];
      // A text of its own (a slice is a view), so utf8Length's all-ASCII check applies to it.
      const bytes = ascii ? units : utf8Length(str.slice(joined, from, from + units));
      this.placedAt[k] = at;
      this.placedLengths[k] = bytes;
      at += bytes;
      from += units;
    }
    return n;
  }

  /** The text written at `at` with `length` bytes. */
  read(at: number, length: number): string {
    if (length === 0) return '';
    const offset = at % this.capacity;
    if (offset + length <= this.capacity) return decode!(this.decoder!, new U8(this.buffer, offset, length));
    const joined = new U8(length);
    const first = this.capacity - offset;
    setBytes(joined, new U8(this.buffer, offset, first));
    setBytes(joined, new U8(this.buffer, 0, length - first), first);
    return decode!(this.decoder!, joined);
  }

  /** Frees everything before logical position `at` (the oldest texts). */
  releaseBefore(at: number): void {
    if (at > this.start) this.start = at > this.end ? this.end : at;
  }

  /** Makes room for `need` more bytes: doubles the buffer, keeping the held bytes at their positions. */
  private reserve(need: number): void {
    const held = this.end - this.start;
    if (this.capacity - held >= need) return;
    let capacity = this.capacity > 0 ? this.capacity * 2 : MIN_CAPACITY;
    while (capacity - held < need) capacity *= 2;
    const linear = new AB(held);
    if (held > 0) {
      const offset = this.start % this.capacity;
      const first = held < this.capacity - offset ? held : this.capacity - offset;
      setBytes(new U8(linear), new U8(this.buffer, offset, first));
      if (first < held) setBytes(new U8(linear), new U8(this.buffer, 0, held - first), first);
    }
    this.buffer = new AB(capacity);
    this.capacity = capacity;
    this.copyIn(linear, held, this.start % capacity);
  }

  /** Copies `length` bytes of `source` to physical `offset`, wrapping at the buffer's end. */
  private copyIn(source: ArrayBuffer, length: number, offset: number): void {
    const first = length < this.capacity - offset ? length : this.capacity - offset;
    setBytes(new U8(this.buffer, offset, first), new U8(source, 0, first));
    if (first < length) setBytes(new U8(this.buffer, 0, length - first), new U8(source, first, length - first));
  }
}
