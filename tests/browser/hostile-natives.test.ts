// Context: node (browser test). Issue 13 item 2: a page that replaces every Array.prototype,
// String.prototype, Object, JSON and Function.prototype method and getter (and the array
// iterator's, RegExp's, Map/Set's and Promise's) with counting, forging versions, in its own
// realm and in a same-origin iframe's, cannot make the agent call them once it runs, and the
// real DevTools panel shows exactly the real traffic: no forged channel, exact frame counts.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startFixtureSession, waitForChannels, channelFrames, type FixtureSession } from './fixtures-frames/session';
import { channelRows } from '../harness/panel-dom';

type State = {
  hits: string[];
  where: Record<string, string>;
  done: boolean;
  got: { top: number; child: number; sse: number; xhr: string; fetch: string; fetch2: string };
};

describe('a page that replaces the built-ins (real DevTools panel)', () => {
  let s: FixtureSession;
  let state: State;
  beforeAll(async () => {
    s = await startFixtureSession('/hostile-natives.html');
    await waitForChannels(s, ['/api/nat-warmup']);
    // go() arms the traps in a later task and disarms them 3 s later; meanwhile the test leaves the
    // page alone (Playwright's own injected code would call the trapped built-ins).
    await s.page.evaluate(() => (window as unknown as { natives: { go(): void } }).natives.go());
    await new Promise((r) => setTimeout(r, 4500));
    state = await s.page.evaluate(() => {
      const n = (window as unknown as { natives: State }).natives;
      return { hits: n.hits.slice(), where: { ...n.where }, done: n.done, got: { ...n.got } };
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the agent calls none of the page-replaceable built-ins', () => {
    expect(state.hits, `built-ins called while armed; first calls from:\n${JSON.stringify(state.where, null, 1)}`).toEqual([]);
  });

  it('the page still works', () => {
    expect(state.got.top).toBe(2); // hello + echo
    expect(state.got.child).toBe(2);
    expect(state.got.sse).toBe(3);
    expect(state.got.xhr).toContain('/api/nat-xhr');
    expect(state.got.fetch).toContain('/api/nat-fetch');
    expect(state.got.fetch2).toContain('/api/nat-fetch2');
  });

  it('the panel shows exactly the real traffic', async () => {
    const rows = await waitForChannels(s, ['/ws/nat-top', '/ws/nat-child', '/sse/nat-sse', '/api/nat-xhr', '/api/nat-fetch', '/api/nat-fetch2']);
    expect(
      rows.filter((r) => r.url.includes('forged')),
      'forged channels',
    ).toEqual([]);
    expect(
      rows.filter((r) => !r.url.includes('/nat-')).map((r) => r.url),
      'channels the page never opened',
    ).toEqual([]);
    const pick = (c: { count: number; in: number; out: number }) => ({ count: c.count, in: c.in, out: c.out });
    expect(pick(await channelFrames(s, '/ws/nat-top', 3))).toEqual({ count: 3, in: 2, out: 1 });
    expect(pick(await channelFrames(s, '/ws/nat-child', 3))).toEqual({ count: 3, in: 2, out: 1 });
    expect((await channelFrames(s, '/sse/nat-sse', 3)).count).toBe(3);
  });
});
