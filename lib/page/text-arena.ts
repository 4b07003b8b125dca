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
import { uncurry } from './natives';

// Captured at startup: the page may replace any of these later.
const AB = ArrayBuffer;
const U8 = Uint8Array;
const encodeInto =
  typeof TextEncoder === 'function' && typeof TextEncoder.prototype.encodeInto === 'function' ? uncurry(TextEncoder.prototype.encodeInto) : undefined;
const decode = typeof TextDecoder === 'function' ? uncurry(TextDecoder.prototype.decode) : undefined;
const setBytes = uncurry(U8.prototype.set) as (target: Uint8Array, source: Uint8Array, offset?: number) => void;
const isWellFormedNative = (String.prototype as { isWellFormed?: () => boolean }).isWellFormed;
const isWellFormed = typeof isWellFormedNative === 'function' ? uncurry(isWellFormedNative) : undefined;
const EncoderCtor = typeof TextEncoder === 'function' ? TextEncoder : undefined;
const DecoderCtor = typeof TextDecoder === 'function' ? TextDecoder : undefined;

const MIN_CAPACITY = 64 * 1024;

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
