// Context: pure (panel + model), no browser APIs.
// Phoenix channels. Serializer v2 (phoenix.js default, `vsn=2.0.0` in the URL) sends JSON arrays
// `[join_ref, ref, topic, event, payload]`; v1 sends objects `{topic, event, payload, ref}`.
// v2 also has a binary form for ArrayBuffer payloads whose header layout depends on the kind
// byte and on the direction (a client push carries a ref, a server push does not).

import type { Correlation, DecodedFrame, FrameDecoder, JsonObject, JsonValue } from './types';
import { decodeUtf8, isRecord, parseJson, preview, share, textOf, toHex } from './util';

export interface PhoenixMessage {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: JsonValue;
  /** 'v2' (array), 'v1' (object) or 'binary'. */
  format: 'v1' | 'v2' | 'binary';
}

const refOf = (v: JsonValue | undefined): string | null => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);

export function parsePhoenixText(text: string): PhoenixMessage | null {
  const v = parseJson(text);
  if (Array.isArray(v) && v.length === 5 && typeof v[2] === 'string' && typeof v[3] === 'string') {
    if (!(v[0] === null || typeof v[0] === 'string') || !(v[1] === null || typeof v[1] === 'string')) return null;
    return { joinRef: refOf(v[0]), ref: refOf(v[1]), topic: v[2], event: v[3], payload: v[4], format: 'v2' };
  }
  if (isRecord(v) && typeof v.topic === 'string' && typeof v.event === 'string' && 'payload' in v) {
    return { joinRef: refOf(v.join_ref), ref: refOf(v.ref), topic: v.topic, event: v.event, payload: v.payload ?? null, format: 'v1' };
  }
  return null;
}

/** The v2 binary serializer (phoenix.js serializer.js binaryEncode/binaryDecode). */
export function parsePhoenixBinary(bytes: Uint8Array, dir: 'in' | 'out'): PhoenixMessage | null {
  if (bytes.length < 3) return null;
  const kind = bytes[0];
  const sizes: number[] = [];
  // push from client: join_ref, ref, topic, event; push from server: join_ref, topic, event;
  // reply: join_ref, ref, topic, status; broadcast: topic, event.
  const count = kind === 0 ? (dir === 'out' ? 4 : 3) : kind === 1 ? 4 : kind === 2 ? 2 : -1;
  if (count < 0 || bytes.length < 1 + count) return null;
  for (let i = 0; i < count; i++) sizes.push(bytes[1 + i]);
  let off = 1 + count;
  const strs: string[] = [];
  for (const n of sizes) {
    if (off + n > bytes.length) return null;
    strs.push(decodeUtf8(bytes.subarray(off, off + n)));
    off += n;
  }
  const data = bytes.subarray(off);
  const bin = { $binary: data.length, hex: toHex(data, 32) };
  if (kind === 0 && dir === 'out') return { joinRef: strs[0], ref: strs[1], topic: strs[2], event: strs[3], payload: bin, format: 'binary' };
  if (kind === 0) return { joinRef: strs[0], ref: null, topic: strs[1], event: strs[2], payload: bin, format: 'binary' };
  if (kind === 1)
    return { joinRef: strs[0], ref: strs[1], topic: strs[2], event: 'phx_reply', payload: { status: strs[3], response: bin }, format: 'binary' };
  return { joinRef: null, ref: null, topic: strs[0], event: strs[1], payload: bin, format: 'binary' };
}

function describe(m: PhoenixMessage, dir: 'in' | 'out'): { summary: string; id?: string; correlation: Correlation } {
  const bits = [m.topic, m.event];
  let correlation: Correlation = 'event';
  let id: string | undefined;
  if (m.event === 'phx_reply') {
    const status = isRecord(m.payload) && typeof m.payload.status === 'string' ? m.payload.status : '?';
    bits.push(status);
    if (isRecord(m.payload) && m.payload.response !== undefined) bits.push(preview(m.payload.response));
    correlation = status === 'ok' ? 'response' : 'error';
    if (m.ref !== null) id = m.ref;
  } else {
    if (m.ref !== null) bits.push(`ref#${m.ref}`);
    bits.push(preview(m.payload));
    if (m.event === 'phx_error') correlation = 'error';
    // Only client pushes expect a phx_reply with the same ref.
    else if (dir === 'out' && m.ref !== null) {
      correlation = 'request';
      id = m.ref;
    }
  }
  return { summary: bits.filter(Boolean).join(' '), id, correlation };
}

function parse(frame: { text?: string; bytes?: Uint8Array; dir: 'in' | 'out' }): PhoenixMessage | null {
  if (frame.text !== undefined) return parsePhoenixText(frame.text);
  if (frame.bytes) return parsePhoenixBinary(frame.bytes, frame.dir);
  return null;
}

export const phoenixDecoder: FrameDecoder = {
  id: 'phoenix',
  name: 'Phoenix channels',
  detect(sample) {
    if (sample.length === 0) return 0;
    const urlHint = /\/websocket(\?|$)/.test(sample[0].channelUrl) && /vsn=\d/.test(sample[0].channelUrl) ? 0.2 : 0;
    const texts = sample.filter((f) => f.text !== undefined);
    const ok = share(texts, (f) => parsePhoenixText(f.text ?? '') !== null);
    if (texts.length === 0 || ok < 0.9) return 0;
    const phx = texts.some((f) => /"phx_(join|reply)"|"phoenix"/.test(textOf(f) ?? ''));
    return Math.min(1, (phx ? 0.8 : 0.3) + urlHint);
  },
  decode(frame) {
    const m = parse(frame);
    if (!m) return null;
    const d = describe(m, frame.dir);
    const fields: JsonObject = { format: m.format, join_ref: m.joinRef, ref: m.ref, topic: m.topic, event: m.event, payload: m.payload };
    const out: DecodedFrame = { protocol: 'phoenix', summary: d.summary, fields, messageType: m.event, correlation: d.correlation };
    if (d.id !== undefined) out.id = d.id;
    return out;
  },
};
