// Context: node (bench). Memory rows (issue #15 item 3): the page's JS heap once PushLens's
// history ring is full at its default caps (DEFAULT_AGENT_SETTINGS), against the same page and
// flood unhooked. No panel: this is what every tab pays while nobody looks.
import type { CdpSession } from '../tests/harness/cdp';
import { DEFAULT_AGENT_SETTINGS } from '../lib/protocol/settings';
import { openBenchBrowser, pageFlood } from './browsers';
import { median } from './stats';

export interface MemoryCase {
  size: number;
  messages: number;
  /**
   * Bytes after the flood and forced GCs, per side, per round: V8's used heap plus its backing
   * stores. The ring keeps the page's own message strings, and Blink hands WebSocket/SSE text
   * to V8 as external strings whose characters live in backing storage, not in usedSize (a 10 kB
   * flood showed +1 MB usedSize but +17 MB backing storage); typed-array columns live there too.
   */
  heap: Record<string, number[]>;
  /** Median hooked − unhooked, bytes. */
  extraBytes: number;
}

export interface MemoryResult {
  bufferRecords: number;
  bufferBytes: number;
  cases: MemoryCase[];
}

async function usedHeap(cdp: CdpSession): Promise<number> {
  // Twice: the first pass can leave garbage that finalizers or weak callbacks released.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const h = await cdp.send<{ usedSize: number; embedderHeapUsedSize?: number; backingStorageSize?: number }>('Runtime.getHeapUsage');
  return h.usedSize + (h.embedderHeapUsedSize ?? 0) + (h.backingStorageSize ?? 0);
}

/** Enough messages of `size` bytes to fill the ring by count or by bytes, whichever binds first, plus a quarter so it evicts. */
export function messagesToFill(size: number): number {
  const byBytes = Math.ceil(DEFAULT_AGENT_SETTINGS.bufferBytes / size);
  return Math.ceil(Math.min(DEFAULT_AGENT_SETTINGS.bufferRecords, byBytes) * 1.25);
}

export async function measureMemory(opts: {
  url: string;
  extensionDir: string;
  compareDir?: string;
  rounds: number;
  log: (s: string) => void;
}): Promise<MemoryResult> {
  const specs: { name: string; dir?: string }[] = [
    { name: 'none', dir: undefined },
    { name: 'pushlens', dir: opts.extensionDir },
  ];
  if (opts.compareDir) specs.push({ name: 'compare', dir: opts.compareDir });
  const cases: MemoryCase[] = [];
  for (const size of [100, 10 * 1024]) {
    const messages = messagesToFill(size);
    const heap: Record<string, number[]> = Object.fromEntries(specs.map((s) => [s.name, []]));
    for (let r = 0; r < opts.rounds; r++) {
      const line: string[] = [];
      for (const s of r % 2 ? [...specs].reverse() : specs) {
        const b = await openBenchBrowser(s.name, opts.url, { extensionDir: s.dir });
        try {
          const res = await pageFlood(b, 'ws', messages, size, `mem-${size}-${s.name}-${r}`);
          if (res.count !== messages) throw new Error(`memory ${s.name}: page saw ${res.count} of ${messages}`);
          const used = await usedHeap(b.page);
          heap[s.name].push(used);
          line.push(`${s.name} ${(used / 2 ** 20).toFixed(1)} MB`);
        } finally {
          await b.close();
        }
      }
      opts.log(`  memory, ${messages} × ${size} B, round ${r}: ${line.join(', ')}`);
    }
    cases.push({ size, messages, heap, extraBytes: median(heap.pushlens) - median(heap.none) });
  }
  return { bufferRecords: DEFAULT_AGENT_SETTINGS.bufferRecords, bufferBytes: DEFAULT_AGENT_SETTINGS.bufferBytes, cases };
}
