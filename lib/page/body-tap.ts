// Context: page (MAIN world). Reads our tee branch of a response body: turns text/event-stream
// bodies into SSE event records as they arrive, and other bodies into a capped preview, size and
// hash. Reading stops at a byte cap (a setting) so a page that never reads its branch cannot make
// us buffer without bound.
import type { Recorder } from './recorder';
import type { PayloadPreview } from '../protocol/records';
import { SseParser } from '../sse/parser';
import { natives, nowMs, call, safely } from './natives';
import { textPreview, bytesPreview, fnv1a } from './payload';

export interface BodyTap {
  cancel(): void;
}

const TEXT_TYPE = /^(text\/|application\/(json|[\w.+-]*\+json|javascript|xml|[\w.+-]*\+xml|x-www-form-urlencoded|x-ndjson))/i;

export function isTextContentType(contentType: string): boolean {
  return contentType === '' || TEXT_TYPE.test(contentType);
}

interface ReaderLike {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}

const readerRead = ReadableStreamDefaultReader.prototype.read;
const readerCancel = ReadableStreamDefaultReader.prototype.cancel;

/** How often we look whether the page let go of its branch through a path we cannot hook. */
const PAGE_DONE_CHECK_MS = 200;

/**
 * Starts reading `reader` (our branch). `eventStream` selects SSE parsing. `pageDone` says the
 * page's branch is disturbed and unlocked: its consumer (pipeTo, pipeThrough, a Response built on
 * it...) has finished or given up, possibly by cancelling it internally, which no method hook
 * sees. If the source had ended, our branch would drain at once; if we are still reading a check
 * later, the page's branch was cancelled, and ours is cancelled too so the connection closes.
 */
export function tapBody(recorder: Recorder, conn: number, reader: ReaderLike, contentType: string, eventStream: boolean, pageDone?: () => boolean): BodyTap {
  const cap = recorder.settings.previewBytes;
  const captureCap = recorder.settings.responseCaptureBytes;
  const textual = eventStream || isTextContentType(contentType);
  const decoder = textual ? new natives.TextDecoderCtor() : undefined;
  let size = 0;
  let text = '';
  const bytes: Uint8Array[] = [];
  let bytesKept = 0;
  let finished = false;
  let cancelledByPage = false;
  const parser = eventStream
    ? new SseParser((e) =>
        recorder.emit({ type: 'sse-event', t: nowMs(), conn, event: e.event, id: e.id, retry: e.retry, payload: textPreview(e.data, cap) }),
      )
    : undefined;

  let doneSeen = false;
  let checkTimer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    checkTimer = undefined;
    if (finished) return;
    let done = false;
    safely(() => (done = !!pageDone?.()));
    if (done && doneSeen) return tap.cancel();
    doneSeen = done;
    checkTimer = natives.setTimeout(check, PAGE_DONE_CHECK_MS);
  };
  if (pageDone) checkTimer = natives.setTimeout(check, PAGE_DONE_CHECK_MS);

  const finish = (outcome: 'ok' | 'error' | 'abort', error?: string, captureStopped?: boolean) => {
    if (finished) return;
    finished = true;
    if (checkTimer !== undefined) natives.clearTimeout(checkTimer);
    let body: PayloadPreview | undefined;
    let bodyHash: string | undefined;
    if (!eventStream) {
      if (textual) {
        body = textPreview(text, cap);
        body.size = size;
        body.truncated = size > utf8Bytes(body.data);
        bodyHash = fnv1a(text);
      } else {
        const all = concat(bytes, bytesKept);
        body = bytesPreview(all, cap, size);
        bodyHash = fnv1a(body.data);
      }
    }
    recorder.emit({ type: 'http-end', t: nowMs(), conn, size, body, bodyHash, outcome, error, captureStopped });
  };

  const onChunk = (chunk: Uint8Array) => {
    size += chunk.byteLength;
    if (parser) parser.push(decoder!.decode(chunk, { stream: true }));
    else if (textual) {
      if (text.length < cap) text += decoder!.decode(chunk, { stream: true });
    } else if (bytesKept < cap) {
      bytes.push(chunk.slice(0, cap - bytesKept));
      bytesKept += Math.min(chunk.byteLength, cap - bytesKept);
    }
  };

  const pump = (): void => {
    call(
      natives.promiseThen,
      call(readerRead, reader),
      (result: { done: boolean; value?: Uint8Array }) =>
        safely(() => {
          if (result.done) {
            parser?.end();
            finish(cancelledByPage ? 'abort' : 'ok');
            return;
          }
          if (result.value) onChunk(result.value);
          if (size > captureCap) {
            // Past the cap we let go of our branch; the page's branch is unaffected.
            call(natives.promiseThen, call(readerCancel, reader), undefined, () => {});
            finish('ok', undefined, true);
            return;
          }
          pump();
        }),
      (err: unknown) =>
        safely(() => {
          const name = err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : '';
          finish(cancelledByPage || name === 'AbortError' ? 'abort' : 'error', describeError(err));
        }),
    );
  };
  pump();

  const tap: BodyTap = {
    cancel() {
      if (finished) return;
      cancelledByPage = true;
      // The page cancelled its branch; a tee only closes the connection when both branches are cancelled.
      call(natives.promiseThen, call(readerCancel, reader), undefined, () => {});
      finish('abort', 'cancelled by the page');
    },
  };
  return tap;
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

function utf8Bytes(s: string): number {
  return new natives.TextEncoderCtor().encode(s).byteLength;
}

export function describeError(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { name?: unknown; message?: unknown };
    return `${String(e.name ?? 'Error')}: ${String(e.message ?? '')}`;
  }
  return String(err);
}
