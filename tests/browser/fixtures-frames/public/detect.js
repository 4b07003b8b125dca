// Fixture (page script): the ways a page tried to tell PushLens is there. Run with and without
// PushLens by tests/browser/detection.test.ts; "removed" signs must read the same, "remaining"
// ones are measured for the README's security notes.
const firstMessage = (ws, fn) => new Promise((resolve) => ws.addEventListener('message', () => resolve(fn()), { once: true }));

/** Deepest recursion at whose bottom `work()` still runs, by bisection (RangeError above it). */
function maxDepth(work) {
  const at = (n) => {
    const rec = (k) => (k === 0 ? work() : rec(k - 1) + 0);
    try {
      rec(n);
      return true;
    } catch (e) {
      if (e instanceof RangeError) return false;
      throw e;
    }
  };
  let lo = 0;
  let hi = 1;
  while (at(hi)) hi *= 2;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (at(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

window.detect = async (wsUrl) => {
  const removed = {};
  const remaining = {};
  // Extra reads on a protocols array.
  const reads = [];
  const protocols = new Proxy(['chat'], {
    get(t, k, r) {
      reads.push(String(k));
      return Reflect.get(t, k, r);
    },
  });
  new WebSocket(wsUrl, protocols).close();
  removed.protocolReads = reads.join(',');
  // The worker global.
  const code = `postMessage({ marker: Symbol.for('pushlens.worker-agent') in self, ownFetch: self.hasOwnProperty('fetch'), keys: Object.getOwnPropertyNames(self).length + Object.getOwnPropertySymbols(self).length })`;
  const w = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
  removed.worker = await new Promise((resolve) => (w.onmessage = (e) => resolve(e.data)));
  w.terminate();

  // Another realm's Function.prototype.toString on our WebSocket.
  const frame = document.createElement('iframe');
  document.body.append(frame);
  remaining.crossRealmToString = frame.contentWindow.Function.prototype.toString.call(WebSocket);
  frame.remove();
  // A stack taken in the page's own listener.
  const ws = new WebSocket(wsUrl);
  const stack = await firstMessage(ws, () => new Error('x').stack);
  remaining.listenerStackFrames = stack.split('\n').length - 1;
  remaining.listenerStackExtensionFrames = stack.split('\n').filter((l) => l.includes('chrome-extension://')).length;
  // Error.prepareStackTrace call sites in the same place.
  const sites = firstMessage(ws, () => {
    const prev = Error.prepareStackTrace;
    let n = -1;
    Error.prepareStackTrace = (e, sites) => {
      n = sites.length;
      return '';
    };
    void new Error('y').stack;
    Error.prepareStackTrace = prev;
    return n;
  });
  ws.send('again'); // echoed: the next message
  remaining.listenerCallSites = await sites;
  ws.close();
  // Recursion left before addEventListener fails, and plain recursion (the control); measured
  // three times, alternately, and the last kept: the first runs move with the JIT's tiers.
  const h = () => {};
  const withListener = () => {
    window.addEventListener('x', h);
    window.removeEventListener('x', h);
    return 0;
  };
  for (let i = 0; i < 3; i++) {
    remaining.depthAddEventListener = maxDepth(withListener);
    remaining.depthPlain = maxDepth(() => 0);
  }
  return { removed, remaining };
};
