// Context: node (bench), served to the browser. The bench page: each flood is timed inside the
// page with performance.now(), from the moment it asks for the flood until its handler has seen
// the last message. The handlers do the minimum a real app does (read the data), nothing more.
export const BENCH_PAGE = `<!doctype html>
<meta charset="utf-8"><title>PushLens bench</title>
<script>
window.bench = {
  /** n WebSocket messages of size bytes; rate 0 = as fast as the server can write. */
  ws(n, size, tag, rate) {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket('ws://' + location.host + '/ws/' + tag + '?n=' + n + '&size=' + size + '&rate=' + (rate || 0));
      let count = 0, bytes = 0, t0 = 0, startedAt = 0;
      ws.onopen = () => { startedAt = Date.now(); t0 = performance.now(); ws.send('go'); };
      ws.onmessage = (e) => {
        bytes += e.data.length;
        if (++count === n) {
          const ms = performance.now() - t0;
          ws.close();
          resolve({ ms, count, bytes, startedAt, endedAt: Date.now() });
        }
      };
      ws.onerror = () => reject(new Error('ws error after ' + count));
    });
  },
  sse(n, size, tag) {
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      const es = new EventSource('/sse/' + tag + '?n=' + n + '&size=' + size);
      let count = 0, bytes = 0;
      es.onmessage = (e) => {
        bytes += e.data.length;
        if (++count === n) {
          const ms = performance.now() - t0;
          es.close();
          resolve({ ms, count, bytes });
        }
      };
      es.onerror = () => { es.close(); reject(new Error('sse error after ' + count)); };
    });
  },
  /**
   * n SSE events read from a fetch() body (text/event-stream): the hook parses them into records
   * like EventSource events, but DevTools' own network instrumentation sees a few chunks instead
   * of n messages, so with DevTools open the page can still produce records at a high rate.
   */
  // Several responses of at most 20k events (~2 MB) each, one after the other: long single
  // bodies are a different test (capture caps), this one is about the record rate.
  async stream(n, size, tag, rate, partSize) {
    const t0 = performance.now();
    const startedAt = Date.now();
    let count = 0, bytes = 0, part = 0;
    for (let left = n; left > 0; part++) {
      const m = Math.min(left, partSize || 20000);
      left -= m;
      const r = await fetch('/sse/' + tag + '?n=' + m + '&size=' + size + '&rate=' + (rate || 0) + '&end=1&part=' + part);
      const text = await r.text();
      bytes += text.length;
      let at = 0, k;
      while ((k = text.indexOf('\\n\\n', at)) >= 0) { count++; at = k + 2; }
    }
    return { ms: performance.now() - t0, count, bytes, startedAt, endedAt: Date.now() };
  },
  /**
   * One SSE line of \`bytes\` bytes that the server sends in \`chunk\`-byte writes (issue #13 item 7:
   * a hook that rescanned the unterminated line on every chunk was quadratic), read from a fetch()
   * body as an app's event-stream reader would. A 5 ms timer runs meanwhile: maxGap is its
   * longest wait, how long the page's own timers stalled.
   */
  async longLine(bytes, chunk, tag) {
    let maxGap = 0, last = performance.now();
    const timer = setInterval(() => { const t = performance.now(); maxGap = Math.max(maxGap, t - last); last = t; }, 5);
    const t0 = performance.now();
    const r = await fetch('/longline/' + tag + '?bytes=' + bytes + '&chunk=' + chunk);
    const reader = r.body.getReader();
    let got = 0, reads = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      got += value.byteLength;
      reads++;
    }
    const ms = performance.now() - t0;
    clearInterval(timer);
    return { ms, count: reads, bytes: got, maxGap };
  },
  async fetches(n, tag) {
    const t0 = performance.now();
    let bytes = 0;
    for (let i = 0; i < n; i++) {
      const r = await fetch('/f/' + tag + '?i=' + i);
      bytes += (await r.text()).length;
    }
    return { ms: performance.now() - t0, count: n, bytes };
  },
};
</script>
<body>PushLens bench page</body>`;
