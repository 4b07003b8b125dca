// Fixture (page script, top page): see xo-inject.html.
const q = new URLSearchParams(location.search);
const shared = `ws://${location.host}/ws/shared`;
window.topLog = [];
window.childLog = [];
window.childReady = false;
addEventListener('message', (e) => {
  if (e.origin !== q.get('other')) return;
  if (e.data === 'child-open') window.childReady = true;
  else window.childLog.push(String(e.data));
});
const ws = new WebSocket(shared);
ws.onmessage = (e) => window.topLog.push(String(e.data));
ws.onopen = () => {
  ws.send(q.get('secret'));
  // The iframe's socket opens after the top page's: it is the channel's newest connection.
  const frame = document.createElement('iframe');
  frame.src = `${q.get('other')}/xo-child.html?ws=${encodeURIComponent(shared)}`;
  document.body.append(frame);
};
