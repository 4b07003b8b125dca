// Context: node (unit tests). The page agent keeps each frame's whole payload while the frame is
// in its ring (text in its column slot; a cut record's original beside it), across a resize,
// and answers `frame-payload` with exactly that, or says it no longer holds it once evicted.
import { describe, expect, it } from 'vitest';
import { RecordRing } from '../../lib/page/record-ring';
import { Recorder } from '../../lib/page/recorder';
import { answerPayload } from '../../lib/page/commands';
import { anyPreview } from '../../lib/page/payload';
import { base64ToBytes } from '../../lib/util/bytes';
import type { CommandResult } from '../../lib/protocol/commands';
import type { CaptureRecord } from '../../lib/protocol/records';

const CAP = 1024;
const big = (n: number, c = 'a') => c.repeat(n);

function ask(recorder: Recorder, seq: number, conn: number): Promise<CommandResult> {
  return new Promise((resolve) => answerPayload(recorder, 'c1', { seq, conn }, resolve));
}

function newRecorder(): Recorder {
  const r = new Recorder(() => {});
  r.applySettings({ ...r.settings, previewBytes: CAP });
  return r;
}

describe('whole payloads in the page agent', () => {
  it('a text frame is answered whole, and only for its own connection', async () => {
    const r = newRecorder();
    r.wsText(7, 'in', big(5000));
    const seq = r.lastSeq;
    expect(await ask(r, seq, 7)).toEqual({ commandId: 'c1', ok: true, data: big(5000), binary: false });
    expect((await ask(r, seq, 8)).ok).toBe(false);
  });

  it('a cut binary frame keeps a copy of its bytes: later writes by the page do not change it', async () => {
    const r = newRecorder();
    const bytes = new Uint8Array(3000).map((_, i) => i & 255);
    const { preview, kept } = anyPreview(bytes, CAP, true);
    expect(preview.truncated).toBe(true);
    r.emit({ type: 'ws-frame', t: 1, conn: 3, dir: 'in', payload: preview }, kept?.whole, kept?.bytes);
    bytes.fill(0);
    const answer = await ask(r, r.lastSeq, 3);
    expect(answer.ok).toBe(true);
    const back = base64ToBytes((answer as { data: string }).data);
    expect(back.length).toBe(3000);
    expect(back[1]).toBe(1);
    expect(back[2999]).toBe(2999 & 255);
  });

  it('a frame under the cap keeps nothing extra', () => {
    expect(anyPreview('short', CAP, true).kept).toBeUndefined();
    expect(anyPreview(new Uint8Array(10), CAP, true).kept).toBeUndefined();
    expect(anyPreview(big(5000), CAP, false).kept).toBeUndefined();
  });

  it('a Blob frame is read whole when asked', async () => {
    const r = newRecorder();
    const blob = new Blob([new Uint8Array(4000).fill(7)]);
    const { preview, kept } = anyPreview(blob, CAP, true);
    r.emit({ type: 'ws-frame', t: 1, conn: 2, dir: 'in', payload: preview }, kept?.whole, kept?.bytes);
    const answer = await ask(r, r.lastSeq, 2);
    expect(answer.ok).toBe(true);
    expect(base64ToBytes((answer as { data: string }).data)).toEqual(new Uint8Array(4000).fill(7));
  });

  it('an evicted frame is refused with the reason', async () => {
    const r = newRecorder();
    r.applySettings({ ...r.settings, bufferRecords: 3 });
    r.wsText(1, 'in', big(5000));
    const first = r.lastSeq;
    for (let i = 0; i < 3; i++) r.wsText(1, 'in', 'x');
    const answer = await ask(r, first, 1);
    expect(answer.ok).toBe(false);
    expect(answer.ok ? '' : answer.error).toMatch(/no longer holds this frame whole.*3 records/);
  });

  it('a resize keeps the whole text of frames it turns into records', () => {
    const ring = new RecordRing(10, 1 << 20);
    ring.pushText(1, 'in', 1, 4, big(3000, 'z'));
    const record: CaptureRecord = { type: 'ws-frame', seq: 2, t: 2, conn: 4, dir: 'out', payload: anyPreview(big(4000, 'q'), CAP).preview };
    ring.pushRecord(2, record, big(4000, 'q'), 8000);
    ring.resize(20, 1 << 20, CAP);
    expect(ring.fullPayload(1, 4)).toBe(big(3000, 'z'));
    expect(ring.fullPayload(2, 4)).toBe(big(4000, 'q'));
    expect(ring.fullPayload(2, 5)).toBeUndefined();
  });

  it('kept originals count in the ring byte budget', () => {
    const ring = new RecordRing(100, 20_000);
    const record = (seq: number): CaptureRecord => ({
      type: 'ws-frame',
      seq,
      t: seq,
      conn: 1,
      dir: 'in',
      payload: anyPreview(big(6000), CAP).preview,
    });
    ring.pushRecord(1, record(1), big(6000), 12_000);
    ring.pushRecord(2, record(2), big(6000), 12_000);
    // Two originals of 12 kB do not fit 20 kB: the first record went.
    expect(ring.firstSeq).toBe(2);
    expect(ring.fullPayload(1, 1)).toBeUndefined();
  });
});
