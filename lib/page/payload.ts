// Context: page (MAIN world). Turns page payloads into capped, JSON-safe previews. Called on
// every frame, so the common case (short text) does no copying at all.
import type { PayloadPreview } from '../protocol/records';
import { natives, str, numToString, ownThen, reTest } from './natives';
import { fnv1aHash } from '../util/text';

const U8 = Uint8Array;
const NON_ASCII = /[^\x00-\x7f]/;
const BlobCtor = typeof Blob === 'function' ? Blob : undefined;
// Brand checks by native getters captured now: `instanceof` consults the page's globals and Symbol.hasInstance.
const abByteLength = natives.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')!.get!;
const sabByteLength =
  typeof SharedArrayBuffer === 'function' ? natives.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength')?.get : undefined;
const blobSize = BlobCtor ? natives.getOwnPropertyDescriptor(BlobCtor.prototype, 'size')?.get : undefined;
const typedArrayProto = natives.getPrototypeOf(Uint8Array.prototype) as object;
const viewBuffer = natives.getOwnPropertyDescriptor(typedArrayProto, 'buffer')!.get!;
const dataViewBuffer = natives.getOwnPropertyDescriptor(DataView.prototype, 'buffer')!.get!;
const viewOffsetTA = natives.getOwnPropertyDescriptor(typedArrayProto, 'byteOffset')!.get!;
const viewLengthTA = natives.getOwnPropertyDescriptor(typedArrayProto, 'byteLength')!.get!;
const viewOffsetDV = natives.getOwnPropertyDescriptor(DataView.prototype, 'byteOffset')!.get!;
const viewLengthDV = natives.getOwnPropertyDescriptor(DataView.prototype, 'byteLength')!.get!;
const blobSlice = BlobCtor ? BlobCtor.prototype.slice : undefined;
const blobArrayBuffer = BlobCtor ? BlobCtor.prototype.arrayBuffer : undefined;

/** The value of a native getter on `x`, or undefined when `x` is not of that kind (brand check). */
function branded(getter: ((this: unknown) => unknown) | undefined, x: unknown): unknown {
  if (!getter || typeof x !== 'object' || x === null) return undefined;
  try {
    return natives.apply(getter, x, []);
  } catch {
    return undefined;
  }
}

/**
 * UTF-8 byte length without allocating an encoded copy (a lone surrogate counts 3, as the encoder
 * writes U+FFFD). Same result as lib/util/text.ts's, but with the natives captured at startup (the
 * page may replace String.prototype.charCodeAt).
 */
