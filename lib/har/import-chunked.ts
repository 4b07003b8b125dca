// Context: pure (panel + model), no browser APIs.
// Chunked HAR import for the panel: a single JSON.parse of a 150 MB file blocks the UI for
// seconds, so the text is scanned in slices (json-scan.ts), then each entry is parsed on its own,
// yielding to the event loop between time slices and reporting progress.

import { entryToConnection } from './convert';
import { timeSlicer, yieldTask, type TimeSliceOptions } from '../util/time-slicer';
import { looksTruncated, newScan, scanStep } from './json-scan';
import {
  DEFAULT_MAX_HAR_BYTES,
  HarCollector,
  checkHarEntries,
  checkTextSize,
  importHar,
  jsonError,
  pageTitleOf,
  utf8Length,
  validateHarRoot,
  type ImportResult,
} from './import';

export interface ChunkedImportOptions extends TimeSliceOptions {
  maxBytes?: number;
  maxEntries?: number;
  onProgress?: (fraction: number) => void;
}

export class HarImportAborted extends Error {}

export async function importHarChunked(text: string, opts: ChunkedImportOptions = {}): Promise<ImportResult> {
  const tooBig = checkTextSize(text, opts.maxBytes ?? DEFAULT_MAX_HAR_BYTES);
  if (tooBig) return { ok: false, error: tooBig };
  const progress = opts.onProgress ?? (() => undefined);
  const maybeYield = timeSlicer(opts, () => {
    throw new HarImportAborted('HAR import cancelled');
  });

  progress(0);
  // Phase 1 (0 → 0.4): find the entries without building the tree.
  const scan = newScan();
  const step = 64 * 1024;
  while (!scanStep(text, scan, step)) {
    progress((0.4 * scan.pos) / text.length);
    await maybeYield();
  }
  if (scan.error !== null || !scan.entriesRange || scan.entriesRange.end < 0) {
    // Not the shape we can slice (or broken): let the plain parser explain precisely.
    if (looksTruncated(scan)) {
      const byteOffset = utf8Length(text);
      return {
        ok: false,
        error: {
          code: 'truncated',
          byteOffset,
          message: `The file ends too early, near byte ${byteOffset}: it was probably cut off while saving or downloading. Export it again.`,
        },
      };
    }
    // One yield, so the progress shown so far is painted before the plain parser runs.
    await (opts.yieldFn ?? yieldTask)();
    return importHar(text, undefined, { maxBytes: opts.maxBytes, maxEntries: opts.maxEntries });
  }
  if (looksTruncated(scan)) {
    const byteOffset = utf8Length(text);
    return {
      ok: false,
      error: {
        code: 'truncated',
        byteOffset,
        message: `The file ends too early, near byte ${byteOffset}: it was probably cut off while saving or downloading. Export it again.`,
      },
    };
  }
  const tooMany = checkHarEntries(scan.entries.length, opts.maxEntries);
  if (tooMany) return { ok: false, error: tooMany };
  // Phase 2: the skeleton with an empty entries array (small), validated like the sync path.
  const r = scan.entriesRange;
  const skeletonText = `${text.slice(0, r.start)}[]${text.slice(r.end)}`;
  let root: unknown;
  try {
    root = JSON.parse(skeletonText);
  } catch (e) {
    return { ok: false, error: jsonError(skeletonText, e) };
  }
  const v = validateHarRoot(root);
  if (!v.ok) return v;
  // Phase 3 (0.4 → 1): parse and convert entry by entry.
  const col = new HarCollector();
  const n = scan.entries.length;
  for (let i = 0; i < n; i++) {
    const { start, end } = scan.entries[i];
    const slice = text.slice(start, end);
    let entry: unknown;
    try {
      entry = JSON.parse(slice);
    } catch (e) {
      return { ok: false, error: jsonError(slice, e, utf8Length(text, start)) };
    }
    const res = entryToConnection(entry, i, (m) => col.warn(m));
    if (res.ok) col.connections.push(res.connection);
    else {
      col.skipped++;
      col.warn(res.reason);
    }
    if (i % 16 === 15) {
      progress(0.4 + (0.6 * (i + 1)) / n);
      await maybeYield();
    }
  }
  progress(1);
  return col.result(v.creator, n, pageTitleOf(root));
}
