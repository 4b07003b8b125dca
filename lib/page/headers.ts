// Context: page (MAIN world). Header lists as [name, value] pairs from a Headers object, an array
// of pairs or a record, without calling page-overridable Headers methods.
import { call } from './natives';

const headersForEach = typeof Headers === 'function' ? Headers.prototype.forEach : undefined;
const MAX_HEADERS = 200;

export function headerList(source: unknown): [string, string][] {
  const out: [string, string][] = [];
  if (!source || typeof source !== 'object') return out;
  try {
    if (headersForEach && source instanceof Headers) {
      call(headersForEach, source, (value: string, name: string) => {
        if (out.length < MAX_HEADERS) out.push([name, value]);
      });
    } else if (Array.isArray(source)) {
      for (const pair of source.slice(0, MAX_HEADERS))
        if (Array.isArray(pair) && pair.length === 2) out.push([String(pair[0]).toLowerCase(), String(pair[1])]);
    } else {
      for (const key of Object.keys(source).slice(0, MAX_HEADERS)) out.push([key.toLowerCase(), String((source as Record<string, unknown>)[key])]);
    }
  } catch {
    /* an exotic header source: the request still goes out, we just do not list its headers */
  }
  return out;
}

/** Parses XMLHttpRequest.getAllResponseHeaders() text. */
export function parseRawHeaders(raw: string): [string, string][] {
  const out: [string, string][] = [];
  for (const line of raw.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0 && out.length < MAX_HEADERS) out.push([line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim()]);
  }
  return out;
}
