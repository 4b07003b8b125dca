// Context: page (test page). Starts three dedicated workers (a classic script, a module and a
// blob:) that each talk over a WebSocket and fetch JSON, and logs what each reported, in a fixed
// order: with PushLens the workers must behave exactly as without it.
import { done, fail, log, run } from './log';

const kinds: [string, () => Worker][] = [
  ['classic', () => new Worker('/worker-script.js', { name: config('classic') })],
  ['module', () => new Worker('/worker-script.js', { name: config('module'), type: 'module' })],
  ['blob', () => new Worker(blobUrl, { name: config('blob') })],
];
let blobUrl = '';

function config(who: string): string {
  return JSON.stringify({ who, run, origin: location.origin });
}

async function main(): Promise<void> {
  const script = await (await fetch('/worker-script.js')).text();
  blobUrl = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
  const reports = await Promise.all(
    kinds.map(
      ([who, start]) =>
        new Promise<unknown>((resolve, reject) => {
          const w = start();
          w.onmessage = (e) => resolve(e.data);
          w.onerror = (e) => reject(new Error(`${who}: ${e.message}`));
        }),
    ),
  );
  for (const r of reports) log('worker', r);
  log('ctor', Function.prototype.toString.call(Worker));
  done();
}

main().catch((err) => fail('main', err));
