// Context: pure (panel + model), no browser APIs.
// ASP.NET Core SignalR hub protocol, JSON and MessagePack encodings. JSON messages end with the
// record separator \x1e (several may share one frame). MessagePack messages are binary, each
// prefixed with its length as a VarInt (7 bits per byte, low group first). Both start with a JSON
// handshake (`{"protocol":"json","version":1}\x1e` → `{}\x1e`). The MessagePack decoder lives in
// signalr-msgpack.ts, loaded on first use with the MessagePack library (lazy.ts).

import type { Correlation, DecodedFrame, DecodeInput, FrameDecoder, JsonObject, JsonValue } from './types';
import { isRecord, parseJson, preview, share, textOf, toJsonSafe } from './util';

const TYPES: Record<number, string> = {
  1: 'Invocation',
  2: 'StreamItem',
  3: 'Completion',
  4: 'StreamInvocation',
  5: 'CancelInvocation',
  6: 'Ping',
  7: 'Close',
  8: 'Ack',
  9: 'Sequence',
};

/** The JSON-protocol shape; MessagePack arrays are mapped onto it. */
export interface HubMessage {
  type: number;
  invocationId?: string;
  target?: string;
  arguments?: JsonValue[];
  streamIds?: JsonValue[];
  item?: JsonValue;
  result?: JsonValue;
  error?: string;
  allowReconnect?: boolean;
  sequenceId?: number;
  headers?: JsonValue;
}

function describe(m: HubMessage, dir: 'in' | 'out'): Pick<DecodedFrame, 'summary' | 'id' | 'correlation' | 'messageType'> {
  const name = TYPES[m.type] ?? `type ${m.type}`;
  const bits = [name];
  if (m.target) bits.push(m.target);
  if (m.invocationId !== undefined) bits.push(`#${m.invocationId}`);
  let correlation: Correlation = 'event';
  // Invocation ids are chosen by the invoking side, so the key carries who invoked.
  let id: string | undefined;
  if ((m.type === 1 || m.type === 4) && m.invocationId !== undefined) {
    correlation = 'request';
    id = `${m.invocationId}${dir === 'out' ? '>' : '<'}`;
  } else if ((m.type === 2 || m.type === 3) && m.invocationId !== undefined) {
    correlation = m.error !== undefined ? 'error' : 'response';
    id = `${m.invocationId}${dir === 'in' ? '>' : '<'}`;
  } else if (m.type === 7 && m.error) correlation = 'error';
  if (m.arguments) bits.push(preview(m.arguments));
  if (m.type === 2) bits.push(preview(m.item));
  if (m.type === 3) bits.push(m.error !== undefined ? `error: ${m.error}` : preview(m.result));
  if (m.type === 7 && m.error) bits.push(`error: ${m.error}`);
  return { summary: bits.filter(Boolean).join(' '), id, correlation, messageType: name };
}

export function handshakeFrame(protocol: string, obj: JsonObject, dir: 'in' | 'out'): DecodedFrame {
  const isReq = 'protocol' in obj;
  const err = typeof obj.error === 'string' ? obj.error : undefined;
  return {
    protocol,
    summary: isReq ? `Handshake ${String(obj.protocol)} v${String(obj.version)}` : err ? `Handshake error: ${err}` : 'Handshake OK',
    fields: obj,
    messageType: isReq ? 'HandshakeRequest' : 'HandshakeResponse',
    id: 'handshake',
    correlation: err ? 'error' : isReq || dir === 'out' ? 'request' : 'response',
  };
}

function isHandshake(v: JsonValue | undefined): v is JsonObject {
  if (!isRecord(v)) return false;
  if ('type' in v) return false;
  return ('protocol' in v && 'version' in v) || Object.keys(v).length === 0 || typeof v.error === 'string';
}

export function toFrame(protocol: string, msgs: HubMessage[], raw: JsonValue[], dir: 'in' | 'out'): DecodedFrame | null {
  if (msgs.length === 0) return null;
  const d = describe(msgs[0], dir);
  const out: DecodedFrame = {
    protocol,
    summary: msgs.length > 1 ? `${d.summary} (+${msgs.length - 1})` : d.summary,
    fields: msgs.length > 1 ? { messages: raw } : raw[0],
    messageType: d.messageType,
  };
  if (d.id !== undefined) out.id = d.id;
  if (d.correlation) out.correlation = d.correlation;
  return out;
}