export function utf8Length(s: string): number {
  // The usual case at native speed: the regex scans 0.5 ns a character where this loop's
  // uncurried charCodeAt takes 10 (measured in node on 100 B to 1 MB texts).
  if (!reTest(NON_ASCII, s)) return s.length;
  const to = s.length;
  let bytes = to;
  for (let i = 0; i < to; i++) {
    const c = str.charCodeAt(s, i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = str.charCodeAt(s, i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 2; // 4 bytes for the pair, already counted 2 chars
        i++;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}

export function textPreview(s: string, cap: number): PayloadPreview {
  // Fast path: ASCII-ish short strings; utf8Length is exact but only scans when needed.
  const size = utf8Length(s);
  if (size <= cap) return { data: s, binary: false, size, truncated: false };
  // Cut by characters: cap chars hold at least cap bytes' worth of a mostly-ASCII text; precise
  // byte cutting is not worth a second pass on a preview.
  let cut = Math.min(s.length, cap);
  const last = str.charCodeAt(s, cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--; // never split a surrogate pair
  return { data: detachedSlice(s, cut), binary: false, size, truncated: true };
}

/**
 * The first `end` characters of `s` as a string of their own. V8 makes a slice of 13 characters
 * or more a view that keeps its whole parent alive: a 64 KB preview of a 1 MB request body would
 * hold the megabyte for as long as the record lives, unseen by the ring's byte count. Only cut
 * (large) texts get here, and copying `end` characters costs what posting the preview does.
 */
export function detachedSlice(s: string, end: number): string {
  let out = '';
  const chunk = 0x2000;
  const codes: number[] = [];
  for (let i = 0; i < end; i += chunk) {
    const stop = natives.min(end, i + chunk);
    codes.length = stop - i;
    for (let k = i; k < stop; k++) codes[k - i] = str.charCodeAt(s, k);
    out += natives.apply(natives.fromCharCode, null, codes);
  }
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  const chunk = 0x2000;
  const n = bytes.byteLength;
  const codes: number[] = [];
  for (let i = 0; i < n; i += chunk) {
    const end = natives.min(n, i + chunk);
    codes.length = end - i;
    for (let k = i; k < end; k++) codes[k - i] = bytes[k];
    out += natives.apply(natives.fromCharCode, null, codes);
  }
  return natives.btoa ? natives.btoa(out) : '';
}

export function bytesPreview(bytes: Uint8Array, cap: number, trueSize = bytes.byteLength): PayloadPreview {
  const kept = bytes.byteLength > cap ? new U8(bytes.buffer, bytes.byteOffset, cap) : bytes;
  return { data: bytesToBase64(kept), binary: true, size: trueSize, truncated: kept.byteLength < trueSize };
}

/** A payload as the page had it, kept when its preview is cut, and the bytes it keeps alive. */
export interface WholePayload {
  whole: string | Uint8Array | Blob;
  bytes: number;
}

/**
 * Preview of anything a WebSocket or fetch can carry. Blobs get their size now and bytes later.
 * With `keepWhole`, a cut preview also comes with the whole payload (strings and Blobs are
 * immutable and kept as they are; bytes are copied, since the page may write into its buffer).
 */
export function anyPreview(data: unknown, cap: number, keepWhole = false): { preview: PayloadPreview; blob?: Blob; kept?: WholePayload } {
  if (typeof data === 'string') {
    const preview = textPreview(data, cap);
    return preview.truncated && keepWhole ? { preview, kept: { whole: data, bytes: data.length * 2 } } : { preview };
  }
  let bytes: Uint8Array | undefined;
  if (branded(abByteLength, data) !== undefined || branded(sabByteLength, data) !== undefined) bytes = new U8(data as ArrayBuffer);
  else if (natives.ArrayBufferIsView(data)) {
    const ta = branded(viewBuffer, data) !== undefined;
    const buffer = natives.apply(ta ? viewBuffer : dataViewBuffer, data, []) as ArrayBuffer;
    const offset = natives.apply(ta ? viewOffsetTA : viewOffsetDV, data, []) as number;
    const length = natives.apply(ta ? viewLengthTA : viewLengthDV, data, []) as number;
    bytes = new U8(buffer, offset, length);
  }
  if (bytes) {
    const preview = bytesPreview(bytes, cap);
    // new Uint8Array(typedArray) copies through internal slots: no page-replaceable method runs.
    return preview.truncated && keepWhole ? { preview, kept: { whole: new U8(bytes), bytes: preview.size } } : { preview };
  }
  const size = branded(blobSize, data);
  if (typeof size === 'number') {
    const preview: PayloadPreview = { data: '', binary: true, size, truncated: size > 0 };
    return size > cap && keepWhole ? { preview, blob: data as Blob, kept: { whole: data as Blob, bytes: size } } : { preview, blob: data as Blob };
  }
  // Not read further: its toString or Symbol.toStringTag would be page code run by us.
  return { preview: { data: `(${typeof data})`, binary: false, size: 0, truncated: false } };
}

/** A Blob's size by the native getter, or undefined for anything that is not a Blob. */
export function blobSizeOf(x: unknown): number | undefined {
  return branded(blobSize, x) as number | undefined;
}

/** Reads a whole Blob with saved natives (no page-replaceable Promise method runs). */
export function readBlob(blob: Blob, onBytes: (bytes: Uint8Array) => void, onError: () => void): void {
  ownThen(natives.apply(blobArrayBuffer!, blob, []) as Promise<ArrayBuffer>, (buf: ArrayBuffer) => onBytes(new U8(buf)), onError);
}

/** Fills a blob preview in place once its bytes are readable (blobs are immutable: reading does not consume). */
export function fillBlobPreview(preview: PayloadPreview, blob: Blob, cap: number): void {
  const part = natives.apply(blobSlice!, blob, [0, cap]) as Blob;
  const read = natives.apply(blobArrayBuffer!, part, []) as Promise<ArrayBuffer>;
  ownThen(
    read,
    (buf: ArrayBuffer) => {
      preview.data = bytesToBase64(new U8(buf));
      preview.truncated = (branded(blobSize, blob) as number) > cap;
    },
    () => {
      preview.data = '';
    },
  );
}

/** FNV-1a (lib/util/text) read through the saved native charCodeAt, formatted with saved natives. */
export function fnv1a(s: string): string {
  return str.padStart(
    numToString(
      fnv1aHash(s.length, (i) => str.charCodeAt(s, i)),
      16,
    ),
    8,
    '0',
  );
}

/** Preview of an SSE event's data; `overflowBytes` (cut by the parser's cap) counts in its size. */
export function eventPreview(data: string, overflowBytes: number | undefined, cap: number): PayloadPreview {
  const p = textPreview(data, cap);
  if (overflowBytes) {
    p.size += overflowBytes;
    p.truncated = true;
  }
  return p;
}
