// Context: node (bench tool), `npx jiti bench/port-copy-cost.ts`. What one runtime Port
// postMessage from a content script costs the sender's main thread, by message size, with Chrome's
// default JSON serialization and with `message_serialization: "structured_clone"`. Two throwaway
// extensions (written to a temp folder) each time a burst of string messages from an isolated-world
// content script and leave the result in the page's DOM. This is the cost every relayed batch pays
// on the page's own thread, and again in the background: why packed batches carry tuples
// (lib/protocol/record-tuples.ts) instead of objects with named keys.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchRaw } from './launch';
import { startBenchServer } from './servers';

const CONTENT_SCRIPT = `
const out = [];
const port = chrome.runtime.connect({ name: 'cost' });
function run(label, make, n) {
  const msgs = [];
  for (let i = 0; i < n; i++) msgs.push(make(i));
  const t = performance.now();
  for (const m of msgs) port.postMessage(m);
  out.push(label + ': ' + ((performance.now() - t) / n).toFixed(2) + ' ms a message');
}
// Each message a different string (no cache can help), as each batch is.
const text = (bytes, unit) => (i) => ({ type: 'batch', packed: (unit + i).repeat(Math.floor(bytes / (unit.length + String(i).length))) });
setTimeout(() => {
  run('40 kB one-byte string ', text(40000, 'ab'), 20);
  run('400 kB one-byte string', text(400000, 'ab'), 20);
  run('4 MB one-byte string  ', text(4000000, 'ab'), 5);
  run('400 kB two-byte string', text(400000, 'a\\u20ac'), 20);
  document.documentElement.setAttribute('data-cost', out.join('\\n'));
}, 500);
`;
const BACKGROUND = `chrome.runtime.onConnect.addListener((p) => p.onMessage.addListener(() => {}));`;

function writeExtension(dir: string, structuredClone: boolean): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'cs.js'), CONTENT_SCRIPT);
  writeFileSync(join(dir, 'bg.js'), BACKGROUND);
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'port copy cost',
      version: '1',
      ...(structuredClone ? { message_serialization: 'structured_clone' } : {}),
      background: { service_worker: 'bg.js' },
      content_scripts: [{ matches: ['<all_urls>'], js: ['cs.js'], run_at: 'document_idle' }],
    }),
  );
}

const root = mkdtempSync(join(tmpdir(), 'pushlens-port-cost-'));
const server = await startBenchServer();
try {
  for (const [name, clone] of [
    ['JSON (default)', false],
    ['structured clone', true],
    ['JSON (default)', false],
    ['structured clone', true],
  ] as const) {
    const dir = join(root, clone ? 'clone' : 'json');
    writeExtension(dir, clone);
    const b = await launchRaw({ extensionDir: dir });
    try {
      await b.page.send('Page.enable');
      await b.page.send('Page.navigate', { url: server.url });
      let result = '';
      for (let i = 0; i < 150 && !result; i++) {
        await new Promise((r) => setTimeout(r, 200));
        const r = await b.page.send<{ result: { value?: string | null } }>('Runtime.evaluate', {
          expression: `document.documentElement?.getAttribute('data-cost')`,
          returnByValue: true,
        });
        result = r.result.value ?? '';
      }
      console.log(`${name}:\n${result || '  (no result within 30 s)'}`);
    } finally {
      await b.close();
    }
  }
} finally {
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
