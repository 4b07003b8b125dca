// Context: page (MAIN world, writes) and panel (reads). The compact form of the two hot-path
// records inside a packed batch: a WebSocket text frame and an EventSource event travel as a JSON
// array of their values instead of an object with named keys.
//
// Why: every byte of a batch is paid for again at each hop. Chrome's runtime Port copies a
// message at ~20–40 ns a byte on the sender's main thread, structured clone or JSON alike
// (measured: 400 kB strings cost 8–16 ms a postMessage), and the relay's send runs on the page's
// own main thread. A 100 B frame as an object is ~250 B of JSON, ~150 B of it key names and
// constants; as a tuple it is ~145 B.
//
// Layout (positions), `trunc` is 1 when the preview was cut, else 0; `ms` (the page listeners'
// time) is present only when it was measured:
//   WebSocket frame: [1 (in) | 2 (out), seq, t, conn, data, size, trunc, ms?]
//   SSE event:       [3, seq, t, conn, data, size, trunc, event, id, ms?]
// The reader rebuilds the same record object the object form gives (same keys, same order);
// anything else in a batch (an object, or an array that is not a sound tuple) is left as it is,
// so the record checks downstream judge it exactly as before.
export const TUPLE_WS_IN = 1;
export const TUPLE_WS_OUT = 2;
export const TUPLE_SSE = 3;

/** The record a tuple stands for; `x` itself when it is not a tuple of a known kind and length. */
export function expandTuple(x: unknown): unknown {
  if (!Array.isArray(x)) return x;
  const t = x as unknown[];
  const kind = t[0];
  const n = t.length;
  if ((kind === TUPLE_WS_IN || kind === TUPLE_WS_OUT) && (n === 7 || n === 8)) {
    const dir = kind === TUPLE_WS_IN ? 'in' : 'out';
    const payload = payloadOf(t[4], t[5], t[6]);
    return n === 7
      ? { type: 'ws-frame', seq: t[1], t: t[2], conn: t[3], dir, payload }
      : { type: 'ws-frame', seq: t[1], t: t[2], conn: t[3], dir, payload, handlerMs: t[7] };
  }
  if (kind === TUPLE_SSE && (n === 9 || n === 10)) {
    const payload = payloadOf(t[4], t[5], t[6]);
    return n === 9
      ? { type: 'sse-event', seq: t[1], t: t[2], conn: t[3], event: t[7], id: t[8], payload }
      : { type: 'sse-event', seq: t[1], t: t[2], conn: t[3], event: t[7], id: t[8], payload, handlerMs: t[9] };
  }
  return x;
}

/** A flag other than 0 or 1 stays as it came, for the record check to refuse. */
function payloadOf(data: unknown, size: unknown, trunc: unknown) {
  return { data, binary: false, size, truncated: trunc === 1 ? true : trunc === 0 ? false : trunc };
}
