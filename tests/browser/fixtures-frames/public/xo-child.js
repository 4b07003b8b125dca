// Fixture (page script, cross-origin iframe): reports every message its socket gets to the parent.
const ws = new WebSocket(new URLSearchParams(location.search).get('ws'));
ws.onopen = () => parent.postMessage('child-open', '*');
ws.onmessage = (e) => parent.postMessage(String(e.data), '*');
