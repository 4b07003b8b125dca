// Context: page (MAIN world). Records a response body from what the PAGE reads (chunks, text(),
// json()...): event-stream bodies become SSE event records as they are read, other bodies a
// capped preview, size and hash. Nothing is read on our own, so nothing is buffered for us and
// the page's chunk timing, backpressure and cancellation stay exactly the browser's.
import type { Recorder } from './recorder';
import type { PayloadPreview } from '../protocol/records';
import { SseParser } from '../sse/parser';
import { natives, nowMs, uncurry, reTest } from './natives';
import { eventPreview, textPreview, bytesPreview, fnv1a, utf8Length, detachedSlice } from './payload';

const U8 = Uint8Array;
const decode = uncurry(TextDecoder.prototype.decode) as (d: TextDecoder, input?: Uint8Array, options?: TextDecodeOptions) => string;
const STREAM: TextDecodeOptions = { stream: true };
const typedArrayProto = natives.getPrototypeOf(Uint8Array.prototype) as object;
const taBuffer = uncurry(natives.getOwnPropertyDescriptor(typedArrayProto, 'buffer')!.get!) as (a: Uint8Array) => ArrayBuffer;
const taOffset = uncurry(natives.getOwnPropertyDescriptor(typedArrayProto, 'byteOffset')!.get!) as (a: Uint8Array) => number;
const taSet = uncurry(typedArrayProto && (Uint8Array.prototype as unknown as { set: (a: ArrayLike<number>, at?: number) => void }).set) as (
  a: Uint8Array,
  src: Uint8Array,
  at: number,
) => void;

/** A copy of the first `n` bytes of `chunk` (the natives: slice() would read the page's species). */
function head(chunk: Uint8Array, n: number): Uint8Array {
  const out = new U8(n);
  taSet(out, new U8(taBuffer(chunk), taOffset(chunk), n), 0);
  return out;
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new U8(total);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    taSet(out, parts[i], at);
    at += parts[i].byteLength;
  }
  return out;
}

const u8IndexOf = uncurry(U8.prototype.indexOf) as (a: Uint8Array, byte: number, from?: number) => number;

/** Index of the first CR or LF byte in `chunk`, or -1. */
function lineBreakIn(chunk: Uint8Array): number {
  const lf = u8IndexOf(chunk, 10);
  const cr = u8IndexOf(chunk, 13);
  return lf < 0 ? cr : cr < 0 || lf < cr ? lf : cr;
}

/**
 * How many of the last bytes fed to a streaming UTF-8 decoder (`tail`, up to 3) it holds back as
 * the start of a character not yet complete: a lead byte (C2–DF, E0–EF, F0–F4) with fewer
 * continuation bytes after it than its character needs. Exact for valid UTF-8.
 */
function heldByDecoder(tail: Uint8Array, length: number): number {
  for (let back = 1; back <= length; back++) {
    const b = tail[length - back];
    if (b >= 0x80 && b < 0xc0) continue; // a continuation byte: the lead is further back
    const needs = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 1;
    return back < needs ? back : 0;
  }
  return 0;
}

const TEXT_TYPE = /^(text\/|application\/(json|[\w.+-]*\+json|javascript|xml|[\w.+-]*\+xml|x-www-form-urlencoded|x-ndjson))/i;

export function isTextContentType(contentType: string): boolean {
  return contentType === '' || reTest(TEXT_TYPE, contentType);
}

export type BodyOutcome = 'ok' | 'error' | 'abort';

/** An SSE parser that records each event of connection `conn` (fetch bodies and XHR event streams alike). */
export function recordingSseParser(recorder: Recorder, conn: number): SseParser {
  const cap = recorder.settings.previewBytes;
  return new SseParser((e) => {
    const payload = eventPreview(e.data, e.overflowBytes, cap);
    // A preview cut at the cap keeps the event's whole data for the panel; one the parser itself
    // cut (overflowBytes) has no whole to keep.
    const whole = payload.truncated && !e.overflowBytes ? e.data : undefined;
    recorder.emit({ type: 'sse-event', t: nowMs(), conn, event: e.event, id: e.id, retry: e.retry, payload }, whole, whole ? whole.length * 2 : 0);
  });
}

