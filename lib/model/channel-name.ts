// Context: pure (panel + node tests), no browser APIs.
// A channel's name as Chrome's Network panel writes it in its Name column: the last path segments
// and the query first (what tells `/ws/chat` from `/ws/feed`), the host after it (dimmed by the
// view), and no host at all when every channel of the list shares it.

export interface ChannelName {
  /** Last path segments and the query, e.g. `ws/chat?room=1`. */
  name: string;
  /** `host[:port]`, or '' when the URL has none (data:, blob:, unparsable). */
  host: string;
}

/** How many trailing path segments the name keeps: one is often a bare `poll` or `events`. */
const SEGMENTS = 2;

export function channelName(url: string, method?: string): ChannelName {
  const verb = method && method !== 'GET' ? `${method} ` : '';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { name: verb + url, host: '' };
  }
  const segments = u.pathname.split('/').filter((s) => s !== '');
  const path = segments.slice(-SEGMENTS).join('/');
  const name = `${path || '/'}${u.search}`;
  return { name: verb + name, host: u.host };
}

/** The host every URL shares, or undefined when they differ (or there are none). */
export function sharedHost(urls: Iterable<string>): string | undefined {
  let shared: string | undefined;
  for (const url of urls) {
    const { host } = channelName(url);
    if (shared === undefined) shared = host;
    else if (shared !== host) return undefined;
  }
  return shared;
}
