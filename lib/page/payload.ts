// Context: page (MAIN world). Turns page payloads into capped, JSON-safe previews. Called on
// every frame, so the common case (short text) does no copying at all.
import type { PayloadPreview } from '../protocol/records';
import { natives } from './natives';
import { utf8Length } from '../util/text';

// Re-exported: the hooks import them from here.
export { fnv1a, utf8Length } from '../util/text';

export function textPreview(s: string, cap: number): PayloadPreview {
  // Fast path: ASCII-ish short strings; utf8Length is exact but only scans when needed.
  const size = utf8Length(s);
  if (size <= cap) return { data: s, binary: false, size, truncated: false };
  // Cut by characters: cap chars hold at least cap bytes' worth of a mostly-ASCII text; precise
  // byte cutting is not worth a second pass on a preview.
  let cut = Math.min(s.length, cap);
  const last = s.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--; // never split a surrogate pair
  return { data: s.slice(0, cut), binary: false, size, truncated: true };
}

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    out += natives.apply(natives.fromCharCode, null, Array.from(bytes.subarray(i, i + chunk)));
  }
  return natives.btoa ? natives.btoa(out) : '';
}

export function bytesPreview(bytes: Uint8Array, cap: number, trueSize = bytes.byteLength): PayloadPreview {
  const kept = bytes.byteLength > cap ? bytes.subarray(0, cap) : bytes;
  return { data: bytesToBase64(kept), binary: true, size: trueSize, truncated: kept.byteLength < trueSize };
}

/** Preview of anything a WebSocket or fetch can carry. Blobs get their size now and bytes later. */
export function anyPreview(data: unknown, cap: number): { preview: PayloadPreview; blob?: Blob } {
  if (typeof data === 'string') return { preview: textPreview(data, cap) };
  if (data instanceof ArrayBuffer) return { preview: bytesPreview(new Uint8Array(data), cap) };
  if (natives.ArrayBufferIsView(data)) {
    const v = data as ArrayBufferView;
    return { preview: bytesPreview(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), cap) };
  }
  if (typeof Blob === 'function' && data instanceof Blob) {
    return { preview: { data: '', binary: true, size: data.size, truncated: data.size > 0 }, blob: data };
  }
  if (typeof SharedArrayBuffer === 'function' && data instanceof SharedArrayBuffer) {
    return { preview: bytesPreview(new Uint8Array(data), cap) };
  }
  return { preview: { data: `(${Object.prototype.toString.call(data).slice(8, -1)})`, binary: false, size: 0, truncated: false } };
}

/** Fills a blob preview in place once its bytes are readable (blobs are immutable: reading does not consume). */
export function fillBlobPreview(preview: PayloadPreview, blob: Blob, cap: number): void {
  blob
    .slice(0, cap)
    .arrayBuffer()
    .then((buf) => {
      preview.data = bytesToBase64(new Uint8Array(buf));
      preview.truncated = blob.size > cap;
    })
    .catch(() => {
      preview.data = '';
    });
}
