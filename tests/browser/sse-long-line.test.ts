// Context: node (browser test, real DevTools panel). Issue #13 item 7: a hostile server sends one
// 8 MB SSE line in 4 KB writes to a page reading it with fetch(). The page must get every byte,
// and the panel must show the event cut at the agent's line cap, marked as truncated, with its
// true size (8 MB), followed by the next event. (What it costs the page is the bench's sse-line
// row, not an assertion here.)
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startFixtureSession, waitForChannels, channelFrames, type FixtureSession } from './fixtures-frames/session';

const LINE = 8 * 1024 * 1024;

describe('an 8 MB SSE line in 4 KB chunks (real panel)', () => {
  let s: FixtureSession;
  beforeAll(async () => {
    s = await startFixtureSession('/uploads.html');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('reaches the page whole and the panel as one truncated event with its true size', async () => {
    const read = await s.page.evaluate(async () => {
      const r = await fetch('/longline/big');
      const reader = r.body!.getReader();
      let bytes = 0;
      let tail = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        tail = (tail + new TextDecoder().decode(value.subarray(Math.max(0, value.byteLength - 32)))).slice(-32);
      }
      return { bytes, tail };
    });
    // "data: " + the line + "\n\n" + "data: end\n\n".
    expect(read.bytes).toBe(6 + LINE + 2 + 11);
    expect(read.tail.endsWith('data: end\n\n')).toBe(true);

    await waitForChannels(s, ['/longline/big']);
    expect((await channelFrames(s, '/longline/big', 2)).count).toBe(2);
    const rows = await s.panel.panel.evaluate<{ size: string; preview: string }[]>(
      `[...document.querySelectorAll('[data-testid="frame-row"]')].map((r) => ({ size: r.querySelector('.c-size').textContent, preview: r.querySelector('.c-preview').textContent }))`,
    );
    const big = rows.find((r) => r.preview.startsWith('xxxx'));
    const end = rows.find((r) => r.preview === 'end');
    expect(big, JSON.stringify(rows.map((r) => ({ size: r.size, preview: r.preview.slice(0, 20) })))).toBeDefined();
    expect(big!.preview.endsWith('…')).toBe(true);
    expect(big!.size).toMatch(/^8(\.0+)?\s?MB$/);
    expect(end).toBeDefined();
  });
});
