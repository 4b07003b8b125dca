// Fixture (classic dedicated worker): relative URLs everywhere, as a real app would write them.
importScripts('helper.js');
const report = (kind, data) => postMessage({ kind, data });
report('env', {
  href: self.location.href,
  str: String(self.location),
  pathname: location.pathname,
  helper: self.helperLoaded,
  name: self.name,
  url: new URL('x', location).href,
});
onmessage = (e) => report('first', e.data);
const ws = new WebSocket('/ws/worker-classic');
ws.onmessage = (e) => {
  report('ws', e.data);
  if (String(e.data).startsWith('hello')) ws.send('from-classic');
};
const es = new EventSource('/sse/worker-classic');
es.onmessage = (e) => report('sse', e.data);
fetch('/api/worker-classic')
  .then((r) => r.json())
  .then(
    (j) => report('fetch', j.path),
    (e) => report('fetch-error', String(e)),
  );
const xhr = new XMLHttpRequest();
xhr.open('GET', '../api/worker-classic-xhr');
xhr.onload = () => report('xhr', xhr.status);
xhr.send();
