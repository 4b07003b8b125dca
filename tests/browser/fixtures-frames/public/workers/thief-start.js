// Fixture (page script): starts the hostile worker twice (with and without its fake first
// message) and keeps their reports in window.thief.
window.thief = { reports: [] };
for (const url of ['/workers/thief.js', '/workers/thief.js?quiet']) {
  const w = new Worker(url);
  w.onmessage = (e) => window.thief.reports.push(e.data);
  w.onerror = (e) => (window.thief.error = String(e.message || e.type));
}
