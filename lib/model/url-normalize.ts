// Context: pure model, no browser APIs.
// Turns request URLs (and POST bodies) into stable keys so that repeated requests to one
// endpoint group together even when the page defeats caches with a changing query parameter.
import { fnv1a } from '../util/text';

/** Names that libraries use for cache busting; their value is noise whatever it is. */
const ALWAYS_NOISE = new Set([
  '_', // jQuery `cache: false`
  'nocache',
  'no_cache',
  'cb',
  'cachebuster',
  'cache_buster',
  'cachebust',
  'timestamp',
  'rand',
  'random',
  'nonce',
]);

/**
 * Short names that are cache busters only when their value looks generated: `t=dark` or
 * `r=de` can select a theme or region, so dropping them blindly would merge real endpoints.
 */
const NOISE_IF_GENERATED = new Set(['t', 'ts', 'r', 'time', 'rnd']);

// Seconds and milliseconds epochs from 2015 up to 2100. Pure functions have no clock, so "near
// now" is approximated by "a plausible recent wall-clock time"; small ids (1234567890 is 2009)
// and counters stay meaningful.
const MIN_SEC = 1_420_070_400;
const MAX_SEC = 4_102_444_800;

export interface NormalizeOptions {
  /** When given, value-pattern timestamps must lie within a week of it to be dropped. */
  now?: number;
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** True when the value is a 10-digit (s) or 13-digit (ms) epoch time in the plausible range. */
export function isEpochLike(value: string, opts?: NormalizeOptions): boolean {
  if (!/^\d{10}(\d{3})?$/.test(value)) return false;
  const n = Number(value);
  const ms = value.length === 10 ? n * 1000 : n;
  if (opts?.now !== undefined) return Math.abs(ms - opts.now) <= WEEK_MS;
  return ms >= MIN_SEC * 1000 && ms < MAX_SEC * 1000;
}

/** Math.random() output, a counter, an epoch, a hex/base36 token or Engine.IO's yeast id. */
function looksGenerated(value: string): boolean {
  if (value === '') return true;
  if (/^\d+$/.test(value)) return true;
  if (/^0?\.\d{4,}$/.test(value)) return true;
  if (/^[0-9a-z]{6,}$/i.test(value) && /\d/.test(value)) return true;
  // Engine.IO "yeast" ids are short base64url strings, e.g. `OgYbH3a` or `PBxkZ_j`; two made in
  // the same millisecond get a `.N` suffix (`PBxkZ_j.0`).
  if (/^[A-Za-z0-9_-]{6,}(\.\d+)?$/.test(value) && (/[\d_-]/.test(value) || (/[A-Z]/.test(value) && /[a-z]/.test(value)))) return true;
  return false;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Whether one `name=value` pair is cache-busting noise. */
export function isNoiseParam(name: string, value: string, opts?: NormalizeOptions): boolean {
  const lname = name.toLowerCase();
  if (ALWAYS_NOISE.has(lname)) return true;
  if (NOISE_IF_GENERATED.has(lname) && looksGenerated(value)) return true;
  return isEpochLike(value, opts);
}

/** Keeps pairs raw (no re-encoding) so `a=%20` and `a=+` stay distinguishable, as servers see them. */
export function normalizeQuery(search: string, opts?: NormalizeOptions, extraDrop?: (name: string, value: string) => boolean): string {
  const raw = search.startsWith('?') ? search.slice(1) : search;
  if (raw === '') return '';
  // Engine.IO (socket.io) polling: `t` is its cache buster whatever it looks like. Newer clients
  // send 8 random base-36 characters, which are sometimes all letters (`t=uerpbnpt`), so the
  // value alone cannot tell it from a word.
  const engineIo = /(^|&)EIO=\d/.test(raw);
  const kept: Array<[string, string, string]> = [];
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const name = safeDecode(rawName);
    const value = safeDecode(rawValue);
    if (isNoiseParam(name, value, opts) || (engineIo && name === 't')) continue;
    if (extraDrop?.(name, value)) continue;
    kept.push([name, value, pair]);
  }
  // Sorting makes `?a=1&b=2` and `?b=2&a=1` one endpoint; ties keep their order (stable sort).
  kept.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  return kept.map((k) => k[2]).join('&');
}

const RELATIVE_BASE = 'http://relative.invalid';

/**
 * Canonical form of a URL for grouping: scheme, host, port and path kept; fragment, user info and
 * cache-busting query parameters dropped; remaining parameters sorted. Never throws.
 */
export function normalizeUrl(url: string, opts?: NormalizeOptions, extraDrop?: (name: string, value: string) => boolean): string {
  const trimmed = url.trim();
  let parsed: URL;
  let relative = false;
  try {
    parsed = new URL(trimmed);
  } catch {
    try {
      parsed = new URL(trimmed, RELATIVE_BASE);
      relative = true;
    } catch {
      return trimmed.split('#')[0] ?? '';
    }
  }
  const query = normalizeQuery(parsed.search, opts, extraDrop);
  const head = relative ? parsed.pathname : `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  return query === '' ? head : `${head}?${query}`;
}

// Keys whose short string value names the operation; two POSTs to /rpc with different `method`
// are different endpoints even when the body shapes match.
const DISCRIMINATOR_KEYS = new Set(['operationname', 'type', 'action', 'method', 'op', 'cmd', 'command', 'event', 'channel', 'topic']);

const MAX_SHAPE_DEPTH = 6;
const MAX_SHAPE_PATHS = 64;

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

// Only key names make a shape, never values or their types: a poll that sends `"after": null`
// first and `"after": "c41"` later, or `"acks": []` then `"acks": [3, 4]`, is one endpoint, so the
// series (and its verdict) does not depend on what the data happened to be when it was captured.
function collectShape(v: unknown, path: string, depth: number, out: Set<string>): void {
  if (out.size >= MAX_SHAPE_PATHS) return;
  const t = typeName(v);
  if (depth >= MAX_SHAPE_DEPTH || (t !== 'object' && t !== 'array')) {
    out.add(path);
    return;
  }
  if (Array.isArray(v)) {
    // A list of 0, 3 or 30 items is one shape. Only a top-level list (a batch of operations) is
    // looked into, its elements' shapes merged.
    if (path !== '') return void out.add(`${path}[]`);
    if (v.length === 0) out.add('[]');
    for (const item of v.slice(0, 16)) collectShape(item, '[]', depth + 1, out);
    return;
  }
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 0) out.add(`${path}:{}`);
  for (const key of keys) {
    const value = obj[key];
    const childPath = path === '' ? key : `${path}.${key}`;
    const lkey = key.toLowerCase();
    if (depth <= 1 && typeof value === 'string' && DISCRIMINATOR_KEYS.has(lkey) && value.length <= 64) {
      out.add(`${childPath}=${value}`);
    } else if (depth === 0 && lkey === 'query' && typeof value === 'string' && value.length > 0) {
      out.add(`${childPath}#${fnv1a(value)}`);
    } else {
      collectShape(value, childPath, depth + 1, out);
    }
  }
}

