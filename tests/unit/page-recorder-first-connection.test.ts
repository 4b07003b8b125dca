// Context: node (unit tests). The Recorder tells its agent once, at the first connection, that the
// frame has something to capture (the relay reads chrome.storage only then: lib/relay/relay.ts).
import { describe, expect, it } from 'vitest';
import { Recorder } from '../../lib/page/recorder';

describe('Recorder.onFirstConnection', () => {
  it('fires once, before the first connection id is handed out, and never again', () => {
    const rec = new Recorder(() => {});
    const seen: number[] = [];
    rec.onFirstConnection = () => seen.push(rec.lastSeq);
    expect(seen).toEqual([]);
    expect(rec.newConnectionId()).toBe(1);
    expect(seen).toEqual([0]);
    expect(rec.newConnectionId()).toBe(2);
    expect(rec.newConnectionId()).toBe(3);
    expect(seen).toHaveLength(1);
  });
});
