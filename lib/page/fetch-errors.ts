// Context: page (MAIN world) and dedicated workers. How Firefox words the errors of a Request
// built by the fetch hook, versus those of the native fetch: hook-fetch.ts builds the Request
// itself (to read the page's init once), so a bad argument is refused by the Request constructor
// ("Request constructor: …") where the native fetch says "Window.fetch: …" (in a worker
// "WorkerGlobalScope.fetch: …"). The text after the prefix is the same (checked in Firefox ESR 153).
import { str } from './natives';

const GECKO_REQUEST_PREFIX = 'Request constructor: ';
// Read once at start: `Window` is an own global of a window (the page could delete it later);
// a worker has WorkerGlobalScope instead.
const GECKO_FETCH_PREFIX = `${typeof Window === 'function' ? 'Window' : 'WorkerGlobalScope'}.fetch: `;

/** [the Request constructor's prefix, the native fetch's] when `message` is Firefox's, else []. */
export function fetchPrefixGecko(message: string): [string, string] | [] {
  if (!str.startsWith(message, GECKO_REQUEST_PREFIX)) return [];
  return [GECKO_REQUEST_PREFIX, GECKO_FETCH_PREFIX];
}
