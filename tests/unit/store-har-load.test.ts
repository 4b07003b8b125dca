// Context: node (unit tests). The sliced HAR load gives the same Session as the one-shot load,
// never works longer than its slice between yields, can be cancelled (leaving nothing half
// loaded), and the import budget refuses files with too many entries before parsing them.
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import { loadHarIntoSession } from '../../lib/store/session-har';
import { loadHarIntoSessionSliced, sliceSort } from '../../lib/store/session-har-load';
import { HarImportAborted, importHarChunked, type HarConnection, type HarExportInput } from '../../lib/har';

function bigInput(n: number): HarExportInput {
  const connections: HarConnection[] = [];
  for (let i = 0; i < n; i++) {
    const t = 1_000_000 + ((i * 7919) % n) * 3; // out of order on purpose
    if (i % 2)
      connections.push({
        api: 'ws',
        url: `ws://h/${i}`,
        createdAt: t,
        openedAt: t + 1,
        frames: [{ time: t + 2, dir: 'in', opcode: 1, data: `m${i}` }],
      });
    else
      connections.push({
        api: 'fetch',
        url: `http://h/api/${i}`,
        createdAt: t,
        http: {
          api: 'fetch',
          method: 'GET',
          url: `http://h/api/${i}`,
          requestHeaders: [],
          start: t,
          responseAt: t + 1,
          end: t + 2,
          status: 200,
          eventStream: false,
        },
      });
  }
  return { connections };
}

const shape = (s: Session) => ({
  channels: s.channels.map((c) => [c.kind, c.url, c.framesIn, c.framesOut]),
  frames: Array.from({ length: s.frames.count }, (_, i) => [s.frames.time[i], s.frames.preview[i], s.frames.channel[i]]),
});

describe('sliced HAR load', () => {
  it('builds the same session as the one-shot load, yielding between short slices', async () => {
    const data = bigInput(3000);
    const once = new Session();
    loadHarIntoSession(once, data, 'f.har');
    const sliced = new Session();
    let clock = 0;
    let yields = 0;
    const progress: number[] = [];
    // A fake clock that advances per call: every call is "work", so a slice is a bounded number of steps.
    const count = await loadHarIntoSessionSliced(sliced, data, 'f.har', {
      now: () => ++clock,
      sliceMs: 5,
      yieldFn: async () => {
        yields++;
      },
      onProgress: (p) => progress.push(p),
    });
    expect(count).toBe(3000 * 3); // ws: create, open, frame; http: request, response, end
    expect(shape(sliced)).toEqual(shape(once));
    expect(yields).toBeGreaterThan(5);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1])).toBe(true);
  });

  it('sorts stably by key in slices', async () => {
    const keys = Float64Array.from([5, 1, 5, 0, 1, 9, 0]);
    expect([...(await sliceSort(keys, async () => {}))]).toEqual([3, 6, 1, 4, 0, 2, 5]);
  });

  it('cancel stops the load and leaves the session empty', async () => {
    const s = new Session();
    const abort = new AbortController();
    let yields = 0;
    const run = loadHarIntoSessionSliced(s, bigInput(2000), 'f.har', {
      signal: abort.signal,
      sliceMs: 0,
      yieldFn: async () => {
        if (++yields === 30) abort.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(HarImportAborted);
    expect(s.channels).toHaveLength(0);
    expect(s.frames.count).toBe(0);
  });

  it('refuses a HAR over the entry budget with a clear message, before parsing entries', async () => {
    const text = JSON.stringify({ log: { version: '1.2', creator: { name: 'x' }, entries: Array.from({ length: 11 }, () => ({})) } });
    const r = await importHarChunked(text, { maxEntries: 10 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('too-many-entries');
      expect(r.error.message).toMatch(/11 entries; the import limit is 10/);
    }
  });
});
