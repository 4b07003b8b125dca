// Fixture (module dedicated worker): a relative static import, import.meta.url and relative URLs.
import { helper } from './mod-helper.mjs';
const report = (kind, data) => postMessage({ kind, data });
report('env', { href: self.location.href, meta: import.meta.url, helper });
onmessage = (e) => report('first', e.data);
const ws = new WebSocket('/ws/worker-module');
ws.onmessage = (e) => report('ws', e.data);
new EventSource('/sse/worker-module').onmessage = (e) => report('sse', e.data);
fetch('/api/worker-module')
  .then((r) => r.json())
  .then((j) => report('fetch', j.path));
