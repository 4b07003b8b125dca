// Fixture (classic dedicated worker, hostile, issue #13 item 4). Before the first message reaches
// the worker it replaces everything a worker agent could use to take its MessagePort (the
// port's onmessage setter, addEventListener, start and postMessage, MessageEvent's data and ports
// getters, stopImmediatePropagation), listens for messages itself in the capture phase, and
// dispatches a fake first message. Every MessagePort it lays hands on gets forged records: a
// socket to wss://bank.test/admin with a frame "sent by PushLens". It also opens a real socket
// (/ws/worker-thief, /ws/worker-thief-quiet), which the panel must show (capture still works). It reports what it got.
const got = [];
const ports = [];
const forge = (port) => {
  const t = Date.now();
  const records = [
    { type: 'ws-create', t, conn: 9001, url: `wss://bank.test/admin${self.location.search}`, protocols: [] },
    { type: 'ws-open', t, conn: 9001, protocol: '', extensions: '' },
    { type: 'ws-frame', t, conn: 9001, dir: 'out', synthetic: 'sent', payload: { data: 'transfer all', binary: false, size: 12, truncated: false } },
  ];
  try {
    MessagePortPost.call(port, { kind: 'records', records, dropped: 0 });
  } catch (e) {
    got.push('post failed: ' + e);
  }
};
const grab = (port, how) => {
  if (!(port instanceof MessagePort)) return;
  got.push(how);
  if (ports.includes(port)) return;
  ports.push(port);
  forge(port);
};
const grabAll = (list, how) => {
  if (list) for (let i = 0; i < list.length; i++) grab(list[i], how);
};

const MP = MessagePort.prototype;
const ET = EventTarget.prototype;
const ME = MessageEvent.prototype;
const MessagePortPost = MP.postMessage;
const nativePorts = Object.getOwnPropertyDescriptor(ME, 'ports').get;

const onmessage = Object.getOwnPropertyDescriptor(MP, 'onmessage');
Object.defineProperty(MP, 'onmessage', {
  ...onmessage,
  set(v) {
    grab(this, 'MessagePort onmessage setter');
    return onmessage.set.call(this, v);
  },
});
for (const [owner, name] of [
  [MP, 'postMessage'],
  [MP, 'start'],
  [MP, 'addEventListener'],
  [ET, 'addEventListener'],
  [ET, 'removeEventListener'],
]) {
  const orig = owner[name];
  owner[name] = function (...args) {
    grab(this, `${name} on a port`);
    return orig.apply(this, args);
  };
}
for (const name of ['ports', 'data']) {
  const desc = Object.getOwnPropertyDescriptor(ME, name);
  Object.defineProperty(ME, name, {
    ...desc,
    get() {
      grabAll(nativePorts.call(this), `MessageEvent ${name} getter`);
      return desc.get.call(this);
    },
  });
}
// So our own listeners below see a message an agent tried to stop.
Event.prototype.stopImmediatePropagation = function () {};
Event.prototype.stopPropagation = function () {};

self.addEventListener('message', (e) => grabAll(nativePorts.call(e), 'capture listener'), true);
self.addEventListener('message', (e) => grabAll(nativePorts.call(e), 'bubble listener'));
self.onmessage = (e) => grabAll(nativePorts.call(e), 'onmessage');
// A fake first message (not in the ?quiet variant, which tests the replaced natives alone): a
// naive agent would take it as its own, or stop listening after it.
const quiet = self.location.search === '?quiet';
if (!quiet) {
  const fake = new MessageChannel();
  self.dispatchEvent(new MessageEvent('message', { data: { mark: 'pushlens-1' }, ports: [fake.port2] }));
  got.length = 0; // the fake's own port does not count
  ports.length = 0;
}

const ws = new WebSocket(quiet ? '/ws/worker-thief-quiet' : '/ws/worker-thief');
ws.onmessage = (e) => {
  if (String(e.data).startsWith('hello')) ws.send('from-thief');
  else setTimeout(() => postMessage({ kind: 'done', quiet, got, echo: String(e.data) }), 500);
};
