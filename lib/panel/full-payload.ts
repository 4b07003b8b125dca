// Context: panel. Gets a frame's whole payload when the panel holds only its preview: asks the
// page agent that captured it (`frame-payload` command; the agent keeps originals within its ring's
// byte budget), checks the answer against the size captured with the frame, and keeps it
// (lib/store/whole-payloads.ts). A frame the agent no longer holds is refused with the reason:
// nothing is ever sent, copied or exported as whole when only a part of it is known.
import type { Session } from '../store/session';
import { FLAG_HTTP, FLAG_TRUNCATED } from '../store/frame-store';
import { payloadOf, rememberWhole, wholeKey, type WholePayload } from '../store/whole-payloads';
import { utf8Length } from '../util/text';
import { base64Size } from '../util/bytes';
import type { CommandSink } from './actions';

export type WholeOrError = WholePayload | { error: string };

const n = (x: number) => x.toLocaleString('en-US');

/** The row's whole payload, fetched from the page when the panel holds only a part. */
export async function wholePayload(session: Session, link: CommandSink, row: number): Promise<WholeOrError> {
  const known = payloadOf(session, row);
  if (!known.cut) return { data: known.data, binary: known.binary };
  const f = session.frames;
  const size = f.size[row];
  const partial = `This frame was captured only in part (${n(f.preview[row].length)} characters of a ${n(size)}-byte frame)`;
  const connection = session.connections[f.connection[row]];
  if (!connection || connection.agentId.startsWith('har:'))
    return { error: `${partial} and the file it came from holds no more of it; PushLens will not use a partial frame.` };
  if (!link) return { error: `${partial} and the panel is not connected to the page to fetch the rest; PushLens will not use a partial frame.` };
  const key = wholeKey(session, row)!;
  const result = await link.command(connection.agentId, { kind: 'frame-payload', conn: connection.conn, seq: f.seq[row] });
  if (!result.ok) return { error: `${partial}: ${result.error}` };
  // The answer crossed from the page: checked like any record before it is believed.
  const answer = result as unknown as Record<string, unknown>;
  if (typeof answer.data !== 'string' || typeof answer.binary !== 'boolean' || answer.binary !== known.binary)
    return { error: `${partial}, and the page's answer was not a payload of this frame.` };
  const got = answer.binary ? base64Size(answer.data) : utf8Length(answer.data);
  if (got !== size) return { error: `${partial}, and the page answered with ${n(got)} bytes instead of ${n(size)}: not used.` };
  const whole = { data: answer.data, binary: answer.binary };
  rememberWhole(session, key, size, whole);
  return whole;
}

/** Rows among `rows` (or the whole session) captured only in part whose whole is not yet known. */
export function rowsMissingWhole(session: Session, rows?: Iterable<number>): number[] {
  const f = session.frames;
  const out: number[] = [];
  const consider = (i: number) => {
    if (f.flags[i] & FLAG_TRUNCATED && !(f.flags[i] & FLAG_HTTP) && payloadOf(session, i).cut) out.push(i);
  };
  if (rows) for (const i of rows) consider(i);
  else for (let i = 0; i < f.count; i++) consider(i);
  return out;
}

/**
 * Fetches the whole payloads of `rows` before an export, one at a time (each may be megabytes),
 * with progress; a frame the page no longer holds stays a marked preview. Resolves with how many
 * could not be fetched.
 */
export async function fetchWholes(
  session: Session,
  link: CommandSink,
  rows: number[],
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  let missing = 0;
  // By id: rows shift when the panel's own cap evicts old frames during the fetches.
  const ids = rows.map((row) => session.frames.idAt(row));
  for (let k = 0; k < ids.length; k++) {
    const row = session.frames.rowOfId(ids[k]);
    const r = row < 0 ? { error: 'evicted' } : await wholePayload(session, link, row);
    if ('error' in r) missing++;
    onProgress?.(k + 1, rows.length);
  }
  return missing;
}

/**
 * Runs `run` once the whole payloads of the frames of `channels` (every channel when undefined)
 * are fetched. Synchronously when none is missing or there is no page to ask, so a plain export
 * stays one click handler; `run` gets how many stayed partial (the export marks them).
 */
export function afterWholes(
  session: Session,
  link: CommandSink,
  channels: Set<number> | undefined,
  onProgress: (done: number, total: number) => void,
  run: (stillPartial: number) => void,
): void {
  const f = session.frames;
  const rows = rowsMissingWhole(session).filter((i) => !channels || channels.has(f.channel[i]));
  if (rows.length === 0 || !link) return run(rows.length);
  void fetchWholes(session, link, rows, onProgress).then(run);
}
