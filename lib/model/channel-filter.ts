// Context: pure (panel + node tests), no browser APIs.
// The channel list's own filter: free text over what a row shows and hides behind its tooltip (URL,
// method, origin), case-insensitive, every word must match; and a kind ('' for all kinds).

export interface ChannelFilter {
  text: string;
  kind: string;
}

export interface FilterableChannel {
  url: string;
  kind: string;
  method?: string;
  origin?: string;
}

export function matchesChannel(ch: FilterableChannel, filter: ChannelFilter): boolean {
  if (filter.kind && ch.kind !== filter.kind) return false;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = `${ch.method ?? ''} ${ch.url} ${ch.origin ?? ''}`.toLowerCase();
  return words.every((w) => haystack.includes(w));
}
