// Context: panel. The channels the channel list and the timeline show (every channel that holds
// a connection), with the host they all share and the earliest start, kept up to date as channels
// are added instead of recomputed over all of them on each session change: an imported HAR has
// 100k channels, and filtering them (and parsing 100k URLs for the shared host) on every render
// while the import streamed in made each render a long task.
import { channelName } from '../model/channel-name';
import type { Session } from './session';
import type { Channel } from './session-types';

export interface ChannelListing {
  /** Non-empty channels in creation order; a fresh array on each call (safe to keep across renders). */
  channels: Channel[];
  /** The host every listed channel shares (undefined when they differ or there are none). */
  sharedHost: string | undefined;
  /** Earliest `firstTime` of the listed channels; Infinity when there are none. */
  firstTime: number;
}

interface Cache {
  /** The session's channels array the cache was built from (a clear replaces it). */
  source: Channel[];
  regroups: number;
  /** session.channels[0 .. scanned) are accounted for. */
  scanned: number;
  list: Channel[];
  host: string | undefined;
  mixedHosts: boolean;
  firstTime: number;
}

const caches = new WeakMap<Session, Cache>();

/** A channel's URL never changes once created, so its host is parsed once for the channel's life. */
const hosts = new WeakMap<Channel, string>();

export function channelHost(ch: Channel): string {
  let h = hosts.get(ch);
  if (h === undefined) {
    h = channelName(ch.url).host;
    hosts.set(ch, h);
  }
  return h;
}

/** What `session.channels.filter((c) => c.connections.length > 0)` gives, and facts over it, in time proportional to what is new. */
export function listChannels(session: Session): ChannelListing {
  let c = caches.get(session);
  if (!c || c.source !== session.channels || c.regroups !== session.regroups) {
    c = { source: session.channels, regroups: session.regroups, scanned: 0, list: [], host: undefined, mixedHosts: false, firstTime: Infinity };
    caches.set(session, c);
  }
  const all = session.channels;
  for (let i = c.scanned; i < all.length; i++) {
    const ch = all[i];
    // Empty here means emptied by a regroup (a new channel gets its connection in the same call
    // that creates it); refilling it bumps session.regroups, and the next call rebuilds.
    if (ch.connections.length === 0) continue;
    c.list.push(ch);
    if (ch.firstTime < c.firstTime) c.firstTime = ch.firstTime;
    if (!c.mixedHosts) {
      const h = channelHost(ch);
      if (c.list.length === 1) c.host = h;
      else if (h !== c.host) c.mixedHosts = true;
    }
  }
  c.scanned = all.length;
  return { channels: c.list.slice(), sharedHost: c.mixedHosts ? undefined : c.host, firstTime: c.firstTime };
}
