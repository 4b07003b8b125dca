// Context: pure (panel + model), no browser APIs.
// Redaction for shared HAR files. People attach HARs to bug reports; credentials in headers and
// URLs are the usual leak, so they are replaced by default (payload contents are the user's
// call and are left alone).

import type { Header } from './types';

export const REDACTED = '[redacted]';

/** Header names (lower case) whose values are credentials or session state. */
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

export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADERS.has(name.toLowerCase());
}

export function redactHeaders(headers: readonly Header[]): Header[] {
  return headers.map(([k, v]) => [k, isSensitiveHeader(k) ? REDACTED : v]);
}

/** Replaces sensitive query values; leaves unparsable URLs unchanged. */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  let changed = false;
  for (const key of [...u.searchParams.keys()]) {
    if (SENSITIVE_PARAMS.has(key.toLowerCase())) {
      u.searchParams.set(key, REDACTED);
      changed = true;
    }
  }
  return changed ? u.toString() : url;
}
