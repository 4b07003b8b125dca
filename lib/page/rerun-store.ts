// Context: page (MAIN world). What the agent keeps so the panel can re-run a request: the page's
// own arguments and body, held by the re-run closure. Bounded by bytes and by count, oldest
// dropped first, whether or not the request ever finished; a body too large to keep (or one that
// cannot be sent twice, like a stream) is not kept at all, and that request simply cannot be re-run.
// Without these bounds every upload stayed alive as long as its entry: tens of MB after large uploads.
import { natives, arr } from './natives';
import type { LiveConnection } from './connections';

/** Largest body kept for a re-run. */
export const RERUN_MAX_BODY_BYTES = 256 * 1024;
/** All re-run bodies together. */
export const RERUN_MAX_TOTAL_BYTES = 2 * 1024 * 1024;
/** Re-runnable requests kept (the newest). */
export const RERUN_MAX_ENTRIES = 200;

const abByteLength = natives.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')!.get!;
const sabByteLength =
  typeof SharedArrayBuffer === 'function' ? natives.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength')?.get : undefined;
const typedArrayProto = natives.getPrototypeOf(Uint8Array.prototype) as object;
const taByteLength = natives.getOwnPropertyDescriptor(typedArrayProto, 'byteLength')!.get!;
const dvByteLength = natives.getOwnPropertyDescriptor(DataView.prototype, 'byteLength')!.get!;
const blobSize = typeof Blob === 'function' ? natives.getOwnPropertyDescriptor(Blob.prototype, 'size')?.get : undefined;
const usp = typeof URLSearchParams === 'function' ? URLSearchParams.prototype : undefined;
const uspSize = usp ? natives.getOwnPropertyDescriptor(usp, 'size')?.get : undefined;

function brand(getter: ((this: unknown) => unknown) | undefined, x: unknown): number | undefined {
  if (!getter) return undefined;
  try {
    return natives.apply(getter, x, []) as number;
  } catch {
    return undefined;
  }
}

/**
 * Bytes a body keeps alive (strings count two a character), or -1 for a body that cannot be sent
 * again (a stream, FormData of unknown size, anything unknown).
 */
export function rerunBodySize(body: unknown): number {
  if (body === undefined || body === null) return 0;
  if (typeof body === 'string') return body.length * 2;
  if (typeof body !== 'object') return -1;
  const size =
    brand(abByteLength, body) ??
    brand(sabByteLength, body) ??
    (natives.ArrayBufferIsView(body) ? (brand(taByteLength, body) ?? brand(dvByteLength, body)) : undefined) ??
    brand(blobSize, body);
  if (size !== undefined) return size;
  // URLSearchParams: small by nature; counted by entries, a generous 256 bytes each.
  const entries = brand(uspSize, body);
  return entries !== undefined ? entries * 256 : -1;
}

interface Kept {
  entry: LiveConnection;
  bytes: number;
}

const kept: Kept[] = [];
let head = 0;
let total = 0;

/** Makes `entry` re-runnable with `rerun` when its body (`bytes`, see rerunBodySize) fits the bounds. */
export function keepRerun(entry: LiveConnection, bytes: number, rerun: () => void): void {
  if (bytes < 0 || bytes > RERUN_MAX_BODY_BYTES) return;
  entry.rerun = rerun;
  arr.push(kept, { entry, bytes });
  total += bytes;
  while (kept.length - head > RERUN_MAX_ENTRIES || total > RERUN_MAX_TOTAL_BYTES) {
    const old = kept[head];
    kept[head++] = undefined as unknown as Kept;
    total -= old.bytes;
    old.entry.rerun = undefined; // the closure, and the body it holds, can now be collected
  }
  if (head > 1024 && head * 2 > kept.length) compact();
}

function compact(): void {
  const live = arr.slice(kept, head);
  kept.length = 0;
  for (let i = 0; i < live.length; i++) kept[i] = live[i];
  head = 0;
}

/** Bytes currently held for re-runs (tests). */
export function rerunBytesHeld(): number {
  return total;
}
