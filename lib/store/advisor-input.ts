// Context: panel. Gathers a channel's facts for the advisor: polling stats, exchanges, connection
// attempts and a bounded sample of recent frames (the advisor needs patterns, not every frame).
import type { AdvisorInput, AdvisorFrame } from '../advisor/types';
import { httpExchanges } from './http-exchanges';
import type { Session } from './session';
import type { Channel } from './session-types';
import { channelAttempts } from './channel-attempts';
import { DIR_OUT } from './frame-store';
import { channelHandlerSamples } from './handler-costs';

const FRAME_SAMPLE = 2000;

export function advisorInput(session: Session, channel: Channel, now = Date.now()): AdvisorInput {
  const f = session.frames;
  const frames: AdvisorFrame[] = [];
  const rows = channel.frames;
  let sseIdsSeen = false;
  for (let k = Math.max(0, rows.length - FRAME_SAMPLE); k < rows.length; k++) {
    const i = rows.at(k);
    const id = session.sseIds.get(i);
    if (id) sseIdsSeen = true;
    frames.push({
      t: f.time[i],
      dir: f.dir[i] === DIR_OUT ? 'out' : 'in',
      size: f.size[i],
      text: f.preview[i],
      event: f.eventName(i) || undefined,
      id,
    });
  }
  const exchanges = httpExchanges(session.connections, channel.connections);
  const stream = channel.kind === 'ws' || channel.kind === 'sse' || channel.kind === 'fetch-stream';
  return {
    kind: channel.kind,
    url: channel.url,
    poll: channel.poll?.stats,
    exchanges: stream ? undefined : exchanges,
    attempts: stream ? channelAttempts(session, channel) : undefined,
    frames,
    sseIdsSeen: channel.kind === 'sse' || channel.kind === 'fetch-stream' ? sseIdsSeen : undefined,
    durationMs: Math.max(0, now - channel.firstTime),
    handlerTimes: stream ? channelHandlerSamples(session, channel) : undefined,
  };
}
