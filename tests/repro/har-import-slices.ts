// Context: node (repro script, run with `npx jiti tests/repro/har-import-slices.ts [entries]`).
// Times each synchronous stretch of the sliced HAR import (parse + load into a Session) with a
// generated file like the browser test's, and prints the longest ones: the import must never hold
// the thread for long, whatever the file.
import { Session } from '../../lib/store/session';
import { importHarFile } from '../../lib/store/har-file-import';

export function generateHar(entries: number): string {
  const parts: string[] = [];
  const t0 = Date.UTC(2026, 0, 1);
  for (let i = 0; i < entries; i++) {
    const started = new Date(t0 + i * 10).toISOString();
    if (i % 2)
      parts.push(
        `{"startedDateTime":"${started}","time":1,"request":{"method":"GET","url":"wss://h.test/s/${i}","headers":[]},"response":{"status":101,"headers":[]},"timings":{"wait":1},"_resourceType":"websocket","_webSocketMessages":[{"type":"send","time":${(t0 + i * 10 + 2) / 1000},"opcode":1,"data":"hi ${i}"},{"type":"receive","time":${(t0 + i * 10 + 3) / 1000},"opcode":1,"data":"yo ${i}"}]}`,
      );
    else
      parts.push(
        `{"startedDateTime":"${started}","time":5,"request":{"method":"GET","url":"https://h.test/api/${i}","headers":[]},"response":{"status":200,"headers":[],"content":{"size":2,"mimeType":"application/json","text":"{}"}},"timings":{"wait":4}}`,
      );
  }
  return `{"log":{"version":"1.2","creator":{"name":"gen","version":"1"},"entries":[${parts.join(',')}]}}`;
}

async function main(): Promise<void> {
  const entries = Number(process.argv[2] ?? 100_000);
  const text = generateHar(entries);
  const session = new Session();
  const stretches: { ms: number; at: number }[] = [];
  let last = performance.now();
  let progress = 0;
  // Measures every macrotask boundary: the slicer yields with setTimeout(0).
  let running = true;
  const tick = () => {
    const now = performance.now();
    stretches.push({ ms: now - last, at: progress });
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const t0 = performance.now();
  const r = await importHarFile(session, new File([text], 'big.har'), {
    signal: new AbortController().signal,
    onProgress: (p) => (progress = p),
    onParsed: () => undefined,
  });
  running = false;
  const total = performance.now() - t0;
  stretches.sort((a, b) => b.ms - a.ms);
  console.log(
    JSON.stringify(r),
    `total ${total.toFixed(0)} ms, ${stretches.length} turns, channels ${session.channels.length}, frames ${session.frames.count}`,
  );
  console.log(
    'longest stretches (ms @ progress):',
    stretches
      .slice(0, 8)
      .map((s) => `${s.ms.toFixed(1)}@${s.at.toFixed(3)}`)
      .join(' '),
  );
}

void main();
