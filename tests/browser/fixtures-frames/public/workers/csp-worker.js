// Fixture (classic worker of the CSP page).
const ws = new WebSocket(`ws://${location.host}/ws/worker-csp`);
let early = 'none';
onmessage = (e) => (early = e.data);
ws.onmessage = (e) => postMessage(`${e.data} ${early}`);
