// Context: node child process (bench), started with --expose-gc by bench/store.ts. Measures the
// panel store without a browser: memory per frame at 1M frames beyond the payload bytes, and the
// time to filter 1M frames by substring and by regex. Prints one JSON line on stdout.
import { Session } from '../lib/store/session';
import { filterRows } from '../lib/store/filter-rows';
import type { CaptureRecord } from '../lib/protocol/records';
import { floodMessage } from './servers';

const N = Number(process.env.BENCH_FRAMES ?? 1_000_000);
const SIZE = 100;
const BATCH = 2000;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

function heap(): number {
  gc!();
  gc!();
  const m = process.memoryUsage();
  // Typed arrays live outside the JS heap: count both.
  return m.heapUsed + m.arrayBuffers;
}

/** A Session fed N ws-frame records in batches, as the panel would get them. */
function fill(session: Session, n: number): void {
  let seq = 1;
  const t = Date.now();
  session.ingest(0, 'doc', 'agent', [{ type: 'ws-create', seq: seq++, t, conn: 1, url: 'ws://127.0.0.1/ws/flood', protocols: [] }]);
  for (let done = 0; done < n;) {
    const batch: CaptureRecord[] = [];
    for (let k = 0; k < BATCH && done < n; k++, done++) {
      // Fresh strings per frame, like records deserialized from a port message.
      // Flattened (floodMessage builds a cons string, which would count its pieces as overhead).
      const data = Buffer.from(floodMessage(done, SIZE), 'latin1').toString('latin1');
      batch.push({
        type: 'ws-frame',
        seq: seq++,
        t: t + done,
        conn: 1,
        dir: 'in',
        payload: { data, binary: false, size: data.length, truncated: false },
      });
    }
    const r = session.ingest(0, 'doc', 'agent', batch);
    if (r.applied !== batch.length) throw new Error(`ingest applied ${r.applied} of ${batch.length}`);
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** CPU ms of this process: on a loaded machine, wall time mostly measures the other processes. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function timeFilter(session: Session, query: string, rounds: number): { ms: number; cpuMs: number; matches: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  let matches = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const c0 = cpuMs();
    // A different query string each round: an incremental cache must not turn this into a no-op.
    const out = filterRows(session, null, query + ' '.repeat(r % 2 ? 1 : 2));
    times.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
    matches = out.rows.length;
  }
  return { ms: median(times), cpuMs: median(cpu), matches };
}

const before = heap();
const session = new Session();
const t0 = performance.now();
const c0 = cpuMs();
fill(session, N);
const ingestMs = performance.now() - t0;
const ingestCpuMs = cpuMs() - c0;
const after = heap();
const payloadBytes = N * SIZE;
const result = {
  frames: session.frames.count,
  ingestMs,
  ingestCpuMs,
  bytesPerFrameTotal: (after - before) / N,
  bytesPerFrameBeyondPayload: (after - before - payloadBytes) / N,
  // Substring: a word with letters (the case-insensitive path); regex: a character class.
  filterSubstring: timeFilter(session, '99999', 5),
  filterSubstringLetters: timeFilter(session, 'needle', 5),
  filterRegex: timeFilter(session, '/"i":\\d*7{3}\\b/', 5),
};
// Keep the session alive until measured.
if (session.frames.count !== N) throw new Error('lost frames');
process.stdout.write(JSON.stringify(result) + '\n');
