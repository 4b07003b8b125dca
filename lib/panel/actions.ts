// Context: panel. Runs PushLens actions on a channel's live connection through the page agent:
// send, inject, close, simulated drop, hold/release, SSE inject/fail, HTTP re-run, and replays of
// selected frames with their original timing or at a chosen speed.
import type { PanelCommand, CommandResult } from '../protocol/commands';
import type { DistributiveOmit } from '../protocol/records';

export type ChannelCommand = DistributiveOmit<PanelCommand, 'conn'>;
import type { Session } from '../store/session';
import type { Channel, Connection } from '../store/session-types';
import { FLAG_BINARY } from '../store/frame-store';
import type { PanelLink } from './connection';

/** Where commands go: the panel's PanelLink (from React context); none in the standalone viewer. */
export type CommandSink = Pick<PanelLink, 'command'> | undefined;

/** Key naming one connection in the UI store's `targetConnection`. */
export function connectionKey(c: Connection): string {
  return `${c.agentId}:${c.conn}`;
}

/** The channel's connections that are open or connecting, oldest first. */
export function openConnections(session: Session, channel: Channel): Connection[] {
  return channel.connections.map((i) => session.connections[i]).filter((c) => c.state === 'open' || c.state === 'connecting');
}

/**
 * The connection an action goes to: the one the user picked (`target`, a connectionKey) when it
 * belongs to this channel and is still open, else the channel's newest open connection, else its
 * newest at all. A channel holds one frame's and origin's connections only (Session.channelFor).
 */
export function liveConnection(session: Session, channel: Channel, target?: string | null): Connection | undefined {
  if (target) {
    const picked = openConnections(session, channel).find((c) => connectionKey(c) === target);
    if (picked) return picked;
  }
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
  /** The connection the user picked (connectionKey), if any. */
  connection?: string | null;
  /** 0 = as fast as possible; 1 = original timing; 2 = twice as fast… */
  speed: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Rows of picked frame ids, in time order; an error when one is gone or of another channel
 *  (nothing is sent then: a replay is all the picked frames or none). */
export function pickedRows(session: Session, channel: Channel, ids: number[]): { rows: number[] } | { error: string } {
  const f = session.frames;
  const rows: number[] = [];
  for (const id of ids) {
    const row = f.rowOfId(id);
    if (row < 0) return { error: 'A picked frame is no longer held by the panel (cleared or evicted); pick again.' };
    if (f.channel[row] !== channel.index) return { error: 'A picked frame belongs to another channel; pick again.' };
    rows.push(row);
  }
  return { rows: rows.sort((a, b) => f.time[a] - f.time[b] || a - b) };
}

/** Replays frames (picked by id) in time order on the channel's live WebSocket. */
export async function replayFrames(
  session: Session,
  link: CommandSink,
  channel: Channel,
  ids: number[],
  opts: ReplayOptions,
): Promise<CommandResult> {
  const f = session.frames;
  const picked = pickedRows(session, channel, ids);
  if ('error' in picked) return { commandId: '', ok: false, error: picked.error };
  const sorted = picked.rows;
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
    const result = await runOn(link, liveConnection(session, channel, opts.connection), {
      kind: opts.target === 'server' ? 'ws-send' : 'ws-inject',
      data: f.preview[i],
      binary,
    });
    if (!result.ok) return { ...result, error: `Frame ${k + 1} of ${sorted.length}: ${result.error}` };
    opts.onProgress?.(k + 1, sorted.length);
  }
  return { commandId: '', ok: true };
}
