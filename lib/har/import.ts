// Context: pure (panel + model), no browser APIs.
// HAR text → HarExportInput, with errors a person can act on: not JSON, JSON but not HAR (which
// field is missing), truncated (near which byte), too large (refused before parsing). Entries
// with unknown fields are fine; entries that cannot be read are skipped and counted.

import { entryToConnection } from './convert';
import { utf8Length } from '../util/text';
import type { HarConnection, HarExportInput } from './types';

export const DEFAULT_MAX_HAR_BYTES = 200 * 1024 * 1024;

export type HarImportErrorCode = 'too-large' | 'not-json' | 'truncated' | 'not-har';

export interface HarImportError {
  code: HarImportErrorCode;
  message: string;
  /** Byte offset (UTF-8) of the problem, when known. */
  byteOffset?: number;
}

export interface HarImportStats {
  entries: number;
  websockets: number;
  eventStreams: number;
  http: number;
  frames: number;
  events: number;
}

export type ImportResult =
  | { ok: true; data: HarExportInput; warnings: string[]; skipped: number; creator: string; stats: HarImportStats }
  | { ok: false; error: HarImportError };

export interface HarImportOptions {
  maxBytes?: number;
}

export { utf8Length };

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Size gate, usable with File.size before the file is even read. */
export function checkHarSize(byteLength: number, maxBytes = DEFAULT_MAX_HAR_BYTES): HarImportError | null {
  if (byteLength <= maxBytes) return null;
  return {
    code: 'too-large',
    message: `This file is ${mb(byteLength)}; the import limit is ${mb(maxBytes)}. Export a shorter time range, or raise the limit in settings.`,
  };
}

/** Size gate for text already in memory; counts UTF-8 bytes only when it could matter. */
export function checkTextSize(text: string, maxBytes: number): HarImportError | null {
  // UTF-8 takes 1 to 3 bytes per UTF-16 unit, so most texts are decided without counting.
  if (text.length > maxBytes) return checkHarSize(text.length, maxBytes);
  if (text.length * 3 <= maxBytes) return null;
  return checkHarSize(utf8Length(text), maxBytes);
}

/** Explains a JSON.parse failure; truncation is told apart from a syntax error. */
export function jsonError(text: string, e: unknown, baseOffset = 0): HarImportError {
  const msg = e instanceof Error ? e.message : String(e);
  const pos = /position (\d+)/.exec(msg);
  const at = pos ? Number(pos[1]) : undefined;
  const endOfInput = /end of (JSON )?input|Unterminated string/i.test(msg) || (at !== undefined && at >= text.trimEnd().length - 1);
  if (endOfInput) {
    const byteOffset = baseOffset + utf8Length(text, Math.min(at ?? text.length, text.length));
    return {
      code: 'truncated',
      byteOffset,
      message: `The file ends too early, near byte ${byteOffset}: it was probably cut off while saving or downloading. Export it again.`,
    };
  }
  const where = at !== undefined ? ` near byte ${baseOffset + utf8Length(text, at)}` : '';
  const err: HarImportError = {
    code: 'not-json',
    message: `This is not valid JSON${where} (${msg}). A HAR file is JSON; check that you picked the right file.`,
  };
  if (at !== undefined) err.byteOffset = baseOffset + utf8Length(text, at);
  return err;
}

/** Checks the HAR skeleton and says exactly what is missing. */
export function validateHarRoot(root: unknown): { ok: true; entries: unknown[]; creator: string } | { ok: false; error: HarImportError } {
  const notHar = (what: string): { ok: false; error: HarImportError } => ({
    ok: false,
    error: { code: 'not-har', message: `This JSON is not a HAR file: ${what}.` },
  });
  if (typeof root !== 'object' || root === null || Array.isArray(root))
    return notHar(`expected an object with a "log" field, found ${Array.isArray(root) ? 'an array' : typeof root}`);
  const log = (root as Record<string, unknown>).log;
  if (log === undefined) return notHar('the top-level "log" field is missing');
  if (typeof log !== 'object' || log === null || Array.isArray(log)) return notHar('"log" must be an object');
  const l = log as Record<string, unknown>;
  if (l.entries === undefined) return notHar('"log.entries" is missing');
  if (!Array.isArray(l.entries)) return notHar('"log.entries" must be an array');
  const creator = typeof l.creator === 'object' && l.creator !== null ? (l.creator as Record<string, unknown>) : {};
  const name = typeof creator.name === 'string' ? creator.name : 'unknown';
  const version = typeof creator.version === 'string' ? ` ${creator.version}` : '';
  return { ok: true, entries: l.entries, creator: `${name}${version}` };
}

/** Accumulates converted entries; shared by the sync and chunked importers. */
export class HarCollector {
  readonly connections: HarConnection[] = [];
  readonly warnings: string[] = [];
  skipped = 0;
  private seen = new Set<string>();

  add(entry: unknown, index: number): void {
    const r = entryToConnection(entry, index, (m) => this.warn(m));
    if (r.ok) this.connections.push(r.connection);
    else {
      this.skipped++;
      this.warn(r.reason);
    }
  }

  /** Same warning repeated 10k times helps nobody: keep the first 50 distinct ones. */
  warn(m: string): void {
    if (this.seen.has(m) || this.warnings.length >= 50) return;
    this.seen.add(m);
    this.warnings.push(m);
  }

  result(creator: string, entries: number, pageTitle?: string): ImportResult {
    const stats: HarImportStats = { entries, websockets: 0, eventStreams: 0, http: 0, frames: 0, events: 0 };
    for (const c of this.connections) {
      if (c.api === 'ws') stats.websockets++;
      else if (c.events) stats.eventStreams++;
      else stats.http++;
      stats.frames += c.frames?.length ?? 0;
      stats.events += c.events?.length ?? 0;
    }
    this.connections.sort((a, b) => a.createdAt - b.createdAt);
    const data: HarExportInput = { connections: this.connections };
    if (pageTitle) data.pageTitle = pageTitle;
    return { ok: true, data, warnings: this.warnings, skipped: this.skipped, creator, stats };
  }
}

export function pageTitleOf(root: unknown): string | undefined {
  const log = (root as { log?: { pages?: unknown } }).log;
  const pages = Array.isArray(log?.pages) ? log.pages : [];
  const first: unknown = pages[0];
  return typeof first === 'object' && first !== null && typeof (first as { title?: unknown }).title === 'string'
    ? (first as { title: string }).title
    : undefined;
}

/** Synchronous import: fine for small files; use importHarChunked in the panel for big ones. */
export function importHar(text: string, onProgress?: (fraction: number) => void, options: HarImportOptions = {}): ImportResult {
  const tooBig = checkTextSize(text, options.maxBytes ?? DEFAULT_MAX_HAR_BYTES);
  if (tooBig) return { ok: false, error: tooBig };
  onProgress?.(0);
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: jsonError(text, e) };
  }
  onProgress?.(0.5);
  const v = validateHarRoot(root);
  if (!v.ok) return v;
  const col = new HarCollector();
  const n = v.entries.length;
  v.entries.forEach((entry, i) => {
    col.add(entry, i);
    if (onProgress && (i % 500 === 499 || i === n - 1)) onProgress(0.5 + (0.5 * (i + 1)) / n);
  });
  onProgress?.(1);
  return col.result(v.creator, n, pageTitleOf(root));
}
