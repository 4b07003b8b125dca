// Context: page (MAIN world). Header lists as [name, value] pairs from a Headers object, an array
// of pairs or a record, without calling page-overridable Headers methods.
import { natives, call, arr, str } from './natives';
import { splitLines } from './proxy-utils';

const headersForEach = typeof Headers === 'function' ? Headers.prototype.forEach : undefined;
const MAX_HEADERS = 200;

/**
 * Pairs from a native Headers object (its own forEach, captured now; anything else is not a
 * Headers and throws) or from our own list of pairs. Nothing of the page's is called.
 */
export function headerList(source: unknown): [string, string][] {
  const out: [string, string][] = [];
  if (!source || typeof source !== 'object') return out;
  if (natives.isArray(source)) {
    for (let i = 0; i < source.length && i < MAX_HEADERS; i++) {
      const pair = source[i] as unknown;
      if (natives.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string')
        arr.push(out, [str.toLowerCase(pair[0]), pair[1]] as [string, string]);
    }
    return out;
  }
  try {
    if (headersForEach)
      call(headersForEach, source, (value: string, name: string) => {
        if (out.length < MAX_HEADERS) arr.push(out, [name, value] as [string, string]);
      });
  } catch {
    /* not a Headers object: the request still goes out, we just do not list its headers */
  }
  return out;
}

/** Parses XMLHttpRequest.getAllResponseHeaders() text. */
export function parseRawHeaders(raw: string): [string, string][] {
  const out: [string, string][] = [];
  const lines = splitLines(raw);
  for (let k = 0; k < lines.length; k++) {
    let line = lines[k];
    if (line.length && str.charCodeAt(line, line.length - 1) === 13) line = str.slice(line, 0, -1);
    const i = str.indexOf(line, ':');
    if (i > 0 && out.length < MAX_HEADERS)
      arr.push(out, [str.toLowerCase(str.trim(str.slice(line, 0, i))), str.trim(str.slice(line, i + 1))] as [string, string]);
  }
  return out;
}
