// Context: panel. Runs PushLens actions on a channel's live connection through the page agent:
// send, inject, close, simulated drop, hold/release, SSE inject/fail, HTTP re-run, and replays of
// selected frames with their original timing or at a chosen speed.
import type { PanelCommand, CommandResult } from '../protocol/commands';
import type { DistributiveOmit } from '../protocol/records';

export type ChannelCommand = DistributiveOmit<PanelCommand, 'conn'>;
import type { Session } from '../store/session';
import type { Channel, Connection } from '../store/session-types';
import type { WholePayload } from '../store/whole-payloads';
import { wholePayload } from './full-payload';
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

/**
 * The picked frames, whole, in time order, each with its row: all of them or an error (a frame
 * known only in part is fetched whole from the page first, and refused when it cannot be).
 */
export async function pickedWholes(
  session: Session,
  link: CommandSink,
  channel: Channel,
  ids: number[],
): Promise<{ frames: (WholePayload & { time: number; row: number })[] } | { error: string }> {
  const picked = pickedRows(session, channel, ids);
  if ('error' in picked) return picked;
  // Times and ids first: rows may shift while whole payloads are fetched.
  const order = picked.rows.map((row) => ({ id: session.frames.idAt(row), time: session.frames.time[row] }));
  const frames: (WholePayload & { time: number; row: number })[] = [];
  for (const { id, time } of order) {
    const row = session.frames.rowOfId(id);
    if (row < 0) return { error: 'A picked frame is no longer held by the panel (cleared or evicted); pick again.' };
    const whole = await wholePayload(session, link, row);
    if ('error' in whole) return whole;
    frames.push({ ...whole, time, row });
  }
  return { frames };
}

/** Replays frames (picked by id) in time order on the channel's live WebSocket. */
export async function replayFrames(
  session: Session,
  link: CommandSink,
  channel: Channel,
  ids: number[],
  opts: ReplayOptions,
): Promise<CommandResult> {
  const picked = await pickedWholes(session, link, channel, ids);
  if ('error' in picked) return { commandId: '', ok: false, error: picked.error };
  const frames = picked.frames;
  const start = frames.length ? frames[0].time : 0;
  const began = performance.now();
  for (let k = 0; k < frames.length; k++) {
    if (opts.signal?.aborted) return { commandId: '', ok: false, error: `Replay stopped after ${k} of ${frames.length} frames.` };
    const frame = frames[k];
    if (opts.speed > 0) {
      const due = (frame.time - start) / opts.speed - (performance.now() - began);
      if (due > 0) await new Promise((r) => setTimeout(r, due));
    }
    const result = await runOn(link, liveConnection(session, channel, opts.connection), {
      kind: opts.target === 'server' ? 'ws-send' : 'ws-inject',
      data: frame.data,
      binary: frame.binary,
    });
    if (!result.ok) return { ...result, error: `Frame ${k + 1} of ${frames.length}: ${result.error}` };
    opts.onProgress?.(k + 1, frames.length);
  }
  return { commandId: '', ok: true };
}
