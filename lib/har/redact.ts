// Context: pure (panel + model), no browser APIs.
// Redaction for shared exports (HAR and the JSON export). People attach them to bug reports, and
// a secret can sit almost anywhere: URL parameters under many names, fragments (OAuth implicit
// flow), userinfo, auth headers with custom names, cookies, Location/Referer URLs, WebSocket
// subprotocols that carry tokens, and fields of JSON (or form, or STOMP) payloads. The rules are
// by name (a secret-like name anywhere) and by shape (JWTs, Bearer/Basic credentials), applied to
// every string of the export. The rules are listed in the README's security notes.

import type { Header } from './types';

export const REDACTED = '[redacted]';

/** Header names (lower case) whose values are credentials or session state, whatever they hold. */
export const SENSITIVE_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'set-cookie2',
  'x-api-key',
  'api-key',
  'x-auth-token',
  'x-access-token',
  'x-refresh-token',
  'private-token',
  'x-csrf-token',
  'x-xsrf-token',
  'x-amz-security-token',
  'x-goog-api-key',
]);

/** Query parameters that carry credentials, common in WebSocket/SSE URLs (no headers there). */
export const SENSITIVE_PARAMS: ReadonlySet<string> = new Set([
  'token',
  'access_token',
  'id_token',
  'refresh_token',
  'api_key',
  'apikey',
  'key',
  'password',
  'auth',
  'jwt',
  'signature',
  'sig',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
]);

// Names are compared lower case with separators removed: accessToken, access_token, access-token.
const SECRET_NAMES = new Set([
  'auth',
  'key',
  'sig',
  'jwt',
  'pwd',
  'pass',
  'passcode',
  'pin',
  'otp',
  'sid',
  'session',
  'cookie',
  'bearer',
  'hmac',
  'ticket',
  'xamzcredential',
  'xamzdate',
]);
const SECRET_PARTS = [
  'token',
  'secret',
  'password',
  'passwd',
  'apikey',
  'accesskey',
  'privatekey',
  'credential',
  'signature',
  'sessionid',
  'sessionkey',
  'authorization',
  'authkey',
  'csrf',
  'xsrf',
];

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.\s[\]]/g, '');
}

/** True for names under which a value is a credential: token, accessToken, client_secret, sig, … */
export function isSecretName(name: string): boolean {
  const n = normalizeName(name);
  if (n === '') return false;
  if (SECRET_NAMES.has(n) || SENSITIVE_PARAMS.has(name.toLowerCase())) return true;
  return SECRET_PARTS.some((p) => n.includes(p));
}

export function isSensitiveHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SENSITIVE_HEADERS.has(lower) || isSecretName(lower);
}

// Shapes that are credentials whatever their name: JWTs, and the credential after Bearer/Basic/….
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+\.?[A-Za-z0-9_-]*/g;
const SCHEME_CREDENTIAL = /\b(Bearer|Basic|Digest|Token|Negotiate|NTLM|ApiKey)(\s+)[^\s"',;]+/gi;
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`\\]+/gi;
// name=value inside query strings, fragments, form bodies, cookies; name: value on a line; "name": "value".
const PAIR = /([?&#;,\s]|^)([^=&#?;,\s]+)=([^&#;,\s]*)/g;
const HEADER_LINE = /^([A-Za-z0-9_-]+)(\s*:\s*)(.*)$/gm;
const JSON_PAIR = /("((?:[^"\\]|\\.)*)"\s*:\s*)("(?:[^"\\]|\\.)*"|[^,}\]\s]+)/g;

/** Redacts what free text carries: URLs in it, name=value pairs, header lines, JSON-ish pairs, JWTs, Bearer credentials. */
export function redactText(text: string): string {
  let s = text.replace(URL_IN_TEXT, (u) => redactUrl(u));
  s = s.replace(PAIR, (all, pre: string, name: string) => (isSecretName(safeDecode(name)) ? `${pre}${name}=${REDACTED}` : all));
  s = s.replace(HEADER_LINE, (all, name: string, sep: string) => (isSecretName(name) ? `${name}${sep}${REDACTED}` : all));
  s = s.replace(JSON_PAIR, (all, head: string, name: string) => (isSecretName(name) ? `${head}"${REDACTED}"` : all));
  s = s.replace(JWT, REDACTED);
  s = s.replace(SCHEME_CREDENTIAL, (_all, scheme: string, sp: string) => `${scheme}${sp}${REDACTED}`);
  return s;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

// In a URL, an OAuth authorization `code` is a credential too (in a JSON payload `code` is mostly a status).
const URL_ONLY_SECRET_NAMES = new Set(['code', 'state']);

/** Redacts secret-named pairs of a query string or a param-shaped fragment (raw text kept otherwise). */
function redactPairs(part: string): string {
  return part.replace(/(^|[&;/?])([^=&;/?]+)=([^&;]*)/g, (all, pre: string, name: string) => {
    const decoded = safeDecode(name);
    return isSecretName(decoded) || URL_ONLY_SECRET_NAMES.has(decoded.toLowerCase()) ? `${pre}${name}=${encodeURIComponent(REDACTED)}` : all;
  });
}

/** Replaces userinfo, secret query/fragment parameters and JWTs anywhere in a URL; unparsable text gets the free-text rules. */
export function redactUrl(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*@)?([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(url);
  if (!m) return redactPlain(url);
  const [, scheme, userinfo, hostPath, query, fragment] = m;
  let out = scheme + (userinfo ? `${encodeURIComponent(REDACTED)}@` : '') + hostPath.replace(JWT, REDACTED);
  if (query) out += `?${redactPairs(query.slice(1)).replace(JWT, REDACTED)}`;
  if (fragment) out += `#${redactPairs(fragment.slice(1)).replace(JWT, REDACTED)}`;
  return out;
}

