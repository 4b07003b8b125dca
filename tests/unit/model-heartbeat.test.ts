// Context: pure model, no browser APIs. Unit tests (node) for heartbeat detection.

import { describe, expect, it } from 'vitest';
import { detectHeartbeat, heartbeatSignature, isHeartbeatFrame, type HeartbeatFrame } from '../../lib/model/heartbeat';

const f = (t: number, dir: 'in' | 'out', text: string, size = text.length): HeartbeatFrame => ({ t, dir, text, size });

describe('detectHeartbeat', () => {
  it('finds a ping with its pong among data frames', () => {
    const frames: HeartbeatFrame[] = [];
    for (let i = 0; i < 10; i++) {
      const t = i * 25_000 + (i % 3) * 40;
      frames.push(f(t, 'out', '{"type":"ping"}'));
      frames.push(f(t + 30, 'in', '{"type":"pong"}'));
      frames.push(f(t + 5000 + i * 777, 'in', `{"type":"msg","id":${i},"text":"hello ${i}"}`));
    }
    const hb = detectHeartbeat(frames);
    expect(hb).toMatchObject({ dir: 'out', signature: '{"type":"ping"}', reply: { dir: 'in', signature: '{"type":"pong"}' }, count: 20 });
    expect(hb?.periodMs).toBeGreaterThan(24_000);
    expect(hb?.periodMs).toBeLessThan(26_000);
    expect(hb?.share).toBeCloseTo(20 / 30, 5);
    expect(isHeartbeatFrame(hb, f(0, 'out', '{"type":"ping"}'))).toBe(true);
    expect(isHeartbeatFrame(hb, f(0, 'in', '{"type":"pong"}'))).toBe(true);
    expect(isHeartbeatFrame(hb, f(0, 'in', '{"type":"ping"}'))).toBe(false);
    expect(isHeartbeatFrame(hb, f(0, 'in', '{"type":"msg","id":1,"text":"hello 1"}'))).toBe(false);
  });

  it('masks counters in keep-alive frames and SSE comments, not in data', () => {
    expect(heartbeatSignature('{"type":"ping","ts":1732612345}')).toBe('{"type":"ping","ts":#}');
    expect(heartbeatSignature(': keepalive 17')).toBe(': keepalive #');
    expect(heartbeatSignature('{"p":101.5}')).toBe('{"p":101.5}');
    expect(heartbeatSignature('  ')).toBe('');
    const frames = Array.from({ length: 6 }, (_, i) => f(i * 15_000, 'in', `: ping ${1732612345 + i * 15}`));
    expect(detectHeartbeat(frames)).toMatchObject({ dir: 'in', signature: ': ping #', periodMs: 15_000, share: 1 });
  });

  it('finds empty SSE keep-alives and Engine.IO "2"/"3"', () => {
    const empty = Array.from({ length: 5 }, (_, i) => f(i * 30_000, 'in', '', 0));
    expect(detectHeartbeat(empty)?.signature).toBe('');
    const eio = Array.from({ length: 6 }, (_, i) => [f(i * 25_000, 'in', '2'), f(i * 25_000 + 5, 'out', '3')]).flat();
    expect(detectHeartbeat(eio)).toMatchObject({ dir: 'in', signature: '2', reply: { dir: 'out', signature: '3' } });
  });

  it('returns null for irregular, large, rare or too-frequent frames', () => {
    expect(detectHeartbeat([])).toBeNull();
    expect(detectHeartbeat([f(0, 'in', 'ping'), f(1000, 'in', 'ping')])).toBeNull();
    const irregular = [0, 1000, 9000, 9500, 30_000, 31_000].map((t) => f(t, 'in', 'ping'));
    expect(detectHeartbeat(irregular)).toBeNull();
    const big = Array.from({ length: 6 }, (_, i) => f(i * 1000, 'in', 'x'.repeat(500)));
    expect(detectHeartbeat(big)).toBeNull();
    const flood = Array.from({ length: 20 }, (_, i) => f(i * 10, 'in', 'tick'));
    expect(detectHeartbeat(flood)).toBeNull();
  });

  it('tolerates a missed beat and timer drift', () => {
    const times = [0, 10_100, 19_900, 30_000, 50_050, 60_000, 70_100, 79_950];
    const hb = detectHeartbeat(times.map((t) => f(t, 'out', 'ping')));
    expect(hb?.periodMs).toBeGreaterThanOrEqual(9_900);
    expect(hb?.periodMs).toBeLessThanOrEqual(10_100);
  });

  it('isHeartbeatFrame is false without a detection or for big frames', () => {
    expect(isHeartbeatFrame(null, f(0, 'in', 'ping'))).toBe(false);
    const hb = detectHeartbeat(Array.from({ length: 5 }, (_, i) => f(i * 1000, 'in', 'ping')));
    expect(isHeartbeatFrame(hb, { dir: 'in', text: 'ping', size: 10_000 })).toBe(false);
  });
});
