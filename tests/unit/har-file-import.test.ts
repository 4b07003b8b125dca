// Context: node (unit tests). The "Import HAR" task the panel loads on first use: it loads a
// file into the Session, refuses an oversized file before reading it, reports a broken file
// with the reader's message, and a cancelled import says so and leaves the Session empty.
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import { importHarFile } from '../../lib/store/har-file-import';
import { DEFAULT_MAX_HAR_BYTES, exportHar } from '../../lib/har';

const wsHar = JSON.stringify(
  exportHar(
    {
      connections: [
        { api: 'ws', url: 'ws://127.0.0.1/a', createdAt: 1000, openedAt: 1001, frames: [{ time: 1002, dir: 'in', opcode: 1, data: 'hello' }] },
      ],
    },
    { redact: false },
  ),
);

function options(signal = new AbortController().signal) {
  const progress: number[] = [];
  let parsed = 0;
  return { opts: { signal, onProgress: (p: number) => progress.push(p), onParsed: () => parsed++ }, progress, parsed: () => parsed };
}

describe('importHarFile', () => {
  it('loads a HAR into the session with progress ending at 1', async () => {
    const session = new Session();
    const { opts, progress, parsed } = options();
    const result = await importHarFile(session, new File([wsHar], 'a.har'), opts);
    expect(result).toEqual({ ok: true, connections: 1, records: expect.any(Number), warnings: 0 });
    expect(parsed()).toBe(1);
    expect(session.channels.length).toBe(1);
    expect(progress.at(-1)).toBe(1);
  });

  it('refuses an oversized file without reading it', async () => {
    const session = new Session();
    const file = new File(['x'], 'huge.har');
    Object.defineProperty(file, 'size', { value: DEFAULT_MAX_HAR_BYTES + 1 });
    Object.defineProperty(file, 'text', { value: () => Promise.reject(new Error('read')) });
    const { opts, parsed } = options();
    const result = await importHarFile(session, file, opts);
    expect(result).toMatchObject({ ok: false, cancelled: false });
    expect(result.ok ? '' : result.message).toMatch(/import limit/);
    expect(parsed()).toBe(0);
  });

  it('reports a file that is not JSON with the reader message', async () => {
    const { opts, parsed } = options();
    const result = await importHarFile(new Session(), new File(['{"log": [1,'], 'broken.har'), opts);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message.length).toBeGreaterThan(0);
    expect(parsed()).toBe(0);
  });

  it('a cancelled import says so and leaves nothing loaded', async () => {
    const session = new Session();
    const abort = new AbortController();
    abort.abort();
    const { opts } = options(abort.signal);
    const result = await importHarFile(session, new File([wsHar], 'a.har'), opts);
    expect(result).toEqual({ ok: false, cancelled: true, message: expect.any(String) });
    expect(session.channels.length).toBe(0);
  });
});
