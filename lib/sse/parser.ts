// Context: page (MAIN world; also usable anywhere). An incremental parser for the
// text/event-stream format, fed with decoded text chunks in any split (a line may span chunks,
// CRLF may be split). Follows the WHATWG "interpret an event stream" rules: data lines joined
// with \n, a missing event name means "message", an id with NUL is ignored, retry only when all
// digits, comments skipped.
//
// Linear in the characters received, whatever the server sends: each chunk is scanned once and
// an unterminated line is never rescanned (a hostile server sending one 8 MB line in 4 KB chunks
// made the old parser rescan it on every chunk: minutes of page CPU). A line, and an event's data,
// keep at most `maxChars` characters; what lies beyond is only measured (UTF-8 bytes), and the
// event says it was truncated and how large it really was.
// It runs in the page after start-up, so string methods are the natives captured by the agent.
import { str, arr } from '../page/natives';
import { utf8Length } from '../page/payload';

export interface ParsedSseEvent {
  event: string;
  data: string;
  id: string;
  retry?: number;
  /** UTF-8 bytes of data beyond `data` (set only when the event was cut at the cap). */
  overflowBytes?: number;
}

/** Default cap on one line and on one event's data, in characters. */
export const SSE_MAX_CHARS = 1 << 20;

export class SseParser {
  /** The current line so far (at most maxChars characters). */
  private line = '';
  /** UTF-8 bytes of the current line past the cap. */
  private lineOverflow = 0;
  private data = '';
  private hasData = false;
  private dataOverflow = 0;
  private eventName = '';
  private lastId = '';
  private retry: number | undefined = undefined;
  private sawBom = false;
  private pendingCR = false;

  constructor(
    private onEvent: (e: ParsedSseEvent) => void,
    private maxChars = SSE_MAX_CHARS,
  ) {}

  push(chunk: string): void {
    let pos = 0;
    if (!this.sawBom) {
      if (chunk.length === 0) return;
      this.sawBom = true;
      if (str.charCodeAt(chunk, 0) === 0xfeff) pos = 1;
    }
    // A CR that ended the previous chunk may be the first half of a CRLF.
    if (this.pendingCR && pos < chunk.length) {
      this.pendingCR = false;
      if (str.charCodeAt(chunk, pos) === 10) pos++;
    }
    const n = chunk.length;
    // Next LF and next CR at or after pos; -1 = none left in this chunk (never searched again).
    let lf = str.indexOf(chunk, '\n', pos);
    let cr = str.indexOf(chunk, '\r', pos);
    while (lf >= 0 || cr >= 0) {
      const end = cr < 0 ? lf : lf < 0 ? cr : cr < lf ? cr : lf;
      this.take(chunk, pos, end);
      this.endLine();
      pos = end + 1;
      if (end === cr) {
        if (pos === n) this.pendingCR = true;
        else if (str.charCodeAt(chunk, pos) === 10) pos++;
      }
      if (lf >= 0 && lf < pos) lf = str.indexOf(chunk, '\n', pos);
      if (cr >= 0 && cr < pos) cr = str.indexOf(chunk, '\r', pos);
    }
    this.take(chunk, pos, n);
  }

  /**
   * True while the current line is at the cap: until the line ends, what arrives of it is only
   * counted. A caller holding the raw bytes may then count them itself (countLineOverflow) and
   * not decode them (lib/page/body-sink.ts).
   */
  lineFull(): boolean {
    return this.line.length >= this.maxChars;
  }

  /** Counts `bytes` more of the current line beyond the cap (only while lineFull()). */
  countLineOverflow(bytes: number): void {
    this.lineOverflow += bytes;
  }

  /** Unterminated data at the end of a stream is dropped, as browsers do. */
  end(): void {
    this.line = '';
    this.lineOverflow = 0;
    this.resetEvent();
  }

  /** Adds chunk[from, to) to the current line, keeping up to the cap and measuring the rest. */
  private take(chunk: string, from: number, to: number): void {
    if (from >= to) return;
    const room = this.maxChars - this.line.length;
    if (room >= to - from) {
      this.line += from === 0 && to === chunk.length ? chunk : str.slice(chunk, from, to);
      return;
    }
    if (room > 0) this.line += str.slice(chunk, from, from + room);
    const rest = from + (room > 0 ? room : 0);
    this.lineOverflow += utf8Length(rest === 0 && to === chunk.length ? chunk : str.slice(chunk, rest, to));
  }

  private endLine(): void {
    const line = this.line;
    const overflow = this.lineOverflow;
    this.line = '';
    this.lineOverflow = 0;
    if (line === '' && overflow === 0) return this.dispatch();
    if (str.charCodeAt(line, 0) === 58 /* : */) return; // comment (often a heartbeat)
    const colon = str.indexOf(line, ':');
    const field = colon < 0 ? line : str.slice(line, 0, colon);
    let value = colon < 0 ? '' : str.slice(line, colon + 1);
    if (str.charCodeAt(value, 0) === 32) value = str.slice(value, 1);
    switch (field) {
      case 'event':
        this.eventName = value;
        break;
      case 'data':
        this.addData(value, overflow);
        break;
      case 'id':
        if (overflow === 0 && !str.includes(value, '\0')) this.lastId = value;
        break;
      case 'retry':
        if (overflow === 0 && isDigits(value)) this.retry = +value;
        break;
    }
  }

  private addData(value: string, overflow: number): void {
    // Lines after the first are joined with \n (one byte); the event's data is capped as a line is.
    let text = this.hasData ? '\n' + value : value;
    this.hasData = true;
    const room = this.maxChars - this.data.length;
    if (this.dataOverflow > 0 || room <= 0) {
      this.dataOverflow += utf8Length(text) + overflow;
      return;
    }
    if (text.length > room) {
      this.dataOverflow += utf8Length(str.slice(text, room));
      text = str.slice(text, 0, room);
    }
    this.data += text;
    this.dataOverflow += overflow;
  }

  private dispatch(): void {
    if (!this.hasData) {
      // No event (as in browsers); a retry hint is kept and reported with the next event.
      this.eventName = '';
      return;
    }
    const retry = this.retry;
    this.retry = undefined;
    // Optional members only in a new literal, never deleted: a `delete` turned every event object
    // into a slow dictionary-mode one (profiled: the largest self time of a fetch-streamed flood).
    // Not assigned either: in the page, an assignment would run a setter the page put on
    // Object.prototype; a literal defines its own properties.
    let e: ParsedSseEvent = { event: this.eventName || 'message', data: this.data, id: this.lastId };
    if (retry !== undefined) e = { ...e, retry };
    if (this.dataOverflow > 0) e = { ...e, overflowBytes: this.dataOverflow };
    this.resetEvent();
    this.onEvent(e);
  }

  private resetEvent(): void {
    this.data = '';
    this.hasData = false;
    this.dataOverflow = 0;
    this.eventName = '';
  }
}

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = str.charCodeAt(s, i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

// Kept for callers that collect events into a list.
export function collectEvents(chunks: readonly string[], maxChars?: number): ParsedSseEvent[] {
  const out: ParsedSseEvent[] = [];
  const p = new SseParser((e) => arr.push(out, e), maxChars);
  for (let i = 0; i < chunks.length; i++) p.push(chunks[i]);
  return out;
}
