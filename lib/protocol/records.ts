// Context: shared (page agent, panel, model). Pure types for what the page agent captures.
// Records are small, JSON-safe and size-capped: they cross a MessagePort, a runtime Port and
// another Port before they reach the panel store.

/** Which page API produced a connection. */
export type ConnectionApi = 'ws' | 'sse' | 'fetch' | 'xhr';

/** A payload preview: text as is, binary as base64. `size` is always the true size in bytes. */
export interface PayloadPreview {
  /** Text (UTF-8 decoded) or base64 of the first bytes when `binary` is true. */
  data: string;
  binary: boolean;
  /** True byte length of the whole payload, even when `data` was cut. */
  size: number;
  /** True when `data` holds less than the whole payload. */
  truncated: boolean;
}

interface RecordBase {
  /** Per-agent sequence number, 1-based, without gaps in what the agent emitted. */
  seq: number;
  /** Wall-clock time in ms (performance.timeOrigin + performance.now()). */
  t: number;
  /** Per-agent connection id (one WebSocket, EventSource, fetch or XHR). */
  conn: number;
}

export interface WsCreateRecord extends RecordBase {
  type: 'ws-create';
  url: string;
  protocols: string[];
  stack?: string;
}
export interface WsOpenRecord extends RecordBase {
  type: 'ws-open';
  protocol: string;
  extensions: string;
}
export interface WsFrameRecord extends RecordBase {
  type: 'ws-frame';
  dir: 'in' | 'out';
  payload: PayloadPreview;
  /** Set when PushLens itself sent or injected this frame (never for page traffic). */
  synthetic?: 'sent' | 'injected';
  /** Incoming only: ms the page's own message listeners (and `onmessage`) ran for this frame. */
  handlerMs?: number;
}
export interface WsCloseRecord extends RecordBase {
  type: 'ws-close';
  code: number;
  reason: string;
  wasClean: boolean;
  /** Who asked for the close first: the page (close() called) or the server/network. */
  by: 'client' | 'server';
  /** Set when the close was a PushLens-simulated network drop. */
  synthetic?: 'dropped';
}
export interface WsErrorRecord extends RecordBase {
  type: 'ws-error';
}

export interface SseCreateRecord extends RecordBase {
  type: 'sse-create';
  url: string;
  withCredentials: boolean;
  stack?: string;
}
export interface SseOpenRecord extends RecordBase {
  type: 'sse-open';
}
/** One SSE event: from an EventSource, or parsed from a fetch/XHR `text/event-stream` body. */
export interface SseEventRecord extends RecordBase {
  type: 'sse-event';
  event: string;
  id: string;
  retry?: number;
  payload: PayloadPreview;
  synthetic?: 'injected';
  /** ms the page's own listeners of this event type (and `onmessage`) ran for this event. */
  handlerMs?: number;
}
export interface SseErrorRecord extends RecordBase {
  type: 'sse-error';
  /** readyState right after the error: 0 = reconnecting, 2 = closed for good. */
  readyState: number;
}
export interface SseCloseRecord extends RecordBase {
  type: 'sse-close';
}

export interface HttpRequestRecord extends RecordBase {
  type: 'http-request';
  api: 'fetch' | 'xhr';
  method: string;
  url: string;
  headers: [string, string][];
  body?: PayloadPreview;
  stack?: string;
}
export interface HttpResponseRecord extends RecordBase {
  type: 'http-response';
  status: number;
  statusText: string;
  headers: [string, string][];
  /** Final URL after redirects. */
  url: string;
  /** True when the body is consumed as a stream of SSE events (content-type text/event-stream). */
  eventStream: boolean;
}
export interface HttpEndRecord extends RecordBase {
  type: 'http-end';
  /** Bytes of body received. */
  size: number;
  body?: PayloadPreview;
  /** Short hash of the whole received body (FNV-1a of the preview when truncated), to spot unchanged polls. */
  bodyHash?: string;
  outcome: 'ok' | 'error' | 'abort' | 'timeout';
  error?: string;
  /** The hook stopped reading after its byte cap; the page's own stream went on unaffected. */
  captureStopped?: boolean;
}

/**
 * The page's listeners ran for an incoming frame or SSE event the panel was already sent (the
 * frame went out in a batch during its own dispatch, or was held and released later): the total
 * so far, which replaces any earlier value. Only ever names an earlier record of the same
 * connection; the panel ignores it otherwise.
 */
export interface HandlerCostRecord extends RecordBase {
  type: 'handler-cost';
  /** Seq of the incoming ws-frame or sse-event. */
  frameSeq: number;
  ms: number;
}

/** The agent's ring buffer overwrote records before anyone read them. */
export interface DroppedRecord extends RecordBase {
  type: 'dropped';
  /** Sequence numbers fromSeq..toSeq (inclusive) are gone for good. */
  fromSeq: number;
  toSeq: number;
}

export type CaptureRecord =
  | WsCreateRecord
  | WsOpenRecord
  | WsFrameRecord
  | WsCloseRecord
  | WsErrorRecord
  | SseCreateRecord
  | SseOpenRecord
  | SseEventRecord
  | SseErrorRecord
  | SseCloseRecord
  | HttpRequestRecord
  | HttpResponseRecord
  | HttpEndRecord
  | HandlerCostRecord
  | DroppedRecord;

export type CaptureRecordType = CaptureRecord['type'];

/** Distributes Omit over a union so each member keeps its own fields. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A record before the agent stamps it with a sequence number. */
export type UnsequencedRecord = DistributiveOmit<CaptureRecord, 'seq'>;
