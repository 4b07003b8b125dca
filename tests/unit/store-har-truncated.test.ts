// Context: node (unit tests). Exports say plainly which messages were cut (issue #14 item 3): a
// frame or event captured only in part carries `_pushlens: { truncated: true, size }` with its
// true size in the HAR, the log says how many were cut, the JSON export counts them too, and a
// re-import keeps the flag and the size.
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import { sessionToHarInput, loadHarIntoSession } from '../../lib/store/session-har';
import { exportHar, importHar } from '../../lib/har';
import { exportSessionJson } from '../../lib/store/export-json';
import { FLAG_TRUNCATED } from '../../lib/store/frame-store';
import type { CaptureRecord, UnsequencedRecord } from '../../lib/protocol/records';

const t = 1_764_000_000_000;
const cut = 'x'.repeat(1000);
const recs: UnsequencedRecord[] = [
  { type: 'ws-create', t, conn: 1, url: 'ws://127.0.0.1:9/ws/big', protocols: [] },
  { type: 'ws-open', t: t + 1, conn: 1, protocol: '', extensions: '' },
  { type: 'ws-frame', t: t + 2, conn: 1, dir: 'out', payload: { data: cut, binary: false, size: 102_421, truncated: true } },
  { type: 'ws-frame', t: t + 3, conn: 1, dir: 'in', payload: { data: 'small', binary: false, size: 5, truncated: false } },
  { type: 'sse-create', t, conn: 2, url: 'http://127.0.0.1:9/sse/x', withCredentials: false },
  { type: 'sse-open', t: t + 1, conn: 2 },
  { type: 'sse-event', t: t + 4, conn: 2, event: 'message', id: '1', payload: { data: cut, binary: false, size: 70_000, truncated: true } },
];

describe('truncated messages in exports', () => {
  const s = new Session();
  s.ingest(
    0,
    'd',
    'a',
    recs.map((r, i) => ({ ...r, seq: i + 1 }) as CaptureRecord),
  );

  it('marks each cut message with its true size and counts them', () => {
    const har = exportHar(sessionToHarInput(s), { redact: false });
    const ws = har.log.entries.find((e) => e._webSocketMessages)!;
    expect(ws._webSocketMessages![0]._pushlens).toEqual({ truncated: true, size: 102_421 });
    expect(ws._webSocketMessages![1]._pushlens).toBeUndefined();
    const sse = har.log.entries.find((e) => e._eventSourceMessages)!;
    expect(sse._eventSourceMessages![0]._pushlens).toEqual({ truncated: true, size: 70_000 });
    expect(har.log._pushlens).toEqual({ truncatedMessages: 2 });
    expect(har.log.comment).toContain('2 messages');
    const json = JSON.parse(exportSessionJson(s)) as { truncatedFrames: number };
    expect(json.truncatedFrames).toBe(2);
  });

  it('keeps the flag and the size on re-import', () => {
    const text = JSON.stringify(exportHar(sessionToHarInput(s), { redact: false }));
    const imported = importHar(text);
    if (!imported.ok) throw new Error(imported.error.message);
    const back = new Session();
    loadHarIntoSession(back, imported.data, 'cut.har');
    const f = back.frames;
    const flagged = [];
    for (let i = 0; i < f.count; i++) if (f.flags[i] & FLAG_TRUNCATED) flagged.push(f.size[i]);
    expect(flagged.sort()).toEqual([102_421, 70_000].sort());
  });
});
