import { startBenchServer } from '/work/main/bench/servers';
import { openBenchBrowser, pageFlood, settlePanel } from '/work/main/bench/browsers';
const srv = await startBenchServer();
const ext = '/work/main/.output-bench/chrome-mv3';
const mode = process.argv[2] ?? 'nopanel';
const A = await openBenchBrowser('A', srv.url, { devtools: mode === 'panel' });
const B = await openBenchBrowser('B', srv.url, { extensionDir: ext, devtools: mode === 'panel', panel: mode === 'panel' });
for (let r = 0; r < 4; r++) {
  for (const b of [A, B]) {
    const tag = `${b.name}${r}`;
    const w = await pageFlood(b, 'ws', 200000, 100, tag);
    const s = await pageFlood(b, 'sse', 100000, 100, tag);
    const f = await pageFlood(b, 'fetches', 2000, 0, tag);
    let extra = '';
    if (b.panel) { const t0 = Date.now(); const c = await settlePanel(b, tag, 200000 + 100000 + 2000); extra = `panel ${JSON.stringify(c)} settle ${Date.now() - t0}ms`; }
    console.log(b.name, r, 'ws', w.ms.toFixed(0), 'sse', s.ms.toFixed(0), 'fetch', f.ms.toFixed(0), extra);
  }
}
await A.close(); await B.close(); await srv.close();