export class BodySink {
  finished = false;
  /** The body stream whose data we record: a page that clones reads two branches of one body. */
  private owner: object | undefined;
  private size = 0;
  private text = '';
  private bytes: Uint8Array[] = [];
  private bytesKept = 0;
  /** UTF-8 byte length of `text` when known without a scan (the whole body came as one string). */
  private textBytes = -1;
  /** Made on the first chunk: text() and json() hand us strings and never need one. */
  private decoder: TextDecoder | undefined;
  private parser: SseParser | undefined;
  /** The last bytes fed to the decoder (feedParser): up to 3. */
  private tail = new U8(3);
  private tailLength = 0;
  private readonly textual: boolean;

  constructor(
    private recorder: Recorder,
    private conn: number,
    contentType: string,
    private eventStream: boolean,
    /** Told when the record ends (a plain object, not a callback: no closure per fetch). */
    private registry: { markClosed(conn: number): void },
  ) {
    this.textual = eventStream || isTextContentType(contentType);
    if (eventStream) {
      this.parser = recordingSseParser(recorder, conn);
    }
  }

  /** True when data from `source` is the one we record (the first consumer to deliver wins). */
  accepts(source: object): boolean {
    if (this.finished) return false;
    this.owner ??= source;
    return this.owner === source;
  }

  chunk(source: object, chunk: Uint8Array): void {
    if (!this.accepts(source)) return;
    this.size += chunk.byteLength;
    const cap = this.recorder.settings.previewBytes;
    if (this.textual) this.decoder ??= new natives.TextDecoderCtor();
    if (this.parser) this.feedParser(this.parser, chunk);
    else if (this.textual) {
      if (this.text.length < cap) this.text += decode(this.decoder!, chunk, STREAM);
    } else if (this.bytesKept < cap) {
      this.bytes[this.bytes.length] = head(chunk, natives.min(chunk.byteLength, cap - this.bytesKept));
      this.bytesKept += Math.min(chunk.byteLength, cap - this.bytesKept);
    }
  }

  /**
   * Decodes `chunk` into the SSE parser, except while a line is past the parser's cap: those bytes
   * are only counted, not decoded (a hostile server's 8 MB line cost the page 10 ms decoding and
   * 8 ms measuring text it then dropped). CR and LF never occur inside a UTF-8 sequence, so a
   * fresh decoder starts cleanly at the line's end; the bytes of a character the old decoder still
   * held belong to the long line and are counted with it.
   */
  private feedParser(parser: SseParser, chunk: Uint8Array): void {
    if (parser.lineFull()) {
      const end = lineBreakIn(chunk);
      parser.countLineOverflow(heldByDecoder(this.tail, this.tailLength) + (end < 0 ? chunk.byteLength : end));
      this.decoder = new natives.TextDecoderCtor();
      this.tailLength = 0;
      if (end < 0) return;
      chunk = new U8(taBuffer(chunk), taOffset(chunk) + end, chunk.byteLength - end);
    }
    this.keepTail(chunk);
    parser.push(decode(this.decoder!, chunk, STREAM));
  }

  /** Remembers the last three bytes given to the decoder (what it may hold of a split character). */
  private keepTail(chunk: Uint8Array): void {
    const n = chunk.byteLength;
    if (n >= 3) {
      this.tail[0] = chunk[n - 3];
      this.tail[1] = chunk[n - 2];
      this.tail[2] = chunk[n - 1];
      this.tailLength = 3;
      return;
    }
    for (let i = 0; i < n; i++) {
      if (this.tailLength === 3) {
        this.tail[0] = this.tail[1];
        this.tail[1] = this.tail[2];
        this.tailLength = 2;
      }
      this.tail[this.tailLength++] = chunk[i];
    }
  }

