// Context: pure model (no browser APIs). Inputs the panel builds from capture records.

/** One HTTP request/response as the panel sees it (fetch or XHR). Times are epoch ms. */
export interface HttpExchange {
  id: string;
  method: string;
  url: string;
  start: number;
  /** When response headers arrived. */
  responseAt?: number;
  /** When the body finished (or the request failed/aborted). Undefined while in flight. */
  end?: number;
  status?: number;
  /** Response body bytes. */
  size?: number;
  /** Hash of the response body, equal hashes = unchanged data. */
  bodyHash?: string;
  /** Request body preview text (for POST polls), may be undefined. */
  requestBody?: string;
  outcome?: 'ok' | 'error' | 'abort' | 'timeout';
  /** Response was text/event-stream: a stream, never a poll. */
  eventStream?: boolean;
}

/** One connection attempt of a WebSocket or SSE channel (an EventSource reconnect is a new attempt). */
export interface ConnectionAttempt {
  id: string;
  kind: 'ws' | 'sse' | 'fetch-stream';
  url: string;
  createdAt: number;
  openedAt?: number;
  closedAt?: number;
  closeCode?: number;
  closeReason?: string;
  wasClean?: boolean;
  /** An error event preceded the close. */
  error?: boolean;
  /** HTTP status of the handshake/response when known (from DevTools network entries). */
  httpStatus?: number;
  /** Last SSE id seen on this attempt (what the browser sends back as Last-Event-ID). */
  lastEventId?: string;
  /** First SSE id seen on this attempt. */
  firstEventId?: string;
}
