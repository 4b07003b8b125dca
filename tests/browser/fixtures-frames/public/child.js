// Fixture (page script): capture in a child frame. Everything is named after ?name= so the test
// can find each channel in the panel.
const name = new URLSearchParams(location.search).get('name') || 'child';
const ws = new WebSocket(`ws://${location.host}/ws/${name}`);
ws.onmessage = (e) => {
  window.lastMessage = e.data;
  ws.send(`ack ${e.data}`);
};
new EventSource(`/sse/${name}`).onmessage = () => {};
fetch(`/api/${name}`).then((r) => r.json());
