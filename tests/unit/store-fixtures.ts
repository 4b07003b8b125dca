// Context: node (unit tests). Builders of agent records for the store tests.
import type { CaptureRecord } from '../../lib/protocol/records';

export function wsCreate(seq: number, conn = 1, url = 'ws://example.test/feed'): CaptureRecord {
  return { type: 'ws-create', seq, t: 1000 + seq, conn, url, protocols: [] };
}

export function wsFrame(seq: number, data = `frame ${seq}`, conn = 1): CaptureRecord {
  return { type: 'ws-frame', seq, t: 1000 + seq, conn, dir: 'in', payload: { data, binary: false, size: data.length, truncated: false } };
}

/** ws-create at seq 1, then frames 2..n+1. */
export function wsStream(n: number, text = (i: number) => `frame ${i}`): CaptureRecord[] {
  const out = [wsCreate(1)];
  for (let i = 0; i < n; i++) out.push(wsFrame(i + 2, text(i)));
  return out;
}
