// Context: node (browser test). Capture reaches every kind of frame and document, seen in the real
// DevTools panel: same-origin, cross-origin (127.0.0.1 vs localhost), about:blank (used
// synchronously by the parent, used later, written into), srcdoc, a page that wraps
// window.WebSocket itself, a constructor reference kept from startup, and a strict-CSP page.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startFixtureSession, waitForChannels, type FixtureSession } from './fixtures-frames/session';

describe('frames and documents (real DevTools panel)', () => {
  let s: FixtureSession;
  beforeAll(async () => {
    s = await startFixtureSession((server) => `/frames.html?other=${encodeURIComponent(server.otherUrl)}`);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the channels of every frame', async () => {
    const rows = await waitForChannels(s, [
      '/ws/same-origin',
      '/sse/same-origin',
      '/ws/cross-origin',
      '/sse/cross-origin',
      '/ws/blank-sync',
      '/ws/blank-late',
      '/ws/blank-written',
      '/ws/srcdoc',
      '/ws/page-wrapped',
      '/ws/saved-ref',
    ]);
    expect(rows.length).toBeGreaterThan(0);
  });
});
