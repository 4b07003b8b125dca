// Context: node (unit tests). Property-based proof of issue #14 items 1–2: random sequences of
// ingest, eviction, cap change, filter, channel/frame selection, picks, decoding, clear, export and
// import drive the Session and the UI store. After every step every displayed, decoded, picked or
// exported frame is byte for byte the frame ingested under its identity, and picks never span
// channels.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Session } from '../../lib/store/session';
import { enforceBudget } from '../../lib/store/budget';
import { filterRows } from '../../lib/store/filter-rows';
import { decodeRow, pairOfRow } from '../../lib/store/channel-decoding';
import { sessionToHarInput, loadHarIntoSession } from '../../lib/store/session-har';
import { pickedRows } from '../../lib/panel/actions';
import { useUi } from '../../lib/store/ui-store';
import type { CaptureRecord } from '../../lib/protocol/records';

type Op =
  | { op: 'ingest'; conn: number; n: number }
  | { op: 'cap'; maxFrames: number }
  | { op: 'filter'; k: number }
  | { op: 'selectChannel'; c: number }
  | { op: 'selectFrame'; c: number; r: number }
  | { op: 'pick'; c: number; r: number }
  | { op: 'pickRange'; c: number; r: number; len: number }
  | { op: 'decode'; c: number; r: number }
  | { op: 'clear' }
  | { op: 'import' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ op: fc.constant('ingest' as const), conn: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 25 }) }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('cap' as const), maxFrames: fc.integer({ min: 4, max: 80 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('filter' as const), k: fc.integer({ min: 0, max: 60 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('selectChannel' as const), c: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('selectFrame' as const), c: fc.nat(), r: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('pick' as const), c: fc.nat(), r: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('pickRange' as const), c: fc.nat(), r: fc.nat(), len: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('decode' as const), c: fc.nat(), r: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ op: 'clear' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'import' as const }) },
);

/** JSON-RPC frames: requests out, answers in, each naming its own number, so decoding is checkable. */
function payload(k: number): string {
  return k % 2 === 0
    ? JSON.stringify({ jsonrpc: '2.0', id: k >> 1, method: `m${k}` })
    : JSON.stringify({ jsonrpc: '2.0', id: k >> 1, result: `r${k}` });
}

class World {
  s = new Session();
  /** What was ingested under each frame id. */
  truth = new Map<number, string>();
  seq = 0;
  k = 0;
  created = new Set<number>();
  steps = 0;
  checks = 0;

  constructor() {
    this.s.budget = { maxFrames: 1e9, maxPreviewChars: 1e12 };
    useUi.getState().captureCleared();
  }

  channelsWithFrames() {
    return this.s.channels.filter((c) => c.frames.length > 0);
  }

