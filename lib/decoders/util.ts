// Context: pure (panel + model), no browser APIs.
// Small helpers shared by decoders: text/bytes access, safe JSON, and turning decoded binary
// values (Maps, bigints, byte arrays) into JSON-safe trees for the detail view.

import type { DecodeInput, JsonValue } from './types';
import { isObject } from '../util/guards';

const utf8 = new TextDecoder('utf-8', { fatal: false });
const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

/** The frame as text: text frames as is, binary frames only when they are valid UTF-8. */
export function textOf(frame: DecodeInput): string | undefined {
  if (frame.text !== undefined) return frame.text;
  if (frame.bytes) {
    try {
      return utf8Strict.decode(frame.bytes);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The frame as bytes (text frames are UTF-8 encoded, as they crossed the wire). */
export function bytesOf(frame: DecodeInput): Uint8Array | undefined {
  if (frame.bytes) return frame.bytes;
  if (frame.text !== undefined) return utf8Encoder.encode(frame.text);
  return undefined;
}

export function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** JSON.parse that reports failure as undefined instead of throwing. */
export function parseJson(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

/** A JSON object (not an array): lib/util/guards' isObject, which message guards use, accepts arrays. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return isObject(v) && !Array.isArray(v);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without btoa/Buffer so the same code runs in the panel, a worker and node. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + '==';
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + '=';
  }
  return out;
}

export function fromBase64(b64: string): Uint8Array {
  const clean = b64.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const a = B64.indexOf(clean[i] ?? 'A');
    const b = B64.indexOf(clean[i + 1] ?? 'A');
    const c = i + 2 < clean.length ? B64.indexOf(clean[i + 2]) : -1;
    const d = i + 3 < clean.length ? B64.indexOf(clean[i + 3]) : -1;
    const n = (a << 18) | (b << 12) | ((c < 0 ? 0 : c) << 6) | (d < 0 ? 0 : d);
    out[o++] = (n >> 16) & 255;
    if (c >= 0) out[o++] = (n >> 8) & 255;
    if (d >= 0) out[o++] = n & 255;
  }
  return out.subarray(0, o);
}

export function toHex(bytes: Uint8Array, max = 64): string {
  let s = '';
  const n = Math.min(bytes.length, max);
  for (let i = 0; i < n; i++) s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
  return bytes.length > max ? `${s}…` : s;
}

/**
 * Any decoded value (MessagePack, CBOR) → JSON-safe tree. Byte arrays become
 * `{ $bytes: base64 }`, bigints strings, Maps objects, so the detail view never meets a type it
 * cannot print and never recurses forever.
 */
export function toJsonSafe(v: unknown, depth = 0): JsonValue {
  if (depth > 64) return '…';
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'boolean':
    case 'string':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : String(v);
    case 'bigint':
      // Exact as a number when it fits, else as a decimal string (JSON has no 64-bit ints).
      return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
    case 'object':
      break;
    default:
      return String(v);
  }
  if (v instanceof Uint8Array) return { $bytes: toBase64(v) };
  if (v instanceof ArrayBuffer) return { $bytes: toBase64(new Uint8Array(v)) };
  if (ArrayBuffer.isView(v)) return { $bytes: toBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (Array.isArray(v)) return v.map((x) => toJsonSafe(x, depth + 1));
  if (v instanceof Map) {
    const o: { [k: string]: JsonValue } = {};
    for (const [k, val] of v) o[typeof k === 'string' ? k : JSON.stringify(toJsonSafe(k, depth + 1))] = toJsonSafe(val, depth + 1);
    return o;
  }
  if (v instanceof Set) return [...v].map((x) => toJsonSafe(x, depth + 1));
  const o: { [k: string]: JsonValue } = {};
  for (const [k, val] of Object.entries(v)) o[k] = toJsonSafe(val, depth + 1);
  return o;
}

/** Short single-line preview of a JSON value for summaries. */
export function preview(v: JsonValue | undefined, max = 60): string {
  if (v === undefined) return '';
  const s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? '');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Share of frames for which `pred` holds, 0 for an empty sample. */
export function share<T>(items: T[], pred: (x: T) => boolean): number {
  if (items.length === 0) return 0;
  let n = 0;
  for (const x of items) if (pred(x)) n++;
  return n / items.length;
}
