// Context: pure model, no browser APIs. Turns a captured request or WebSocket channel into a
// command a person can paste into a terminal or a console: cURL, fetch(), websocat.

export interface RequestLike {
  method: string;
  url: string;
  headers: [string, string][];
  body?: string;
}

/** POSIX shell single-quoting: the only character that needs care inside '…' is ' itself. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

// Headers the browser sets itself: copying them would only make the command lie.
const BROWSER_OWNED = new Set([
  'host',
  'connection',
  'content-length',
  'accept-encoding',
  'sec-websocket-key',
  'sec-websocket-version',
  'sec-websocket-extensions',
  'upgrade',
]);

export function toCurl(req: RequestLike): string {
  const parts = ['curl', shellQuote(req.url)];
  if (req.method !== 'GET' || req.body !== undefined) parts.push('-X', shellQuote(req.method));
  for (const [k, v] of req.headers) if (!BROWSER_OWNED.has(k.toLowerCase())) parts.push('-H', shellQuote(`${k}: ${v}`));
  if (req.body !== undefined) parts.push('--data-raw', shellQuote(req.body));
  return parts.join(' ');
}

export function toFetch(req: RequestLike): string {
  const init: Record<string, unknown> = { method: req.method };
  const headers: Record<string, string> = {};
  for (const [k, v] of req.headers) if (!BROWSER_OWNED.has(k.toLowerCase())) headers[k] = v;
  if (Object.keys(headers).length) init.headers = headers;
  if (req.body !== undefined) init.body = req.body;
  init.credentials = 'include';
  return `fetch(${JSON.stringify(req.url)}, ${JSON.stringify(init, null, 2)});`;
}

export function toWebsocat(url: string, protocols: string[] = []): string {
  const parts = ['websocat'];
  for (const p of protocols) parts.push('--protocol', shellQuote(p));
  parts.push(shellQuote(url));
  return parts.join(' ');
}
