// Context: panel (and the standalone viewer). Loads an imported HAR into the Session in time
// slices: building its records, ordering them by time and ingesting them each run a few ms at a
// time between yields, with progress and cancel. One synchronous load of 100k entries was a
// single task of a minute that froze the viewer and the panel.
import type { HarExportInput } from '../har';
import { HarImportAborted } from '../har';
import type { CaptureRecord, UnsequencedRecord } from '../protocol/records';
import type { Session } from './session';
import { connectionRecords } from './session-har';
import { timeSlicer, type TimeSliceOptions } from '../util/time-slicer';

export interface SlicedLoadOptions extends TimeSliceOptions {
  /** 0 → 1 over the whole load. */
  onProgress?: (fraction: number) => void;
}

/** Records per ingest call. Each new channel costs a few URL parses: 1000 records of a file with a
 *  channel per entry made tasks of 100 ms and more on a busy machine; the slicer decides when to yield. */
const INGEST_CHUNK = 200;

/** Replaces the session's content with an imported file's connections; resolves with the record count. */
export async function loadHarIntoSessionSliced(
  session: Session,
  data: HarExportInput,
  source: string,
  opts: SlicedLoadOptions = {},
): Promise<number> {
  const progress = opts.onProgress ?? (() => undefined);
  const maybeYield = timeSlicer(opts, () => {
    // What was loaded so far is not the file: leave nothing half-imported behind.
    session.clear();
    throw new HarImportAborted('HAR import cancelled');
  });

  session.clear();
  // 1. Records of every connection (0 → 0.2).
  const recs: UnsequencedRecord[] = [];
  const conns = data.connections;
  for (let k = 0; k < conns.length; k++) {
    connectionRecords(conns[k], k + 1, recs);
    if ((k & 63) === 63) {
      progress((0.2 * k) / conns.length);
      await maybeYield();
    }
  }
  // 2. Stable order by time (0.2 → 0.4), resumable so no pass is one long task.
  const n = recs.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = recs[i].t;
  const order = await sliceSort(keys, maybeYield, (f) => progress(0.2 + 0.2 * f));
  // 3. Ingest in chunks, numbered from 1 in time order (0.4 → 1).
  const agentId = `har:${source}`;
  for (let start = 0; start < n; start += INGEST_CHUNK) {
    const end = Math.min(n, start + INGEST_CHUNK);
    const chunk: CaptureRecord[] = new Array(end - start);
    for (let i = start; i < end; i++) chunk[i - start] = { ...recs[order[i]], seq: i + 1 } as CaptureRecord;
    session.ingest(-1, source, agentId, chunk, true);
    // Polling classification of what this chunk touched, now, so no later refresh meets all of it at once.
    session.refreshPolling();
    if (((start / INGEST_CHUNK) & 3) === 3) progress(0.4 + (0.6 * end) / n);
    await maybeYield();
  }
  session.refreshPolling();
  progress(1);
  return n;
}

/**
 * Indices 0..n-1 ordered by key, ties in index order (a stable bottom-up merge sort), yielding
 * through `maybeYield` between merges.
 */
export async function sliceSort(keys: Float64Array, maybeYield: () => Promise<void>, progress: (f: number) => void = () => {}): Promise<Uint32Array> {
  const n = keys.length;
  let a = new Uint32Array(n);
  let b = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  const passes = Math.max(1, Math.ceil(Math.log2(Math.max(2, n))));
  let pass = 0;
  for (let width = 1; width < n; width *= 2, pass++) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) b[k++] = keys[a[j]] < keys[a[i]] ? a[j++] : a[i++];
      while (i < mid) b[k++] = a[i++];
      while (j < hi) b[k++] = a[j++];
      if (((lo / (2 * width)) & 255) === 255) await maybeYield();
    }
    [a, b] = [b, a];
    progress((pass + 1) / passes);
    await maybeYield();
  }
  return a;
}
