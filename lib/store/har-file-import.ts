// Context: panel and standalone viewer. Everything an "Import HAR" click runs: size gate, sliced
// parse, sliced load into the Session. HarControls loads this module on the first import (dynamic
// import), so the HAR reader stays out of the panel's first chunk: most sessions never import.
import { checkHarSize, HarImportAborted, importHarChunked } from '../har';
import type { Session } from './session';
import { loadHarIntoSessionSliced } from './session-har-load';

export type HarFileImportResult =
  { ok: true; connections: number; records: number; warnings: number } | { ok: false; cancelled: boolean; message: string };

export interface HarFileImportOptions {
  signal: AbortSignal;
  /** 0 → 1: parsing is the first half, loading into the session the second. */
  onProgress: (fraction: number) => void;
  /** The file parsed: the session is about to be replaced with it. */
  onParsed: () => void;
}

export async function importHarFile(session: Session, file: File, opts: HarFileImportOptions): Promise<HarFileImportResult> {
  const tooBig = checkHarSize(file.size);
  if (tooBig) return { ok: false, cancelled: false, message: tooBig.message };
  try {
    const text = await file.text();
    const result = await importHarChunked(text, { onProgress: (p) => opts.onProgress(p / 2), signal: opts.signal });
    if (!result.ok) return { ok: false, cancelled: false, message: result.error.message };
    // A small file parses without yielding, so a Cancel (or a newer import) is checked here too.
    if (opts.signal.aborted) throw new HarImportAborted('HAR import cancelled');
    opts.onParsed();
    const records = await loadHarIntoSessionSliced(session, result.data, file.name, {
      onProgress: (p) => opts.onProgress(0.5 + p / 2),
      signal: opts.signal,
    });
    return { ok: true, connections: result.data.connections.length, records, warnings: result.warnings.length };
  } catch (err) {
    if (err instanceof HarImportAborted) return { ok: false, cancelled: true, message: 'HAR import cancelled' };
    return { ok: false, cancelled: false, message: err instanceof Error ? err.message : String(err) };
  }
}