  apply(o: Op): void {
    const ui = useUi.getState();
    const s = this.s;
    const f = () => s.frames;
    switch (o.op) {
      case 'ingest': {
        const recs: CaptureRecord[] = [];
        if (!this.created.has(o.conn)) {
          this.created.add(o.conn);
          recs.push({ type: 'ws-create', seq: ++this.seq, t: this.seq, conn: o.conn, url: `ws://h.test/feed${o.conn}`, protocols: [] });
        }
        let next = f().nextId();
        for (let i = 0; i < o.n; i++) {
          const k = this.k++;
          const data = payload(k);
          recs.push({
            type: 'ws-frame',
            seq: ++this.seq,
            t: this.seq,
            conn: o.conn,
            dir: k % 2 === 0 ? 'out' : 'in',
            payload: { data, binary: false, size: data.length, truncated: false },
          });
          this.truth.set(next++, data);
        }
        s.ingest(0, 'd', 'a', recs);
        return;
      }
      case 'cap':
        s.budget = { ...s.budget, maxFrames: o.maxFrames };
        enforceBudget(s, s.budget);
        return;
      case 'filter': {
        ui.setFilter(`m${o.k}`);
        for (const ch of this.channelsWithFrames()) {
          const rows = filterRows(s, ch.frames, `"m${o.k}"`).rows;
          for (let j = 0; j < rows.length; j++) expect(f().preview[rows.at(j)]).toBe(this.truth.get(f().idAt(rows.at(j))));
        }
        ui.setFilter('');
        return;
      }
      case 'selectChannel': {
        const chs = this.channelsWithFrames();
        if (chs.length) ui.selectChannel(chs[o.c % chs.length].index);
        return;
      }
      case 'selectFrame':
      case 'pick':
      case 'pickRange':
      case 'decode': {
        const chs = this.channelsWithFrames();
        if (!chs.length) return;
        const ch = chs[o.c % chs.length];
        const at = o.r % ch.frames.length;
        const row = ch.frames.at(at);
        const id = f().idAt(row);
        if (o.op === 'selectFrame') ui.selectFrame(id, ch.index);
        else if (o.op === 'pick') ui.togglePick(ch.index, id);
        else if (o.op === 'pickRange') {
          const ids: number[] = [];
          for (let j = at; j < Math.min(ch.frames.length, at + o.len); j++) ids.push(f().idAt(ch.frames.at(j)));
          ui.pickRange(ch.index, ids);
        } else {
          const d = decodeRow(s, ch, row);
          const want = JSON.parse(this.truth.get(id)!) as { id: number };
          expect(d?.id).toBe(`${want.id}>`);
          const pair = pairOfRow(s, ch, row);
          if (pair)
            for (const end of [pair.request, ...pair.responses]) {
              const r = f().rowOfId(end);
              if (r >= 0) expect((JSON.parse(f().preview[r]) as { id: number }).id).toBe(want.id);
            }
        }
        return;
      }
      case 'clear':
        s.clear();
        ui.captureCleared();
        this.created.clear();
        return;
      case 'import': {
        // Export everything, then load the file back: the imported frames are the exported ones, in order.
        const har = sessionToHarInput(s);
        const exported: string[] = [];
        for (const c of har.connections) for (const fr of c.frames ?? []) exported.push(fr.data);
        const before = new Map<number, string>();
        for (let i = 0; i < f().count; i++) before.set(f().idAt(i), f().preview[i]);
        this.checkExport(har);
        const sorted = har.connections.flatMap((c) => (c.frames ?? []).map((fr) => fr)).sort((a, b) => a.time - b.time);
        loadHarIntoSession(s, JSON.parse(JSON.stringify(har)), 'prop.har');
        ui.imported();
        expect(f().count).toBe(exported.length);
        this.truth = new Map();
        for (let i = 0; i < f().count; i++) {
          expect(f().preview[i]).toBe(sorted[i].data);
          this.truth.set(f().idAt(i), sorted[i].data);
        }
        // Imported frames never reuse an id the old capture had.
        for (const id of before.keys()) expect(f().rowOfId(id)).toBe(-1);
        // The live agent's connections are gone from the session: the next ingest creates them again.
        this.created.clear();
        return;
      }
    }
  }

  checkExport(har: ReturnType<typeof sessionToHarInput>): void {
    const s = this.s;
    har.connections.forEach((c, k) => {
      const conn = s.connections[k];
      const rows: number[] = [];
      for (let i = 0; i < s.frames.count; i++) if (s.frames.connection[i] === conn.index) rows.push(i);
      expect((c.frames ?? []).map((fr) => fr.data)).toEqual(rows.map((r) => this.truth.get(s.frames.idAt(r))));
    });
  }

  invariants(): void {
    const s = this.s;
    const f = s.frames;
    const ui = useUi.getState();
    // Displayed: every row is the frame ingested under its id.
    for (let i = 0; i < f.count; i++) expect(f.preview[i]).toBe(this.truth.get(f.idAt(i)));
    // Selected frame: of the selected channel, or gone.
    if (ui.selectedFrame !== null) {
      const r = f.rowOfId(ui.selectedFrame);
      if (r >= 0) expect(f.channel[r]).toBe(ui.selectedChannel);
    }
    // Picks: one channel, the selected one; what a replay would send is exactly what was ingested.
    if (ui.pickedFrames.length) {
      expect(ui.pickedChannel).toBe(ui.selectedChannel);
      for (const id of ui.pickedFrames) {
        const r = f.rowOfId(id);
        if (r >= 0) expect(f.channel[r]).toBe(ui.pickedChannel);
      }
      const ch = s.channels[ui.pickedChannel!];
      if (ch) {
        const picked = pickedRows(s, ch, ui.pickedFrames);
        if ('rows' in picked) for (const r of picked.rows) expect(f.preview[r]).toBe(this.truth.get(f.idAt(r)));
        else expect(ui.pickedFrames.some((id) => f.rowOfId(id) < 0)).toBe(true);
      }
    }
    this.checks++;
  }
}

describe('frame identities and UI consistency under random action sequences', () => {
  it('keeps every displayed, decoded, picked and exported frame exact', () => {
    let runs = 0;
    let steps = 0;
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), (ops) => {
        const w = new World();
        runs++;
        for (const o of ops) {
          w.apply(o);
          w.invariants();
          steps++;
        }
      }),
      { numRuns: 400, seed: 14 },
    );
    console.log(`identity property: ${runs} runs, ${steps} steps, invariants checked after every step`);
    expect(runs).toBeGreaterThanOrEqual(400);
  }, 120_000);
});
