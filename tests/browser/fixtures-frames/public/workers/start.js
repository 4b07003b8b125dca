// Fixture (page script): starts the workers. Each reports { kind: 'report', ... } once it is done.
window.results = {};
const collect = (name, w) => {
  const got = (results[name] = { messages: [] });
  w.onmessage = (e) => got.messages.push(e.data);
  w.onerror = (e) => (got.error = String(e.message || e.type));
  return w;
};
const classic = collect('classic', new Worker('/workers/classic.js', { name: 'classic-worker' }));
// Posted right after construction: must be the worker's first message, as without PushLens.
classic.postMessage('early-ping');
collect('module', new Worker('workers/module.mjs', { type: 'module' })).postMessage('early-ping');
const code = `
  const ws = new WebSocket('ws://${location.host}/ws/worker-blob');
  ws.onmessage = (e) => { if (e.data !== 'ack') ws.send('ack'); postMessage({ kind: 'ws', data: e.data }); };
  fetch('http://${location.host}/api/worker-blob').then((r) => r.json()).then((j) => postMessage({ kind: 'fetch', data: j.path }));
  onmessage = (e) => postMessage({ kind: 'first', data: e.data, loc: String(self.location).slice(0, 5) });
`;
const blobUrl = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
collect('blob', new Worker(blobUrl)).postMessage('early-ping');
// Bundlers revoke right away: natively the worker already holds its blob.
URL.revokeObjectURL(blobUrl);
window.workerCtorLooksNative = Function.prototype.toString.call(Worker).includes('[native code]') && new Worker('/workers/idle.js') instanceof Worker;
