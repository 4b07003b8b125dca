// Context: node (tests). A small EventSource over the global fetch, for Node 20 (no global
// EventSource). Why not the "eventsource" package: its http.request options (a legacy url.parse
// object) lose their headers inside msw's ClientRequest interceptor, so msw's sse() handler, which
// requires `Accept: text/event-stream`, never matches; fetch is intercepted faithfully.
// Follows the parts of the HTML rules a replay test needs: fields, Last-Event-ID, retry, reconnect
// after the stream ends, 204 stops it.

export class FetchEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readonly url: string;
  readyState = FetchEventSource.CONNECTING;
  private lastEventId = '';
  private retryMs = 1000;
  private abort = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(url: string | URL) {
    super();
    this.url = String(url);
    void this.connect();
  }

  close(): void {
    this.readyState = FetchEventSource.CLOSED;
    clearTimeout(this.timer);
    this.abort.abort();
  }

  private async connect(): Promise<void> {
    const headers: Record<string, string> = { accept: 'text/event-stream', 'cache-control': 'no-cache' };
    if (this.lastEventId) headers['last-event-id'] = this.lastEventId;
    let res: Response;
    try {
      res = await fetch(this.url, { headers, signal: this.abort.signal });
    } catch {
      return this.reconnect();
    }
    if (this.readyState === FetchEventSource.CLOSED) return;
    if (res.status !== 200 || !res.body) {
      this.readyState = FetchEventSource.CLOSED;
      this.dispatchEvent(new Event('error'));
      return;
    }
    this.readyState = FetchEventSource.OPEN;
    this.dispatchEvent(new Event('open'));
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let data: string[] = [];
    let type = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let nl: number;
        while ((nl = buffer.search(/\r\n|\r|\n/)) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + (buffer.startsWith('\r\n', nl) ? 2 : 1));
          if (line === '') {
            if (data.length > 0 && this.readyState === FetchEventSource.OPEN)
              this.dispatchEvent(new MessageEvent(type || 'message', { data: data.join('\n'), lastEventId: this.lastEventId }));
            data = [];
            type = '';
            continue;
          }
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const v = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') data.push(v);
          else if (field === 'event') type = v;
          else if (field === 'id' && !v.includes('\0')) this.lastEventId = v;
          else if (field === 'retry' && /^\d+$/.test(v)) this.retryMs = Number(v);
        }
      }
    } catch {
      /* aborted or cut: reconnect below unless closed */
    }
    this.reconnect();
  }

  private reconnect(): void {
    if (this.readyState === FetchEventSource.CLOSED) return;
    this.readyState = FetchEventSource.CONNECTING;
    this.dispatchEvent(new Event('error'));
    this.timer = setTimeout(() => void this.connect(), this.retryMs);
  }
}