/** Free-text rules without the URL pass (used on text that failed to parse as a URL). */
function redactPlain(text: string): string {
  return text
    .replace(PAIR, (all, pre: string, name: string) => (isSecretName(safeDecode(name)) ? `${pre}${name}=${REDACTED}` : all))
    .replace(JWT, REDACTED)
    .replace(SCHEME_CREDENTIAL, (_all, scheme: string, sp: string) => `${scheme}${sp}${REDACTED}`);
}

export function redactHeaderValue(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (isSensitiveHeader(lower)) return REDACTED;
  if (lower === 'sec-websocket-protocol')
    return redactProtocols(value.split(',').map((p) => p.trim()))
      .filter((p) => p !== '')
      .join(', ');
  // Location, Referer, Link, Refresh…: the URLs in any value get the URL rules.
  return redactText(value);
}

export function redactHeaders(headers: readonly Header[]): Header[] {
  return headers.map(([k, v]) => [k, redactHeaderValue(k, v)]);
}

/**
 * WebSocket subprotocols are the only header a browser WebSocket can set, so tokens travel in
 * them: as an entry after a secret-like name (["access_token", "<token>"]), or inside one entry
 * (`base64url.bearer.authorization.k8s.io.<token>`, `Bearer <token>`, a JWT).
 */
export function redactProtocols(protocols: readonly string[]): string[] {
  return protocols.map((p, i) => {
    if (i > 0 && isSecretName(protocols[i - 1])) return REDACTED;
    const parts = p.split('.');
    // The last dotted part after a secret-like one is the credential (k8s style).
    if (parts.length > 1 && parts.slice(0, -1).some((part) => isSecretName(part))) return [...parts.slice(0, -1), REDACTED].join('.');
    // A long opaque entry of letters and digits is a token, not a protocol name.
    if (/^[A-Za-z0-9_+/=-]{24,}$/.test(p) && /\d/.test(p) && /[A-Za-z]/.test(p)) return REDACTED;
    return redactText(p);
  });
}

/** Depth-first copy of parsed JSON with every value under a secret-like key replaced, and strings redacted as text. */
export function redactJsonValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > 64) return value;
  if (Array.isArray(value)) return value.map((v) => redactJsonValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // Under a secret-like key every leaf goes (an object under it is walked, so its shape stays).
    const redacted = isSecretName(k) && (typeof v !== 'object' || v === null || Array.isArray(v)) ? REDACTED : redactJsonValue(v, depth + 1);
    // defineProperty: a "__proto__" key from a payload stays a plain key.
    Object.defineProperty(out, k, { value: redacted, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * A payload (HTTP body, WebSocket frame, SSE data): JSON is walked by key, with a leading
 * non-JSON prefix kept (Socket.IO's `42[...]`, Engine.IO, STOMP-free text); anything else gets
 * the free-text rules. Text that holds nothing secret comes back unchanged (same formatting).
 */
export function redactBody(text: string): string {
  const start = text.search(/[[{]/);
  if (start >= 0 && start <= 8) {
    const prefix = text.slice(0, start);
    const rest = text.slice(start);
    try {
      const parsed: unknown = JSON.parse(rest);
      const before = JSON.stringify(parsed);
      const after = JSON.stringify(redactJsonValue(parsed));
      return before === after ? text : prefix + after;
    } catch {
      // not JSON after all (or cut short): the text rules below still see "name":"value" pairs
    }
  }
  return redactText(text);
}
