// Context: pure (panel + model), no browser APIs.
// Decodes a frame against a user's .proto by walking protobufjs's reflection tree with our own
// wire reader. protobufjs's own decode/toObject compile functions at run time (Function(...)),
// which the Firefox add-on review flags and the build leaves out (scripts/vite-protobufjs-no-codegen.ts).
// The output matches toObject({ longs: String, enums: String, bytes: String, defaults: false }):
// fields present on the wire only, 64-bit integers as decimal strings, enums by name, bytes in base64.
import type { Enum, Field, MapField, Type } from 'protobufjs';
import type { JsonObject, JsonValue } from './types';
import { Reader } from './protobuf-wire';
import { toBase64 } from './util';

/** Nesting a hostile frame may not exceed (each level is a length-delimited field). */
const MAX_DEPTH = 64;

const VARINT = new Set(['int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'bool']);
const FIXED64 = new Set(['double', 'fixed64', 'sfixed64']);
const FIXED32 = new Set(['float', 'fixed32', 'sfixed32']);
const utf8 = new TextDecoder();

/** Decodes one message; null when the bytes do not fit the schema (bad wire type, truncated, too deep). */
export function decodeByReflection(type: Type, bytes: Uint8Array, depth = 0): JsonObject | null {
  if (depth > MAX_DEPTH) return null;
  const r = new Reader(bytes);
  const out: JsonObject = {};
  while (!r.done) {
    const tag = r.varint();
    if (tag === null) return null;
    const id = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    const field = type.fieldsById[id];
    if (!field) {
      if (!skip(r, wire)) return null;
      continue;
    }
    field.resolve();
    if (field.map) {
      if (wire !== 2) return null;
      const entry = readMapEntry(field as unknown as MapField, r, depth);
      if (!entry) return null;
      const map = (own(out, field.name) as JsonObject | undefined) ?? put(out, field.name, {});
      put(map as JsonObject, entry[0], entry[1]);
    } else if (field.repeated) {
      const list = (own(out, field.name) as JsonValue[] | undefined) ?? (put(out, field.name, []) as JsonValue[]);
      if (wire === 2 && wireOf(field) !== 2) {
        // Packed: one length-delimited run of scalars.
        const run = readLength(r);
        if (!run) return null;
        const inner = new Reader(run);
        while (!inner.done) {
          const v = readValue(field, wireOf(field), inner, depth);
          if (v === undefined) return null;
          list.push(v);
        }
      } else {
        const v = readValue(field, wire, r, depth);
        if (v === undefined) return null;
        list.push(v);
      }
    } else {
      const v = readValue(field, wire, r, depth);
      if (v === undefined) return null;
      // Last one wins, as in protobufjs; a oneof keeps only its member seen last.
      if (field.partOf) for (const name of field.partOf.oneof) if (name !== field.name) delete out[name];
      put(out, field.name, v);
    }
  }
  return out;
}

function wireOf(field: Field): number {
  if (field.resolvedType && !isEnum(field.resolvedType)) return 2;
  if (field.resolvedType || VARINT.has(field.type)) return 0;
  if (FIXED64.has(field.type)) return 1;
  if (FIXED32.has(field.type)) return 5;
  return 2; // string, bytes
}

function isEnum(t: Type | Enum): t is Enum {
  return 'valuesById' in t;
}

/** One value of the field's type; undefined when the wire type or the bytes do not fit. */
function readValue(field: { type: string; resolvedType: Type | Enum | null }, wire: number, r: Reader, depth: number): JsonValue | undefined {
  const expected = wireOf(field as Field);
  if (wire !== expected) return undefined;
  const t = field.resolvedType;
  if (t && !isEnum(t)) {
    const b = readLength(r);
    return b ? (decodeByReflection(t, b, depth + 1) ?? undefined) : undefined;
  }
  if (wire === 0) {
    const v = r.varint();
    if (v === null) return undefined;
    if (t) {
      const n = Number(BigInt.asIntN(32, v));
      return t.valuesById[n] ?? n;
    }
    switch (field.type) {
      case 'int32':
        return Number(BigInt.asIntN(32, v));
      case 'uint32':
        return Number(BigInt.asUintN(32, v));
      case 'sint32':
        return Number(zigzag(BigInt.asUintN(32, v)));
      case 'int64':
        return BigInt.asIntN(64, v).toString();
      case 'uint64':
        return BigInt.asUintN(64, v).toString();
      case 'sint64':
        return zigzag(BigInt.asUintN(64, v)).toString();
      default:
        return v !== 0n; // bool
    }
  }
  if (wire === 1 || wire === 5) {
    const b = r.take(wire === 1 ? 8 : 4);
    if (!b) return undefined;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    switch (field.type) {
      case 'double':
        return json(view.getFloat64(0, true));
      case 'float':
        return json(view.getFloat32(0, true));
      case 'fixed64':
        return view.getBigUint64(0, true).toString();
      case 'sfixed64':
        return view.getBigInt64(0, true).toString();
      case 'fixed32':
        return view.getUint32(0, true);
      default:
        return view.getInt32(0, true); // sfixed32
    }
  }
  const b = readLength(r);
  if (!b) return undefined;
  return field.type === 'bytes' ? toBase64(b) : utf8.decode(b);
}

function readMapEntry(field: MapField, r: Reader, depth: number): [string, JsonValue] | undefined {
  const b = readLength(r);
  if (!b) return undefined;
  const inner = new Reader(b);
  let key: JsonValue = field.keyType === 'bool' ? false : field.keyType === 'string' ? '' : '0';
  let value: JsonValue | undefined;
  while (!inner.done) {
    const tag = inner.varint();
    if (tag === null) return undefined;
    const id = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (id === 1) {
      const k = readValue({ type: field.keyType, resolvedType: null }, wire, inner, depth);
      if (k === undefined) return undefined;
      key = k;
    } else if (id === 2) {
      value = readValue(field, wire, inner, depth);
      if (value === undefined) return undefined;
    } else if (!skip(inner, wire)) return undefined;
  }
  return [String(key), value ?? null];
}

function readLength(r: Reader): Uint8Array | null {
  const len = r.varint();
  if (len === null || len > BigInt(r.buf.length)) return null;
  return r.take(Number(len));
}

function skip(r: Reader, wire: number): boolean {
  if (wire === 0) return r.varint() !== null;
  if (wire === 1 || wire === 5) return r.take(wire === 1 ? 8 : 4) !== null;
  if (wire === 2) return readLength(r) !== null;
  return false; // groups are deprecated; 6 and 7 do not exist
}

const zigzag = (v: bigint): bigint => (v >> 1n) ^ -(v & 1n);

/** JSON has no NaN or Infinity: those become their names. */
const json = (n: number): JsonValue => (Number.isFinite(n) ? n : String(n));

function own(o: JsonObject, key: string): JsonValue | undefined {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/** Sets an own property even for keys such as "__proto__" (map keys come from the page). */
function put(o: JsonObject, key: string, v: JsonValue): JsonValue {
  Object.defineProperty(o, key, { value: v, enumerable: true, writable: true, configurable: true });
  return v;
}
