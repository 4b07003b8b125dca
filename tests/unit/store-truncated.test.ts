// Context: node (unit tests). No silent truncation (issue #14 item 3): a frame whose capture was
// cut at the preview cap is fetched whole from the page agent before it is sent, edited, replayed,
// copied or exported; the answer is checked against the captured size; when the page no longer
// holds it, it is refused with the reason and exports mark it truncated with its true size.
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import { pickedRows, replayFrames } from '../../lib/panel/actions';
import { fetchWholes, rowsMissingWhole, wholePayload } from '../../lib/panel/full-payload';
import { sessionToHarInput } from '../../lib/store/session-har';
import { exportSessionJson } from '../../lib/store/export-json';
import { wsCreate } from './store-fixtures';
import type { CaptureRecord } from '../../lib/protocol/records';
import type { PanelCommand } from '../../lib/protocol/commands';
import type { CommandSink } from '../../lib/panel/actions';

const WHOLE = 'é'.repeat(30_000) + 'x'.repeat(42_421); // 102,421 bytes in UTF-8
const WHOLE_BYTES = 60_000 + 42_421;

function frame(seq: number, data: string, size: number, truncated: boolean): CaptureRecord {
  return { type: 'ws-frame', seq, t: 1000 + seq, conn: 1, dir: 'out', payload: { data, binary: false, size, truncated } };
}

function setup() {
  const s = new Session();
  s.ingest(0, 'd', 'agent-1', [
    wsCreate(1),
    { type: 'ws-open', seq: 2, t: 1002, conn: 1, protocol: '', extensions: '' },
    frame(3, WHOLE.slice(0, 32_768), WHOLE_BYTES, true),
    frame(4, 'whole', 5, false),
    frame(5, 'y'.repeat(100), 300_000, true),
  ]);
  return { s, ch: s.channels[0] };
}

/** A page agent holding seq 3 whole (or answering with `answer3`), and no longer holding seq 5. */
function fakeLink(answer3: { data: string; binary: boolean } = { data: WHOLE, binary: false }) {
  const sent: PanelCommand[] = [];
  const link: CommandSink = {
    command: async (agentId: string, command: PanelCommand) => {
      sent.push(command);
      if (agentId !== 'agent-1') return { commandId: 'c', ok: false, error: 'wrong agent' };
      if (command.kind === 'frame-payload')
        return command.seq === 3 && command.conn === 1
          ? { commandId: 'c', ok: true, ...answer3 }
          : { commandId: 'c', ok: false, error: 'The page no longer holds this frame whole.' };
      return { commandId: 'c', ok: true };
    },
  } as CommandSink;
  return { link, sent };
}

describe('frames captured in part', () => {
  it('are fetched whole from the page agent, by agent, connection and seq', async () => {
    const { s, ch } = setup();
    const { link, sent } = fakeLink();
    expect(await wholePayload(s, link, ch.frames.at(0))).toEqual({ data: WHOLE, binary: false });
    expect(sent).toEqual([{ kind: 'frame-payload', conn: 1, seq: 3 }]);
    // Kept: a second read asks nothing.
    await wholePayload(s, link, ch.frames.at(0));
    expect(sent.length).toBe(1);
  });

  it('a frame never cut is used as captured, without asking the page', async () => {
    const { s, ch } = setup();
    const { link, sent } = fakeLink();
    expect(await wholePayload(s, link, ch.frames.at(1))).toEqual({ data: 'whole', binary: false });
    expect(sent.length).toBe(0);
  });

  it('refuses a frame the page no longer holds, naming the true size and the reason', async () => {
    const { s, ch } = setup();
    const r = await wholePayload(s, fakeLink().link, ch.frames.at(2));
    expect('error' in r && r.error).toMatch(/300,000-byte frame.*no longer holds/);
  });

  it('refuses an answer whose size is not the captured size', async () => {
    const { s, ch } = setup();
    const r = await wholePayload(s, fakeLink({ data: WHOLE.slice(1), binary: false }).link, ch.frames.at(0));
    expect('error' in r && r.error).toMatch(/instead of 102,421/);
    const wrongKind = await wholePayload(s, fakeLink({ data: WHOLE, binary: true }).link, ch.frames.at(0));
    expect('error' in wrongKind).toBe(true);
  });

  it('refuses without a page to ask (standalone viewer)', async () => {
    const { s, ch } = setup();
    const r = await wholePayload(s, undefined, ch.frames.at(0));
    expect('error' in r && r.error).toMatch(/not connected/);
  });

  it('a replay sends the whole frames, and nothing when one cannot be had', async () => {
    const { s, ch } = setup();
    const { link, sent } = fakeLink();
    const ids = (rows: number[]) => rows.map((r) => s.frames.idAt(ch.frames.at(r)));
    const ok = await replayFrames(s, link, ch, ids([0, 1]), { target: 'server', speed: 0 });
    expect(ok.ok).toBe(true);
    expect(sent.filter((c) => c.kind === 'ws-send')).toEqual([
      { kind: 'ws-send', conn: 1, data: WHOLE, binary: false },
      { kind: 'ws-send', conn: 1, data: 'whole', binary: false },
    ]);
    sent.length = 0;
    const refused = await replayFrames(s, link, ch, ids([1, 2]), { target: 'server', speed: 0 });
    expect(refused.ok).toBe(false);
    expect(sent.filter((c) => c.kind === 'ws-send')).toEqual([]);
    expect('rows' in pickedRows(s, ch, ids([1, 2]))).toBe(true);
  });

  it('exports use the fetched whole payload and mark the rest truncated with their true size', async () => {
    const { s } = setup();
    const { link } = fakeLink();
    const before = sessionToHarInput(s).connections[0].frames!;
    expect(before[0]).toMatchObject({ truncatedSize: WHOLE_BYTES });
    const rows = rowsMissingWhole(s);
    expect(rows.length).toBe(2);
    expect(await fetchWholes(s, link, rows)).toBe(1);
    const frames = sessionToHarInput(s).connections[0].frames!;
    expect(frames[0].data).toBe(WHOLE);
    expect(frames[0].truncatedSize).toBeUndefined();
    expect(frames[2]).toMatchObject({ data: 'y'.repeat(100), truncatedSize: 300_000 });
    const json = JSON.parse(exportSessionJson(s, { redact: false }));
    expect(json.truncatedFrames).toBe(1);
    expect(json.frames.find((f: { size: number }) => f.size === WHOLE_BYTES).preview).toBe(WHOLE);
    expect(rowsMissingWhole(s).length).toBe(1);
  });
});