  /** The whole body as text (text(), json()): parse or preview it, then finish. */
  wholeText(source: object, text: string): void {
    if (!this.accepts(source)) return;
    this.size = utf8Length(text);
    const cap = this.recorder.settings.previewBytes;
    if (this.parser) this.parser.push(text);
    else if (text.length > cap)
      this.text = detachedSlice(text, cap); // not a view keeping the whole body
    else {
      this.text = text;
      this.textBytes = this.size;
    }
    this.finish(source, 'ok');
  }

  /** The whole body as bytes (arrayBuffer(), bytes()). */
  wholeBytes(source: object, bytes: Uint8Array): void {
    if (!this.accepts(source)) return;
    if (this.textual) return this.wholeText(source, decode(new natives.TextDecoderCtor(), bytes));
    this.chunk(source, bytes);
    this.finish(source, 'ok');
  }

  /** Only the size is known (blob(), or the page never read the body). */
  sizeOnly(source: object, size: number, outcome: BodyOutcome, error?: string): void {
    if (!this.accepts(source)) return;
    this.size = size;
    this.finish(source, outcome, error);
  }

  finish(source: object, outcome: BodyOutcome, error?: string): void {
    if (!this.accepts(source)) return;
    this.finished = true;
    this.parser?.end();
    const cap = this.recorder.settings.previewBytes;
    let body: PayloadPreview | undefined;
    let bodyHash: string | undefined;
    if (!this.eventStream && this.size > 0) {
      if (this.textual) {
        if (this.decoder) this.text += decode(this.decoder);
        // The whole body as one short string (text(), json()) is its own preview: no more scans.
        if (this.textBytes >= 0 && this.textBytes <= cap) body = { data: this.text, binary: false, size: this.size, truncated: false };
        else {
          body = textPreview(this.text, cap);
          const kept = body.truncated ? utf8Length(body.data) : body.size;
          body.size = this.size;
          body.truncated = this.size > kept;
        }
        bodyHash = fnv1a(this.text);
      } else {
        const all = concat(this.bytes, this.bytesKept);
        body = bytesPreview(all, cap, this.size);
        bodyHash = fnv1a(body.data);
      }
    }
    this.text = '';
    this.bytes = [];
    this.recorder.emit({ type: 'http-end', t: nowMs(), conn: this.conn, size: this.size, body, bodyHash, outcome, error });
    this.registry.markClosed(this.conn);
  }

  /** The Response was collected before the page read its body: only the fact is known. */
  unread(): void {
    if (this.finished) return;
    this.owner ??= this;
    this.finish(this.owner, 'ok', 'the page never read the body');
  }
}

const domExceptionName = typeof DOMException === 'function' ? natives.getOwnPropertyDescriptor(DOMException.prototype, 'name')?.get : undefined;
const domExceptionMessage = typeof DOMException === 'function' ? natives.getOwnPropertyDescriptor(DOMException.prototype, 'message')?.get : undefined;

/**
 * A property of an error without running page code: a DOMException's native getter, or a data
 * property found on the object or its prototypes (an accessor, a Proxy's trap... give '').
 */
function errorField(err: object, key: 'name' | 'message'): string {
  const getter = key === 'name' ? domExceptionName : domExceptionMessage;
  if (getter) {
    try {
      return natives.apply(getter, err, []) as string;
    } catch {
      /* not a DOMException */
    }
  }
  try {
    for (let o: object | null = err, n = 0; o && n < 16; o = natives.getPrototypeOf(o) as object | null, n++) {
      const desc = natives.getOwnPropertyDescriptor(o, key);
      if (desc) return 'value' in desc && typeof desc.value === 'string' ? desc.value : '';
    }
  } catch {
    /* a Proxy that throws */
  }
  return '';
}

export function describeError(err: unknown): string {
  if (err && typeof err === 'object') return `${errorField(err, 'name') || 'Error'}: ${errorField(err, 'message')}`;
  return typeof err === 'string'
    ? err
    : typeof err === 'number' || typeof err === 'boolean' || err === undefined || err === null
      ? `${err}`
      : typeof err;
}

export function outcomeOf(err: unknown): BodyOutcome {
  return err && typeof err === 'object' && errorField(err, 'name') === 'AbortError' ? 'abort' : 'error';
}
