// Context: pure (panel + model), no browser APIs. A compact CBOR (RFC 8949) decoder for the
// binary-frame view: every major type, definite and indefinite lengths, half/single/double
// floats, tags (dates kept as their value, others as {tag, value}). Throws on malformed input;
// the decoder registry turns a throw into "not CBOR".
import { concatBytes } from '../util/bytes';

class Reader {
  at = 0;
  private view: DataView;
  constructor(private bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number): void {
    if (this.at + n > this.bytes.length) throw new Error('CBOR: unexpected end of data');
  }
  u8(): number {
    this.need(1);
    return this.bytes[this.at++];
  }
  take(n: number): Uint8Array {
    this.need(n);
    const out = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
  uint(info: number): number | bigint {
    if (info < 24) return info;
    if (info === 24) return this.u8();
    if (info === 25) {
      this.need(2);
      const v = this.view.getUint16(this.at);
      this.at += 2;
      return v;
    }
    if (info === 26) {
      this.need(4);
      const v = this.view.getUint32(this.at);
      this.at += 4;
      return v;
    }
    if (info === 27) {
      this.need(8);
      const v = this.view.getBigUint64(this.at);
      this.at += 8;
      return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
    }
    throw new Error(`CBOR: invalid additional info ${info}`);
  }
  float(info: number): number {
    if (info === 25) {
      this.need(2);
      const h = this.view.getUint16(this.at);
      this.at += 2;
      const exp = (h >> 10) & 0x1f;
      const frac = h & 0x3ff;
      const sign = h & 0x8000 ? -1 : 1;
      if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
      if (exp === 31) return frac ? NaN : sign * Infinity;
      return sign * 2 ** (exp - 15) * (1 + frac / 1024);
    }
    if (info === 26) {
      this.need(4);
      const v = this.view.getFloat32(this.at);
      this.at += 4;
      return v;
    }
    this.need(8);
    const v = this.view.getFloat64(this.at);
    this.at += 8;
    return v;
  }
}

const BREAK = Symbol('break');
const MAX_DEPTH = 256;

function length(r: Reader, info: number): number {
  const n = r.uint(info);
  if (typeof n === 'bigint' || n > r['bytes'].length) throw new Error('CBOR: length beyond the data');
  return n;
}

function item(r: Reader, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new Error('CBOR: nested too deeply');
  const head = r.u8();
  const major = head >> 5;
  const info = head & 0x1f;
  switch (major) {
    case 0:
      return r.uint(info);
    case 1: {
      const n = r.uint(info);
      return typeof n === 'bigint' ? -1n - n : -1 - n;
    }
    case 2:
    case 3: {
      if (info === 31) {
        const parts: unknown[] = [];
        for (let p = item(r, depth + 1); p !== BREAK; p = item(r, depth + 1)) parts.push(p);
        if (major === 3) return parts.join('');
        return concatBytes(parts as Uint8Array[]);
      }
      const bytes = r.take(length(r, info));
      return major === 2 ? bytes.slice() : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    case 4: {
      const out: unknown[] = [];
      if (info === 31) for (let v = item(r, depth + 1); v !== BREAK; v = item(r, depth + 1)) out.push(v);
      else for (let n = length(r, info); n > 0; n--) out.push(item(r, depth + 1));
      return out;
    }
    case 5: {
      const out: Record<string, unknown> = {};
      const put = (k: unknown) => {
        const v = item(r, depth + 1);
        out[typeof k === 'string' ? k : JSON.stringify(k, (_, x) => (typeof x === 'bigint' ? x.toString() : x))] = v;
      };
      if (info === 31) for (let k = item(r, depth + 1); k !== BREAK; k = item(r, depth + 1)) put(k);
      else for (let n = length(r, info); n > 0; n--) put(item(r, depth + 1));
      return out;
    }
    case 6: {
      const tag = r.uint(info);
      const value = item(r, depth + 1);
      // 0: date string, 1: epoch seconds: the value itself reads well. 64–87 (RFC 8746) are typed
      // arrays over a byte string (64 = Uint8Array, what encoders use for binary): show the bytes.
      if (tag === 0 || tag === 1) return value;
      if (typeof tag === 'number' && tag >= 64 && tag <= 87 && value instanceof Uint8Array) return value;
      return { tag: typeof tag === 'bigint' ? tag.toString() : tag, value };
    }
    default:
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22) return null;
      if (info === 23) return undefined;
      if (info >= 25 && info <= 27) return r.float(info);
      if (info === 31) return BREAK;
      if (info === 24) return { simple: r.u8() };
      return { simple: info };
  }
}

/** Decodes one CBOR item that must span the whole input. */
export function decodeCbor(bytes: Uint8Array): unknown {
  const r = new Reader(bytes);
  const value = item(r, 0);
  if (value === BREAK) throw new Error('CBOR: unexpected break');
  if (r.at !== bytes.length) throw new Error(`CBOR: ${bytes.length - r.at} bytes after the item`);
  return value;
}
