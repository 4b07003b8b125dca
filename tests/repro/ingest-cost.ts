// Context: node (repro script: `npx jiti tests/repro/ingest-cost.ts [records] [batch]`). CPU cost
// of what opening the panel with a full history buffer runs per record: unpack a packed batch,
// check every record (validate-records.ts), ingest into the Session. Prints ms per 100k records,
// best of a few rounds (this machine is shared and noisy).
import { Session } from '../../lib/store/session';
import { ingestChecked } from '../../lib/panel/ingest-checked';
import { checkBatch, unpackRecords } from '../../lib/protocol/validate-records';

function packedBatches(n: number, batch: number, size: number): string[] {
  const out: string[] = [];
  const data = 'x'.repeat(size);
  let recs: string[] = [JSON.stringify({ type: 'ws-create', seq: 1, t: 1, conn: 1, url: 'ws://h.test/stream', protocols: [] })];
  for (let i = 2; i <= n + 1; i++) {
    recs.push(
      JSON.stringify({
        type: 'ws-frame',
        seq: i,
        t: 1000 + i,
        conn: 1,
        dir: 'in',
        payload: { data, binary: false, size, truncated: false },
        handlerMs: 0.01,
      }),
    );
    if (recs.length === batch) {
      out.push(`[${recs.join(',')}]`);
      recs = [];
    }
  }
  if (recs.length) out.push(`[${recs.join(',')}]`);
  return out;
}

const n = Number(process.argv[2] ?? 100_000);
const batch = Number(process.argv[3] ?? 500);
const packed = packedBatches(n, batch, 100);
const times: Record<string, number[]> = { unpack: [], checkAndIngest: [] };
for (let round = 0; round < 7; round++) {
  const s = new Session();
  let unpack = 0;
  let ingest = 0;
  for (const p of packed) {
    const t0 = performance.now();
    const recs = unpackRecords(p);
    const t1 = performance.now();
    ingestChecked(s, 0, 'doc', 'agent', recs);
    ingest += performance.now() - t1;
    unpack += t1 - t0;
  }
  if (s.frames.count !== n) throw new Error(`got ${s.frames.count}`);
  times.unpack.push(unpack);
  times.checkAndIngest.push(ingest);
}
const best = (xs: number[]) => Math.min(...xs.slice(2)).toFixed(1);
console.log(
  `${n} records in batches of ${batch}: unpack ${best(times.unpack)} ms, check+ingest ${best(times.checkAndIngest)} ms (best of 5 after 2 warm-ups)`,
);

// The check alone, to tell validation from ingest.
{
  const all = packed.map((p) => unpackRecords(p)!);
  const xs: number[] = [];
  for (let round = 0; round < 7; round++) {
    const t0 = performance.now();
    let seq = 0;
    for (const recs of all) {
      const c = checkBatch(recs, seq);
      if ('error' in c) throw new Error(c.error);
      seq += recs.length;
    }
    xs.push(performance.now() - t0);
  }
  console.log(`  of which checkBatch ${best(xs)} ms`);
}
