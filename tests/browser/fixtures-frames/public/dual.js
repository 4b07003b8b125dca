// Fixture (page script): see dual.html.
window.dual = { closes: {}, sockets: {} };
for (const name of ['one', 'two']) {
  const ws = new WebSocket(`ws://${location.host}/ws/dual?sid=${name}`);
  window.dual.sockets[name] = ws;
  ws.onclose = (e) => (window.dual.closes[name] = e.code);
}
