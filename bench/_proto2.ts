import { startBenchServer } from '/work/main/bench/servers';
import { openBenchBrowser, pageFlood } from '/work/main/bench/browsers';
const srv = await startBenchServer();
const A = await openBenchBrowser('A', srv.url, {});
for (const n of [2000, 20000, 50000]) {
  const t0 = Date.now();
  const w = await pageFlood(A, 'ws', n, 100, 'x' + n);
  const s = await pageFlood(A, 'sse', n, 100, 'x' + n);
  console.log(n, 'ws', w.ms.toFixed(0), 'sse', s.ms.toFixed(0), Date.now() - t0);
}
const f = await pageFlood(A, 'fetches', 200, 0, 'f'); console.log('fetch200', f.ms);
await A.close(); await srv.close();
