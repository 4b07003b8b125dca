// Context: node (Vitest). The relay hands the background plain JSON data only, whatever the
// runtime Port's serialization (structured clone keeps cycles, Maps, NaN and undefined members).
import { describe, it, expect } from 'vitest';
import { toForwarded } from '../../lib/relay/forward';
import { makeEnvelope } from '../../lib/protocol/envelope';

describe('toForwarded', () => {
  it('rebuilds a packed batch from its known fields only', () => {
    const sent = { ...makeEnvelope('batch'), agentId: 'a1', records: [], packed: '[{"seq":1}]', extra: new Map([[1, 2]]) };
    const out = toForwarded(sent);
    expect(out).toEqual({ ...makeEnvelope('batch'), agentId: 'a1', records: [], packed: '[{"seq":1}]' });
    expect(out).not.toBe(sent);
    expect(Object.keys(out!)).not.toContain('extra');
  });

  it('flattens what JSON flattens in any other message', () => {
    const when = new Date(0);
    const sent = {
      ...makeEnvelope('hello'),
      agentId: 'a1',
      url: 'https://example.test/',
      isTop: true,
      realm: 'document',
      firstSeq: 0,
      lastSeq: 5,
      startedAt: 1,
      gone: undefined,
      nan: NaN,
      when,
      map: new Map([['k', 'v']]),
      bytes: new Uint8Array([1, 2]),
    };
    const out = toForwarded(sent) as unknown as Record<string, unknown>;
    expect(out).toEqual(JSON.parse(JSON.stringify(sent)));
    expect('gone' in out).toBe(false);
    expect(out.nan).toBeNull();
    expect(out.when).toBe(when.toJSON());
    expect(out.map).toEqual({});
    expect(out.bytes).toEqual({ 0: 1, 1: 2 });
  });

  it('refuses a message with a cycle or a BigInt instead of passing it on', () => {
    const records: unknown[] = [];
    const cyclic = { ...makeEnvelope('batch'), agentId: 'a1', records };
    records.push(cyclic);
    expect(toForwarded(cyclic)).toBeUndefined();
    const big = { ...makeEnvelope('batch'), agentId: 'a1', records: [{ seq: 1n }] };
    expect(toForwarded(big)).toBeUndefined();
  });

  it('drops what is not a page message', () => {
    expect(toForwarded({ ...makeEnvelope('attach'), settings: {} })).toBeUndefined();
    expect(toForwarded('batch')).toBeUndefined();
    expect(toForwarded({ ...makeEnvelope('batch'), agentId: 'a1', records: 'not an array', packed: '[]' })).toBeUndefined();
  });
});
