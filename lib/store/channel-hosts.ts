// Context: panel. The host of each channel's URL, parsed once per channel: the channel list asks
// whether every channel shares one host on each session change, and parsing 100k URLs each time
// (an imported HAR) made every render of the list a task of seconds.
import { channelName } from '../model/channel-name';
import type { Channel } from './session-types';

/** A channel's URL never changes once created, so its host is kept for the channel's life. */
const hosts = new WeakMap<Channel, string>();

export function channelHost(ch: Channel): string {
  let h = hosts.get(ch);
  if (h === undefined) {
    h = channelName(ch.url).host;
    hosts.set(ch, h);
  }
  return h;
}

/** The host every channel shares, or undefined when they differ (or there are none): sharedHost over channels. */
export function sharedChannelHost(channels: readonly Channel[]): string | undefined {
  if (channels.length === 0) return undefined;
  const shared = channelHost(channels[0]);
  for (let i = 1; i < channels.length; i++) if (channelHost(channels[i]) !== shared) return undefined;
  return shared;
}
