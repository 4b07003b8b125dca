// Fixture (classic worker of the CSP page).
const ws = new WebSocket(`ws://${location.host}/ws/worker-csp`);
ws.onmessage = (e) => postMessage(e.data);
