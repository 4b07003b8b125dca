// Context: pure (panel + model), no browser APIs.
// Shapes shared by every frame decoder. Decoders only see data the panel already holds, so the
// panel can decode lazily (when a row is shown) and re-run detection when the user overrides it.

/** A JSON-safe value: what the detail view can render as a tree without surprises. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** One captured message as the decoders see it: text frames carry `text`, binary ones `bytes`. */
export interface DecodeInput {
  /** 'out' = page → server, 'in' = server → page. */
  dir: 'in' | 'out';
  text?: string;
  bytes?: Uint8Array;
  channelUrl: string;
  /** The negotiated WebSocket subprotocol, when known (the strongest hint there is). */
  subprotocol?: string;
}

export type Correlation = 'request' | 'response' | 'event' | 'error';

export interface DecodedFrame {
  /** Decoder id, e.g. 'socket.io'. */
  protocol: string;
  /** One line for the table, e.g. `42 chat:message ack#3`. */
  summary: string;
  /** JSON-safe tree for the detail view. */
  fields: JsonValue;
  /** Protocol-level message kind, e.g. 'EVENT', 'subscribe', 'PUBLISH'. */
  messageType: string;
  /** Request/response pairing id (already namespaced by the decoder where ids could clash). */
  id?: string;
  correlation?: Correlation;
}

export interface FrameDecoder {
  id: string;
  name: string;
  /** Confidence 0..1 that a channel whose first frames are `sample` speaks this protocol. */
  detect(sample: DecodeInput[]): number;
  /** Null when this frame is not this protocol (a decoder never throws). */
  decode(frame: DecodeInput): DecodedFrame | null;
  /**
   * Optional whole-channel decode, in frame order, for protocols whose frames depend on earlier
   * ones (MQTT packets split across WebSocket messages, Socket.IO binary attachments). Returns
   * one entry per input frame. Without it, callers map decode() over the frames.
   */
  decodeAll?(frames: DecodeInput[]): (DecodedFrame | null)[];
}
