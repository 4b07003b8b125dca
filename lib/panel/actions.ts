// Context: panel. Runs PushLens actions on a channel's live connection through the page agent:
// send, inject, close, simulated drop, hold/release, SSE inject/fail, HTTP re-run, and replays of
// selected frames with their original timing or at a chosen speed.
import type { PanelCommand, CommandResult } from '../protocol/commands';
import type { DistributiveOmit } from '../protocol/records';

export type ChannelCommand = DistributiveOmit<PanelCommand, 'conn'>;
import type { Session } from '../store/session';
import type { Channel, Connection } from '../store/session-types';
import { DIR_OUT, FLAG_BINARY } from '../store/frame-store';
import type { PanelLink } from './connection';

/** Where commands go: the panel's PanelLink (from React context); none in the standalone viewer. */
export type CommandSink = Pick<PanelLink, 'command'> | undefined;

/** The channel's newest connection that is still usable (open), else its newest at all. */
export function liveConnection(session: Session, channel: Channel): Connection | undefined {
  for (let k = channel.connections.length - 1; k >= 0; k--) {
    const c = session.connections[channel.connections[k]];
    if (c.state === 'open' || c.state === 'connecting') return c;
  }
  const last = channel.connections[channel.connections.length - 1];
  return last === undefined ? undefined : session.connections[last];
}

export async function runOn(link: CommandSink, connection: Connection | undefined, command: ChannelCommand): Promise<CommandResult> {
  if (!connection) return { commandId: '', ok: false, error: 'This channel has no connection to act on.' };
  if (!link) return { commandId: '', ok: false, error: 'The panel is not connected to the page.' };
  return link.command(connection.agentId, { ...command, conn: connection.conn } as PanelCommand);
}

export interface ReplayOptions {
  target: 'server' | 'page';
  /** 0 = as fast as possible; 1 = original timing; 2 = twice as fast… */
  speed: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Replays frames (rows of the frame store) in time order on the channel's live WebSocket. */
export async function replayFrames(
  session: Session,
  link: CommandSink,
  channel: Channel,
  rows: number[],
  opts: ReplayOptions,
): Promise<CommandResult> {
  const f = session.frames;
  const sorted = [...rows].sort((a, b) => f.time[a] - f.time[b]);
  const start = sorted.length ? f.time[sorted[0]] : 0;
  const began = performance.now();
  for (let k = 0; k < sorted.length; k++) {
    if (opts.signal?.aborted) return { commandId: '', ok: false, error: `Replay stopped after ${k} of ${sorted.length} frames.` };
    const i = sorted[k];
    if (opts.speed > 0) {
      const due = (f.time[i] - start) / opts.speed - (performance.now() - began);
      if (due > 0) await new Promise((r) => setTimeout(r, due));
    }
    const binary = (f.flags[i] & FLAG_BINARY) !== 0;
    const result = await runOn(link, liveConnection(session, channel), {
      kind: opts.target === 'server' ? 'ws-send' : 'ws-inject',
      data: f.preview[i],
      binary,
    });
    if (!result.ok) return { ...result, error: `Frame ${k + 1} of ${sorted.length}: ${result.error}` };
    opts.onProgress?.(k + 1, sorted.length);
  }
  return { commandId: '', ok: true };
}

/** Whether a row can be sent again to the server (an outgoing WebSocket frame). */
export function isResendable(session: Session, row: number): boolean {
  const c = session.connections[session.frames.connection[row]];
  return c?.api === 'ws' && session.frames.dir[row] === DIR_OUT;
}