/**
 * Shape of a request body: sorted key paths for JSON, sorted field names for form
 * bodies, '' when there is no body or it is opaque. Values are left out so a poll that sends
 * `{"since": 1732612345678}` each time keeps one shape.
 */
export function bodyShape(body: string | undefined): string {
  if (body === undefined) return '';
  const text = body.trim();
  if (text === '') return '';
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      const out = new Set<string>();
      collectShape(parsed, '', 0, out);
      return `json{${[...out].sort().join(',')}}`;
    } catch {
      return 'opaque';
    }
  }
  if (/^[\w.%+\-[\]]+=[^&]*(&[\w.%+\-[\]]+=[^&]*)*$/.test(text)) {
    const names = new Set(text.split('&').map((p) => safeDecode(p.split('=')[0] ?? '')));
    return `form{${[...names].sort().join(',')}}`;
  }
  return 'opaque';
}

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE']);

/** Key of one endpoint: method + normalized URL, plus the body shape for methods with a body. */
export function endpointKey(method: string, url: string, requestBody?: string): string {
  const m = (method || 'GET').toUpperCase();
  const base = `${m} ${normalizeUrl(url)}`;
  if (BODYLESS.has(m)) return base;
  const shape = bodyShape(requestBody);
  return shape === '' || shape === 'opaque' ? base : `${base} ${shape}`;
}

// Parameters that carry a position in a stream: a long-poll client sends the last id it saw
// (`?since=41`, `?cursor=…`), so every request has a new value on the same endpoint.
const CURSOR_PARAMS = new Set([
  'since',
  'cursor',
  'after',
  'last',
  'lastid',
  'last_id',
  'lasteventid',
  'last_event_id',
  'offset',
  'seq',
  'sequence',
  'ack',
  'position',
  'pos',
  'marker',
  'watermark',
  'revision',
  'rev',
  'from_id',
  'sinceid',
  'since_id',
]);

export function isCursorParam(name: string): boolean {
  return CURSOR_PARAMS.has(name.toLowerCase());
}

/**
 * Endpoint key that also ignores cursor parameters and, via `extraDrop`, session parameters
 * (Engine.IO's `sid` appears after the handshake and changes on every reconnect): the key of a
 * polling channel.
 */
export function pollingEndpointKey(method: string, url: string, requestBody?: string, extraDrop?: (name: string) => boolean): string {
  return endpointKey(
    method,
    normalizeUrl(url, undefined, (name) => isCursorParam(name) || (extraDrop?.(name) ?? false)),
    requestBody,
  );
}
