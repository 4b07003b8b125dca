// Context: pure (panel + model), no browser APIs.
// Schemaless protobuf: walk the wire format (tag = field << 3 | wire type). Without a schema a
// length-delimited field may be a string, bytes, a nested message or a packed array; we guess in
// that order of plausibility — a nested message must parse completely and a string must be
// printable UTF-8 — and say it is a guess in the field tree.

import type { JsonObject, JsonValue } from './types';
import { toBase64 } from './util';

export interface WireField {
  field: number;
  wire: 0 | 1 | 2 | 5;
  /** varint/fixed as decimal string when beyond 2^53, else number. */
  value: JsonValue;
  /** For length-delimited: how the bytes were interpreted. */
  as?: 'message' | 'string' | 'bytes';
}

/** Bounds-checked wire reader: every read returns null instead of running past the end. */
export class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}
  get done(): boolean {
    return this.pos >= this.buf.length;
  }
  varint(): bigint | null {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) return null;
      const b = this.buf[this.pos++];
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
    }
    return null;
  }
  take(n: number): Uint8Array | null {
    if (n < 0 || this.pos + n > this.buf.length) return null;
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

const num = (v: bigint): number | string => (v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString());

function fixed(bytes: Uint8Array): JsonObject {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length === 4) return { uint32: view.getUint32(0, true), float: view.getFloat32(0, true) };
  return { uint64: num(view.getBigUint64(0, true)), double: view.getFloat64(0, true) };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function printable(bytes: Uint8Array): string | null {
  let s: string;
  try {
    s = strictUtf8.decode(bytes);
  } catch {
    return null;
  }
  // Control characters other than tab/newline make "string" an unlikely reading.
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s) ? null : s;
}

/** Parses a whole buffer as one message; null when any byte does not fit the wire format. */
export function walkProtobuf(buf: Uint8Array, depth = 0): WireField[] | null {
  const r = new Reader(buf);
  const out: WireField[] = [];
  while (!r.done) {
    const tag = r.varint();
    if (tag === null) return null;
    const field = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (field < 1 || field > 536870911) return null;
    if (wire === 0) {
      const v = r.varint();
      if (v === null) return null;
      out.push({ field, wire, value: num(v) });
    } else if (wire === 1 || wire === 5) {
      const b = r.take(wire === 1 ? 8 : 4);
      if (!b) return null;
      out.push({ field, wire, value: fixed(b) });
    } else if (wire === 2) {
      const len = r.varint();
      if (len === null || len > BigInt(buf.length)) return null;
      const b = r.take(Number(len));
      if (!b) return null;
      out.push(lengthDelimited(field, b, depth));
    } else return null; // groups (3/4) are deprecated; 6/7 do not exist
  }
  return out;
}

function lengthDelimited(field: number, b: Uint8Array, depth: number): WireField {
  const s = printable(b);
  // A printable string of letters is rarely also a valid message; prefer the string then.
  if (s !== null && (b.length === 0 || /^[\p{L}\p{N}\p{P}\p{Zs}\n\t]*$/u.test(s))) return { field, wire: 2, value: s, as: 'string' };
  if (depth < 16 && b.length > 0) {
    const nested = walkProtobuf(b, depth + 1);
    if (nested && nested.length > 0) return { field, wire: 2, value: wireToJson(nested), as: 'message' };
  }
  if (s !== null) return { field, wire: 2, value: s, as: 'string' };
  return { field, wire: 2, value: { $bytes: toBase64(b) }, as: 'bytes' };
}

/** Tree for the detail view: `{ "1": …, "2": [… repeated] }` keyed by field number. */
export function wireToJson(fields: WireField[]): JsonObject {
  const groups = new Map<string, JsonValue[]>();
  for (const f of fields) {
    const key = String(f.field);
    const list = groups.get(key);
    if (list) list.push(f.value);
    else groups.set(key, [f.value]);
  }
  const o: JsonObject = {};
  // A field seen once stays scalar; a repeated one becomes an array (wire order kept).
  for (const [k, list] of groups) o[k] = list.length === 1 ? list[0] : list;
  return o;
}
