// Context: shared (page agent, model, tests). An incremental parser for the text/event-stream
// format, fed with decoded text chunks in any split (a line may span chunks, CRLF may be split).
// Follows the WHATWG "interpret an event stream" rules: data lines joined with \n, a missing event
// name means "message", an id with NUL is ignored, retry only when all digits, comments skipped.

export interface ParsedSseEvent {
  event: string;
  data: string;
  id: string;
  retry?: number;
}

export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private eventName = '';
  private lastId = '';
  private retry: number | undefined;
  private sawBom = false;
  private pendingCR = false;

  constructor(private onEvent: (e: ParsedSseEvent) => void) {}

  push(chunk: string): void {
    if (!this.sawBom) {
      if (chunk.length === 0) return;
      this.sawBom = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    // A CR that ended the previous chunk may be the first half of a CRLF.
    if (this.pendingCR) {
      this.pendingCR = false;
      if (chunk.startsWith('\n')) chunk = chunk.slice(1);
    }
    let text = this.buffer + chunk;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      this.line(text.slice(start, i));
      if (c === 13) {
        if (i + 1 === text.length) this.pendingCR = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    this.buffer = text.slice(start);
    text = '';
  }

  /** Unterminated data at the end of a stream is dropped, as browsers do. */
  end(): void {
    this.buffer = '';
    this.data = [];
    this.eventName = '';
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.charCodeAt(0) === 58 /* : */) return; // comment (often a heartbeat)
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventName = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.lastId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
    }
  }

  private dispatch(): void {
    if (this.data.length === 0) {
      // No event (as in browsers); a retry hint is kept and reported with the next event.
      this.eventName = '';
      return;
    }
    const retry = this.retry;
    this.retry = undefined;
    const e: ParsedSseEvent = { event: this.eventName || 'message', data: this.data.join('\n'), id: this.lastId };
    if (retry !== undefined) e.retry = retry;
    this.data = [];
    this.eventName = '';
    this.onEvent(e);
  }
}
