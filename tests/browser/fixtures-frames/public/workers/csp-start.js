// Fixture (page script under strict CSP): one worker and one page socket.
const w = new Worker('/workers/csp-worker.js');
w.postMessage('early');
w.onmessage = (e) => (window.cspWorker = e.data);
new WebSocket(`ws://${location.host}/ws/csp-page`);
