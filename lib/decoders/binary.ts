// Context: pure (panel + model), no browser APIs.
// Generic self-describing binary encodings: MessagePack and CBOR. Many short byte strings are
// "valid" in both (a single byte < 0x80 is a MessagePack integer), so detection only gets
// confident when whole frames decode to maps or arrays, which is what real apps send.

import { decode as msgpackDecode } from '@msgpack/msgpack';
import { decodeCbor as cborDecode } from './cbor';
import type { DecodedFrame, DecodeInput, FrameDecoder } from './types';
import { preview, share, toJsonSafe } from './util';

type Decode = (bytes: Uint8Array) => unknown;

function tryDecode(fn: Decode, bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    // Both libraries throw when bytes are left over, so success means the frame is exactly one item.
    return { ok: true, value: fn(bytes) };
  } catch {
    return { ok: false };
  }
}

const isContainer = (v: unknown): boolean => typeof v === 'object' && v !== null && !(v instanceof Uint8Array);

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return `array[${v.length}]`;
  if (v instanceof Map) return `map{${v.size}}`;
  if (v instanceof Uint8Array) return `bytes(${v.length})`;
  if (isContainer(v)) return `map{${Object.keys(v as object).length}}`;
  return typeof v;
}

function makeBinaryDecoder(id: string, name: string, fn: Decode): FrameDecoder {
  const binaryFrames = (sample: DecodeInput[]): Uint8Array[] =>
    sample.flatMap((f) => (f.bytes !== undefined && f.text === undefined ? [f.bytes] : []));
  return {
    id,
    name,
    detect(sample) {
      const bins = binaryFrames(sample);
      if (bins.length === 0 || bins.length < sample.length * 0.9) return 0;
      const results = bins.map((b) => tryDecode(fn, b));
      if (share(results, (r) => r.ok) < 0.9) return 0;
      const containers = share(results, (r) => r.ok && isContainer(r.value));
      return containers >= 0.9 ? 0.6 : 0.2;
    },
    decode(frame) {
      if (!frame.bytes) return null;
      const r = tryDecode(fn, frame.bytes);
      if (!r.ok) return null;
      const fields = toJsonSafe(r.value);
      const out: DecodedFrame = {
        protocol: id,
        summary: `${kindOf(r.value)} ${preview(fields, 80)}`,
        fields,
        messageType: kindOf(r.value).replace(/[[{].*$/, ''),
        correlation: 'event',
      };
      return out;
    },
  };
}

// useBigInt64 keeps uint64/int64 exact (a float would silently round them).
export const msgpackDecoder = makeBinaryDecoder('msgpack', 'MessagePack', (b) => msgpackDecode(b, { useBigInt64: true }));
export const cborDecoder = makeBinaryDecoder('cbor', 'CBOR', (b) => cborDecode(b));
