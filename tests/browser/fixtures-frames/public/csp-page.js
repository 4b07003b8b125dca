// Fixture (page script under a strict CSP): a WebSocket, an EventSource and a fetch.
window.results = {};
const ws = new WebSocket(`ws://${location.host}/ws/csp`);
ws.onmessage = (e) => (window.results.csp = e.data);
new EventSource('/sse/csp');
fetch('/api/csp');
