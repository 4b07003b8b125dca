// Context: pure (panel + model), no browser APIs. Unit tests (node) for the advisor's frame
// findings: heartbeats, long silences on a WebSocket, and one-way WebSockets.

import { describe, expect, it } from 'vitest';
import { adviseChannel, type AdvisorFrame, type AdvisorInput, type Finding } from '../../lib/advisor';
import type { ConnectionAttempt } from '../../lib/model/types';

const T0 = 1_700_000_000_000;
const CJK = /[\u4e00-\u9fff]/;

function advise(input: AdvisorInput): Finding[] {
  const en = adviseChannel(input, 'en');
  const zh = adviseChannel(input, 'zh-CN');
  expect(zh.map((f) => f.id)).toEqual(en.map((f) => f.id));
  en.forEach((e, i) => {
    const z = zh[i] as Finding;
    expect(z.numbers).toEqual(e.numbers);
    for (const text of [e.title, e.detail, z.title, z.detail]) expect(text).not.toMatch(/undefined|NaN|Infinity|\[object/);
    expect(z.title).not.toBe(e.title);
    expect(z.detail).not.toBe(e.detail);
    expect(z.title).toMatch(CJK);
    expect(z.detail).toMatch(CJK);
  });
  return en;
}

const byId = (fs: Finding[], id: string): Finding | undefined => fs.find((f) => f.id === id);
const open = (durationMs: number): ConnectionAttempt[] => [{ id: 'w1', kind: 'ws', url: 'wss://app.test/chat', createdAt: T0, openedAt: T0 + 40 }];

/** Ping from the page every `period` ms, pong 30 ms later. */
function pingPong(durationMs: number, period: number): AdvisorFrame[] {
  const out: AdvisorFrame[] = [];
  for (let t = period; t < durationMs; t += period) {
    out.push({ t: T0 + t, dir: 'out', size: 15, text: `{"type":"ping","ts":${T0 + t}}` });
    out.push({ t: T0 + t + 30, dir: 'in', size: 15, text: `{"type":"pong","ts":${T0 + t}}` });
  }
  return out;
}

/** A chat: the page and the server both send messages every few seconds. */
function chat(durationMs: number, every = 4_000): AdvisorFrame[] {
  const out: AdvisorFrame[] = [];
  for (let t = 1_000, i = 0; t < durationMs; t += every, i++) {
    out.push({ t: T0 + t, dir: i % 2 ? 'in' : 'out', size: 60 + (i % 9), text: `{"type":"msg","from":"u${i % 3}","text":"line ${i}"}` });
  }
  return out;
}

const sorted = (fs: AdvisorFrame[]): AdvisorFrame[] => [...fs].sort((a, b) => a.t - b.t);

describe('heartbeats', () => {
  it('reports the period of a ping/pong heartbeat as info, and nothing else for a busy chat', () => {
    const durationMs = 300_000;
    const frames = sorted([...pingPong(durationMs, 25_000), ...chat(durationMs)]);
    const fs = advise({ kind: 'ws', url: 'wss://app.test/chat', attempts: open(durationMs), frames, durationMs });
    expect(fs.map((f) => f.id)).toEqual(['heartbeat']);
    const f = fs[0] as Finding;
    expect(f.severity).toBe('info');
    expect(f.numbers.periodMs).toBe(25_000);
    expect(f.numbers.count).toBe(22);
    expect(f.title).toBe('Heartbeat every 25 s, sent by the page and answered');
    expect(adviseChannel({ kind: 'ws', url: 'u', attempts: open(durationMs), frames, durationMs }, 'zh-CN')[0]?.title).toBe(
      '每 25 秒一次心跳，由页面发出并得到回应',
    );
  });

  it('warns when the heartbeat is slower than a 60 s idle timeout', () => {
    const durationMs = 900_000;
    const frames = sorted([...pingPong(durationMs, 90_000), ...chat(durationMs, 200_000)]);
    const fs = advise({ kind: 'ws', url: 'u', attempts: open(durationMs), frames, durationMs });
    const f = byId(fs, 'heartbeat-slow');
    expect(f?.severity).toBe('warn');
    expect(f?.numbers.periodMs).toBe(90_000);
    expect(byId(fs, 'heartbeat')).toBeUndefined();
    // A heartbeat exists, so the idle rule (which is about having none) stays quiet.
    expect(byId(fs, 'ws-idle-no-heartbeat')).toBeUndefined();
  });

  it('finds a server heartbeat on an SSE stream', () => {
    const frames: AdvisorFrame[] = [];
    for (let t = 15_000; t < 200_000; t += 15_000) frames.push({ t: T0 + t, dir: 'in', size: 16, text: '{"type":"ping"}', id: String(t) });
    const f = byId(advise({ kind: 'sse', url: 'u', frames, durationMs: 200_000 }), 'heartbeat');
    expect(f?.numbers.periodMs).toBe(15_000);
    expect(f?.title).toContain('sent by the server');
  });
});

describe('idle WebSocket without heartbeat', () => {
  it('warns after a long silence', () => {
    // Chat for 10 s, then nothing for the rest of the 2 minutes observed.
    const frames = chat(11_000, 2_000);
    const fs = advise({ kind: 'ws', url: 'u', attempts: open(120_000), frames, durationMs: 120_000 });
    const f = byId(fs, 'ws-idle-no-heartbeat');
    expect(f?.severity).toBe('warn');
    expect(f?.numbers.longestIdleMs).toBe(111_000);
    expect(f?.title).toBe('No heartbeat, and the socket sat silent for 1.9 min');
    expect(f?.detail).toContain('60 s');
  });

  it('uses the close time of a closed connection and ignores gaps across reconnects', () => {
    const attempts: ConnectionAttempt[] = [
      { id: 'a', kind: 'ws', url: 'u', createdAt: T0, openedAt: T0 + 10, closedAt: T0 + 20_000, closeCode: 1006 },
      { id: 'b', kind: 'ws', url: 'u', createdAt: T0 + 90_000, openedAt: T0 + 90_010 },
    ];
    const frames: AdvisorFrame[] = [...chat(19_000, 3_000), ...chat(40_000, 3_000).map((f) => ({ ...f, t: f.t + 90_000 }))];
    const fs = advise({ kind: 'ws', url: 'u', attempts, frames, durationMs: 130_000 });
    // The 70 s between the two connections is downtime, not an idle connection.
    expect(byId(fs, 'ws-idle-no-heartbeat')).toBeUndefined();
  });

  it('stays quiet for a steadily busy socket', () => {
    const fs = advise({ kind: 'ws', url: 'u', attempts: open(300_000), frames: chat(300_000, 5_000), durationMs: 300_000 });
    expect(byId(fs, 'ws-idle-no-heartbeat')).toBeUndefined();
  });
});

describe('one-way WebSocket', () => {
  it('suggests SSE when the page only subscribes and pings', () => {
    const durationMs = 120_000;
    const frames = sorted([
      { t: T0 + 100, dir: 'out', size: 40, text: '{"op":"subscribe","topic":"prices"}' },
      ...Array.from({ length: 60 }, (_, i): AdvisorFrame => ({
        t: T0 + 500 + i * 1_900,
        dir: 'in',
        size: 70,
        text: `{"topic":"prices","p":${(101 + i * 0.37).toFixed(2)}}`,
      })),
      ...pingPong(durationMs, 20_000),
    ]);
    const fs = advise({ kind: 'ws', url: 'wss://app.test/prices', attempts: open(durationMs), frames, durationMs });
    const f = byId(fs, 'ws-one-way');
    expect(f?.severity).toBe('info');
    expect(f?.technique).toBe('sse');
    expect(f?.numbers).toEqual({ inCount: 60, outCount: 1, pingCount: 5 });
    expect(byId(fs, 'heartbeat')).toBeDefined();
  });

  it('does not suggest SSE for a two-way chat', () => {
    const fs = advise({ kind: 'ws', url: 'u', attempts: open(200_000), frames: chat(200_000, 2_000), durationMs: 200_000 });
    expect(byId(fs, 'ws-one-way')).toBeUndefined();
  });

  it('does not judge a channel on a handful of messages', () => {
    const frames = chat(20_000, 2_000).map((f) => ({ ...f, dir: 'in' as const }));
    expect(byId(advise({ kind: 'ws', url: 'u', attempts: open(20_000), frames, durationMs: 20_000 }), 'ws-one-way')).toBeUndefined();
  });
});

describe('without a frame sample', () => {
  it('claims nothing about silence when the caller passed no frames', () => {
    const fs = advise({ kind: 'ws', url: 'u', attempts: open(600_000), durationMs: 600_000 });
    expect(fs).toEqual([]);
  });
});
