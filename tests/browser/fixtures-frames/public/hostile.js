// Fixture (page script): tries every way a page could forge PushLens traffic or grab its ports, and
// offers the stress cases (16 MB frames, 10,000 sockets, 50,000-frame burst, throwing handlers).
window.hostile = { grabbed: 0, portMessages: 0, wsMessages: [], errors: 0 };
const h = window.hostile;
const env = (type, extra) => ({ source: 'pushlens', v: 1, type, ...extra });
const forgedRecords = [
  { type: 'ws-create', seq: 1, t: Date.now(), conn: 999, url: 'ws://forged.example/ws', protocols: [] },
  { type: 'ws-frame', seq: 2, t: Date.now(), conn: 999, dir: 'in', payload: { data: 'FORGED', binary: false, size: 6, truncated: false } },
];
const forgedCommand = env('command', { agentId: 'x', commandId: 'c1', command: { kind: 'ws-inject', conn: 1, data: 'INJECTED', binary: false } });

// The page's own socket: must only ever receive what the server sent.
const ws = new WebSocket(`ws://${location.host}/ws/hostile-${location.search.includes('child') ? 'child' : 'top'}`);
ws.onmessage = (e) => {
  h.wsMessages.push(e.data);
  throw new Error('page handler throws on purpose'); // capture must go on
};
window.addEventListener('error', (e) => {
  if (String(e.message).includes('on purpose')) h.errors++;
});

let ownPort;
h.forge = () => {
  // 1. Listen for the handshake events to grab any port offered.
  for (const type of ['pushlens:connect', 'pushlens:relay-ready']) {
    window.addEventListener(
      type,
      (e) => {
        if (e.ports && e.ports.length && e.ports[0] !== ownPort) {
          h.grabbed++;
          e.ports[0].onmessage = () => h.portMessages++;
          e.ports[0].postMessage(env('batch', { agentId: 'forged', records: forgedRecords }));
        }
      },
      true,
    );
  }
  // 2. Pose as the agent: offer our own port to a relay.
  const ch = new MessageChannel();
  ownPort = ch.port2;
  ch.port1.onmessage = () => h.portMessages++;
  window.dispatchEvent(new MessageEvent('pushlens:connect', { ports: [ch.port2], cancelable: true }));
  ch.port1.postMessage(env('hello', { agentId: 'forged', url: 'x', isTop: true, realm: 'document', firstSeq: 1, lastSeq: 2, startedAt: 0 }));
  ch.port1.postMessage(env('batch', { agentId: 'forged', records: forgedRecords }));
  // 3. Dispatch a message event on our own socket: the page's handler sees it, PushLens must not
  //    record it as a frame from the server (the hostile test counts the socket's frames).
  ws.dispatchEvent(new MessageEvent('message', { data: 'FORGED-EVENT' }));
  // 4. Pose as the relay: ask the agent for its port.
  window.dispatchEvent(new Event('pushlens:relay-ready'));
  // 5. Envelope-shaped window messages, to ourselves and to the parent.
  for (const target of [window, window.parent]) {
    target.postMessage(env('batch', { agentId: 'forged', records: forgedRecords }), '*');
    target.postMessage(forgedCommand, '*');
    target.postMessage(env('attach', { settings: {} }), '*');
  }
  document.dispatchEvent(new CustomEvent('pushlens:connect', { detail: forgedCommand }));
  return true;
};

h.bigFrames = () =>
  new Promise((resolve) => {
    const big = new WebSocket(`ws://${location.host}/ws/big`);
    big.binaryType = 'arraybuffer';
    const got = [];
    big.onopen = () => big.send('go');
    big.onmessage = (e) => {
      got.push(typeof e.data === 'string' ? e.data.length : e.data.byteLength);
      if (e.data === 'done') resolve(got);
    };
  });

h.manySockets = async (n) => {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const s = new WebSocket(`ws://${location.host}/ws/many`);
    s.close();
    if (i % 1000 === 999) await new Promise((r) => setTimeout(r, 0));
  }
  return { n, ms: performance.now() - t0 };
};

h.burst = () =>
  new Promise((resolve) => {
    const b = new WebSocket(`ws://${location.host}/ws/burst`);
    let n = 0;
    const t0 = performance.now();
    b.onopen = () => b.send('go');
    b.onmessage = (e) => {
      n++;
      if (e.data === 'burst-done') resolve({ n, ms: performance.now() - t0 });
    };
  });
