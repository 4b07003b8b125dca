// Context: page (MAIN world). Records a response body from what the PAGE reads (chunks, text(),
// json()...): event-stream bodies become SSE event records as they are read, other bodies a
// capped preview, size and hash. Nothing is read on our own, so nothing is buffered for us and
// the page's chunk timing, backpressure and cancellation stay exactly the browser's.
import type { Recorder } from './recorder';
import type { PayloadPreview } from '../protocol/records';
import { SseParser } from '../sse/parser';
import { natives, nowMs } from './natives';
import { textPreview, bytesPreview, fnv1a, utf8Length } from './payload';
import { concatBytes } from '../util/bytes';

const TEXT_TYPE = /^(text\/|application\/(json|[\w.+-]*\+json|javascript|xml|[\w.+-]*\+xml|x-www-form-urlencoded|x-ndjson))/i;

export function isTextContentType(contentType: string): boolean {
  return contentType === '' || TEXT_TYPE.test(contentType);
}

export type BodyOutcome = 'ok' | 'error' | 'abort';

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
      const cap = recorder.settings.previewBytes;
      this.parser = new SseParser((e) =>
        recorder.emit({ type: 'sse-event', t: nowMs(), conn, event: e.event, id: e.id, retry: e.retry, payload: textPreview(e.data, cap) }),
      );
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
    if (this.parser) this.parser.push(this.decoder!.decode(chunk, { stream: true }));
    else if (this.textual) {
      if (this.text.length < cap) this.text += this.decoder!.decode(chunk, { stream: true });
    } else if (this.bytesKept < cap) {
      this.bytes.push(chunk.slice(0, cap - this.bytesKept));
      this.bytesKept += Math.min(chunk.byteLength, cap - this.bytesKept);
    }
  }

  /** The whole body as text (text(), json()): parse or preview it, then finish. */
  wholeText(source: object, text: string): void {
    if (!this.accepts(source)) return;
    this.size = utf8Length(text);
    const cap = this.recorder.settings.previewBytes;
    if (this.parser) this.parser.push(text);
    else if (text.length > cap) this.text = text.slice(0, cap);
    else {
      this.text = text;
      this.textBytes = this.size;
    }
    this.finish(source, 'ok');
  }

  /** The whole body as bytes (arrayBuffer(), bytes()). */
  wholeBytes(source: object, bytes: Uint8Array): void {
    if (!this.accepts(source)) return;
    if (this.textual) return this.wholeText(source, new natives.TextDecoderCtor().decode(bytes));
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
        if (this.decoder) this.text += this.decoder.decode();
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
        const all = concatBytes(this.bytes, this.bytesKept);
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

export function describeError(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { name?: unknown; message?: unknown };
    return `${String(e.name ?? 'Error')}: ${String(e.message ?? '')}`;
  }
  return String(err);
}

export function outcomeOf(err: unknown): BodyOutcome {
  const name = err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : '';
  return name === 'AbortError' ? 'abort' : 'error';
}
