// Context: pure model, no browser APIs. Turns a captured request or WebSocket channel into a
// command a person can paste into a terminal or a console: cURL, fetch(), websocat.
// Everything in it came from the page or a server, so it is hostile: a control character inside
// single quotes still reaches the terminal when pasted (ESC [201~ ends bracketed paste, Ctrl-U
// kills the line, a tab completes), and a bidi override makes the command read differently from
// what runs. Such characters are written as escapes, never as themselves; what cannot be written
// exactly (NUL in a shell argument, CR/LF in a header) is refused with a reason.
import { hasHiddenChars } from '../util/visible-text';

export interface RequestLike {
  method: string;
  url: string;
  headers: [string, string][];
  body?: string;
}

/** The command cannot be written so that it sends exactly what was captured. */
export class CopyRefused extends Error {}

const UTF8 = new TextEncoder();

/**
 * Shell quoting. Plain text: POSIX single quotes (only ' itself needs care). Text with hidden or
 * control characters: bash/zsh ANSI-C quoting `$'…'` with each of those characters written as
 * `\xHH` UTF-8 bytes, so the pasted command holds only printable characters and the argument is
 * byte for byte the captured value.
 */
export function shellQuote(s: string): string {
  if (s.includes('\0')) throw new CopyRefused('contains a NUL character, which no shell argument can hold');
  if (!hasHiddenChars(s)) return `'${s.replace(/'/g, `'\\''`)}'`;
  let out = "$'";
  for (const ch of s) {
    if (ch === '\\' || ch === "'") out += `\\${ch}`;
    else if (hasHiddenChars(ch)) for (const b of UTF8.encode(ch)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}'`;
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

/** Headers worth copying; a CR, LF or NUL in one would smuggle another header or request. */
function copiedHeaders(headers: readonly [string, string][]): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of headers) {
    if (BROWSER_OWNED.has(k.toLowerCase())) continue;
    if (/[\r\n\0]/.test(k) || /[\r\n\0]/.test(v)) throw new CopyRefused(`header ${JSON.stringify(k)} contains a line break or NUL`);
    out.push([k, v]);
  }
  return out;
}

export function toCurl(req: RequestLike): string {
  const parts = ['curl', shellQuote(req.url)];
  if (req.method !== 'GET' || req.body !== undefined) parts.push('-X', shellQuote(req.method));
  for (const [k, v] of copiedHeaders(req.headers)) parts.push('-H', shellQuote(`${k}: ${v}`));
  if (req.body !== undefined) parts.push('--data-raw', shellQuote(req.body));
  return parts.join(' ');
}

/**
 * JSON.stringify escapes C0 controls but leaves DEL, C1 controls, bidi and zero-width characters,
 * U+2028/2029 and lone surrogates as they are; in a console they would hide or reorder code.
 * Every one of them only ever sits inside a string literal here, where `\uXXXX` means the same.
 */
function jsLiteral(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[^\x20-\x7e\n]/gu, (ch) => {
    if (!hasHiddenChars(ch)) return ch;
    let out = '';
    for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}

export function toFetch(req: RequestLike): string {
  const init: Record<string, unknown> = { method: req.method };
  const copied = copiedHeaders(req.headers);
  // An object literal is what people expect, but in source text a "__proto__" key sets the
  // prototype, and repeated names collapse: then the exact list of pairs goes instead.
  const names = new Set(copied.map(([k]) => k.toLowerCase()));
  if (names.has('__proto__') || names.size !== copied.length) init.headers = copied;
  else if (copied.length) init.headers = Object.fromEntries(copied);
  if (req.body !== undefined) init.body = req.body;
  init.credentials = 'include';
  return `fetch(${jsLiteral(req.url)}, ${jsLiteral(init, 2)});`;
}

export function toWebsocat(url: string, protocols: string[] = []): string {
  const parts = ['websocat'];
  for (const p of protocols) parts.push('--protocol', shellQuote(p));
  parts.push(shellQuote(url));
  return parts.join(' ');
}
