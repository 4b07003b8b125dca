// Context: node (test). The runtime Port adapter every extension context uses: it passes only what
// its guard accepts, stops posting once the port is gone (a stopped service worker), and unlistens.
// Also the fake transport pair the router tests rely on: async, copied, broken by close().
import { describe, expect, it } from 'vitest';
import { runtimePortTransport, type RuntimePortLike } from '../../lib/transport/runtime-port';
import { createFakeTransportPair } from '../../lib/transport/transport';
import { isPanelToPageMessage, makeEnvelope, type PageToPanelMessage, type PanelToPageMessage } from '../../lib/protocol/envelope';

function fakePort(opts: { throwOnPost?: boolean; structuredClone?: boolean } = {}) {
  const onMessage = new Set<(m: unknown) => void>();
  const onDisconnect = new Set<() => void>();
  const posted: unknown[] = [];
  const port: RuntimePortLike = {
    postMessage(m) {
      if (opts.throwOnPost) throw new Error('Attempting to use a disconnected port object');
      // A structured-clone Port copies the message (and throws DataCloneError on a function).
      posted.push(opts.structuredClone ? structuredClone(m) : m);
    },
    onMessage: { addListener: (cb) => void onMessage.add(cb), removeListener: (cb) => void onMessage.delete(cb) },
    onDisconnect: { addListener: (cb) => void onDisconnect.add(cb), removeListener: (cb) => void onDisconnect.delete(cb) },
    disconnect() {},
  };
  return {
    port,
    posted,
    receive: (m: unknown) => onMessage.forEach((cb) => cb(m)),
    disconnect: () => onDisconnect.forEach((cb) => cb()),
    listeners: () => onMessage.size,
  };
}

describe('runtimePortTransport', () => {
  it('sends what structured clone refuses as its JSON form, and keeps the port', () => {
    const p = fakePort({ structuredClone: true });
    const t = runtimePortTransport<PanelToPageMessage, PanelToPageMessage>(p.port, isPanelToPageMessage);
    const withFunction = { ...makeEnvelope('detach'), onDone: () => undefined } as PanelToPageMessage;
    t.post(withFunction);
    t.post(makeEnvelope('detach'));
    expect(p.posted).toEqual([makeEnvelope('detach'), makeEnvelope('detach')]);
  });

  it('delivers only messages its guard accepts', () => {
    const p = fakePort();
    const t = runtimePortTransport<PanelToPageMessage, PageToPanelMessage>(p.port, isPanelToPageMessage);
    const got: PanelToPageMessage[] = [];
    t.listen((m) => void got.push(m));
    const junk = [
      null,
      'detach',
      { type: 'detach' },
      { ...makeEnvelope('resync'), agentId: 'a' },
      { ...makeEnvelope('hello'), agentId: 'a', firstSeq: 1, lastSeq: 1 },
    ];
    for (const j of junk) p.receive(j);
    p.receive(makeEnvelope('detach'));
    expect(got).toEqual([makeEnvelope('detach')]);
  });

  it('stops posting after a disconnect, and survives a port that throws', () => {
    const p = fakePort();
    const t = runtimePortTransport<PanelToPageMessage, PageToPanelMessage>(p.port, isPanelToPageMessage);
    const gone: number[] = [];
    t.onDisconnect(() => void gone.push(1));
    const msg: PageToPanelMessage = { ...makeEnvelope('batch'), agentId: 'a', records: [] };
    t.post(msg);
    p.disconnect();
    t.post(msg);
    expect(p.posted).toHaveLength(1);
    expect(gone).toEqual([1]);
    const broken = fakePort({ throwOnPost: true });
    const t2 = runtimePortTransport<PanelToPageMessage, PageToPanelMessage>(broken.port, isPanelToPageMessage);
    expect(() => t2.post(msg)).not.toThrow();
  });

  it('unlisten removes the port listener', () => {
    const p = fakePort();
    const t = runtimePortTransport<PanelToPageMessage, PageToPanelMessage>(p.port, isPanelToPageMessage);
    const off = t.listen(() => {});
    expect(p.listeners()).toBe(1);
    off();
    expect(p.listeners()).toBe(0);
  });
});

describe('createFakeTransportPair', () => {
  it('delivers asynchronously, as a copy, in order; close() drops what is in flight and tells both sides', async () => {
    const [a, b] = createFakeTransportPair<string, { n: number }>();
    const got: { n: number }[] = [];
    b.listen((m) => void got.push(m));
    const sent = { n: 1 };
    a.post(sent);
    a.post({ n: 2 });
    expect(got).toEqual([]);
    await Promise.resolve();
    await Promise.resolve();
    expect(got).toEqual([{ n: 1 }, { n: 2 }]);
    expect(got[0]).not.toBe(sent);
    const gone: string[] = [];
    a.onDisconnect(() => void gone.push('a'));
    b.onDisconnect(() => void gone.push('b'));
    a.post({ n: 3 });
    b.close();
    await Promise.resolve();
    expect(got).toHaveLength(2);
    expect(gone.sort()).toEqual(['a', 'b']);
  });
});
