// Fixture (page script): see handler-cost.html.
// The page keeps its own clock, then breaks the global one: PushLens must time the handlers with
// the clock it saved before any page script ran (its measurements would all be 0 otherwise).
const now = performance.now.bind(performance);
performance.now = () => 0;
const SLOW_MS = 60;
const burn = (ms) => {
  const end = now() + ms;
  while (now() < end) {
    /* the page's slow work */
  }
};
const cost = (window.cost = { ws: [], sse: [], errors: [] });
window.addEventListener('error', (e) => {
  cost.errors.push(e.message);
  e.preventDefault();
});

const ws = new WebSocket(`ws://${location.host}/ws/cost`);
let wsCount = 0;
ws.onmessage = (e) => {
  const t0 = now();
  const data = String(e.data);
  if (data.startsWith('m') && ++wsCount % 10 === 0) burn(SLOW_MS);
  cost.ws.push({ data, ms: now() - t0 });
};
// On a socket of its own (with DevTools open, reporting an exception takes time that the page's own
// clock does not see): a listener that throws, then one that burns 20 ms. The page still gets the
// error; PushLens times both.
const thrower = new WebSocket(`ws://${location.host}/ws/throw`);
thrower.addEventListener('message', (e) => {
  if (e.data === 't1') throw new Error('listener boom t1');
});
thrower.addEventListener('message', (e) => {
  if (e.data === 't1') burn(20);
});
thrower.onopen = () => thrower.send('t1');
/** Sends m<from>..m<to>; the server echoes each one back. */
window.sendBurst = (from, to) => {
  for (let i = from; i <= to; i++) ws.send(`m${i}`);
};
ws.onopen = () => window.sendBurst(1, 50);

const es = new EventSource('/sse/paced?n=50');
let sseCount = 0;
es.addEventListener('price', (e) => {
  const t0 = now();
  if (++sseCount % 10 === 0) burn(SLOW_MS);
  cost.sse.push({ id: e.lastEventId, ms: now() - t0 });
  if (sseCount === 50) es.close();
});