// ---- JSON ------------------------------------------------------------------------------------

function parseJsonRecords(text: string): JsonValue[] | null {
  if (!text.endsWith('\x1e')) return null;
  const parts = text.split('\x1e').slice(0, -1);
  const out: JsonValue[] = [];
  for (const p of parts) {
    const v = parseJson(p);
    if (v === undefined) return null;
    out.push(v);
  }
  return out;
}

function asHubMessage(v: JsonValue): HubMessage | null {
  if (!isRecord(v) || typeof v.type !== 'number' || !TYPES[v.type]) return null;
  return v as unknown as HubMessage;
}

export const signalrJsonDecoder: FrameDecoder = {
  id: 'signalr-json',
  name: 'SignalR (JSON hub protocol)',
  detect(sample) {
    const texts = sample.map(textOf);
    const recs = texts.map((t) => (t === undefined ? null : parseJsonRecords(t)));
    if (share(recs, (r) => r !== null && r.every((v) => asHubMessage(v) !== null || isHandshake(v))) < 0.9) return 0;
    const handshake = recs.some((r) => r !== null && r.some((v) => isRecord(v) && v.protocol === 'json'));
    return handshake ? 1 : 0.8;
  },
  decode(frame) {
    const text = textOf(frame);
    const recs = text === undefined ? null : parseJsonRecords(text);
    if (!recs || recs.length === 0) return null;
    if (isHandshake(recs[0])) return handshakeFrame('signalr-json', recs[0], frame.dir);
    const msgs = recs.map(asHubMessage);
    if (msgs.some((m) => m === null)) return null;
    return toFrame('signalr-json', msgs as HubMessage[], recs, frame.dir);
  },
};

// ---- MessagePack -----------------------------------------------------------------------------

/** Splits a binary frame into length-prefixed message bodies; null on a malformed prefix. */
export function splitVarIntFrames(bytes: Uint8Array): Uint8Array[] | null {
  const out: Uint8Array[] = [];
  let i = 0;
  while (i < bytes.length) {
    let len = 0;
    let shift = 0;
    let b: number;
    let n = 0;
    do {
      if (i >= bytes.length || n >= 5) return null;
      b = bytes[i++];
      // Multiplied, not shifted: `<< 28` overflows int32 and gave a negative length that walked
      // `i` backwards forever (a hostile server's single binary frame froze the panel).
      len += (b & 0x7f) * 2 ** shift;
      shift += 7;
      n++;
    } while (b & 0x80);
    if (i + len > bytes.length) return null;
    out.push(bytes.subarray(i, i + len));
    i += len;
  }
  return out;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Maps the positional MessagePack array onto the JSON message shape (spec: HubProtocol.md). */
export function fromMsgpackArray(a: unknown[]): HubMessage | null {
  const type = a[0];
  if (typeof type !== 'number' || !TYPES[type]) return null;
  const m: HubMessage = { type };
  const safe = (v: unknown): JsonValue => toJsonSafe(v);
  if (type >= 1 && type <= 5) m.headers = safe(a[1]);
  switch (type) {
    case 1:
    case 4:
      m.invocationId = str(a[2]);
      m.target = str(a[3]);
      m.arguments = Array.isArray(a[4]) ? a[4].map(safe) : [];
      if (Array.isArray(a[5])) m.streamIds = a[5].map(safe);
      break;
    case 2:
      m.invocationId = str(a[2]);
      m.item = safe(a[3]);
      break;
    case 3: {
      m.invocationId = str(a[2]);
      const kind = a[3];
      if (kind === 1) m.error = String(a[4]);
      else if (kind === 3) m.result = safe(a[4]);
      break;
    }
    case 5:
      m.invocationId = str(a[2]);
      break;
    case 7:
      if (typeof a[1] === 'string') m.error = a[1];
      if (typeof a[2] === 'boolean') m.allowReconnect = a[2];
      break;
    case 8:
    case 9:
      if (typeof a[1] === 'number') m.sequenceId = a[1];
      break;
  }
  return m;
}

export function handshakeOf(frame: DecodeInput): JsonObject | null {
  const t = textOf(frame);
  if (t === undefined || !t.endsWith('\x1e')) return null;
  const v = parseJson(t.slice(0, -1));
  return isHandshake(v) ? v : null;
}
