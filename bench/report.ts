// Context: node (bench). Renders bench results as a Markdown table (printed and written to
// bench/results.md) next to DESIGN.md's targets, with the machine they were measured on, and
// the previous full run's value of each row beside it (from bench/results.json's history).
import type { BenchResults } from './run';
import type { Flood, OverheadResult } from './page-overhead';
import { median, round, pairedRatios, summarize, fmtSpread, type Spread } from './stats';

/** `key`: when the label alone would not tell two rows apart once its numbers are masked. */
type Row = [what: string, target: string, value: string, compare: string, verdict: string, key?: string];

/** One row as kept in bench/results.json: the key matches a row across runs whose sizes or medians differ. */
export interface StoredRow {
  key: string;
  what: string;
  target: string;
  value: string;
  compare: string;
  verdict: string;
}

export function rowKey(what: string): string {
  return what
    .replace(/\([^)]*\)/g, '')
    .replace(/\d[\d.,]*\s*[kM]?/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

const FLOOD_LABEL: Record<Flood, string> = { ws: 'WebSocket flood', sse: 'SSE flood (EventSource)', fetches: 'sequential fetch()' };

function verdict(ok: boolean | undefined): string {
  return ok === undefined ? '–' : ok ? 'met' : 'MISSED';
}

function overheadRows(r: OverheadResult | undefined, results: BenchResults, limit: number): Row[] {
  if (!r) return [];
  const s = r.mode === 'panel' ? (results.plan.panelSizes ?? results.plan.sizes) : results.plan.sizes;
  const n: Record<Flood, string> = { ws: `${s.ws / 1000}k × ${s.size} B`, sse: `${s.sse / 1000}k × ${s.size} B`, fetches: `${s.fetches}` };
  return (['ws', 'sse', 'fetches'] as Flood[]).map((flood) => {
    const ours = r.ratios.pushlens?.[flood];
    const cmp = r.ratios.compare?.[flood];
    const base = median(r.sides.none?.ms[flood] ?? []);
    // Median with the rounds' spread: one lucky or unlucky round shows as a wide range.
    const fmt = (name: string, x?: { wall: number; cpu: number }) => {
      const side = r.sides[name];
      if (!x || !side) return '–';
      const wall = summarize(pairedRatios(r.sides.none.ms[flood], side.ms[flood]));
      const cpu = summarize(pairedRatios(r.sides.none.cpuMs[flood], side.cpuMs[flood]));
      return `${fmtSpread(wall)}, cpu ${fmtSpread(cpu)}`;
    };
    return [
      `${FLOOD_LABEL[flood]} ${n[flood]}, ${r.mode === 'panel' ? 'panel open, recording' : 'no panel'} (hooked/unhooked; unhooked median ${Math.round(base)} ms)`,
      `≤ ${limit.toFixed(2)}`,
      fmt('pushlens', ours),
      fmt('compare', cmp),
      verdict(ours ? ours.wall <= limit : undefined),
    ];
  });
}

export function renderRows(results: BenchResults): StoredRow[] {
  const rows: Row[] = [];
  rows.push(...pageLoadRows(results));
  rows.push(...memoryRows(results));
  rows.push(...overheadRows(results.noPanel, results, 1.05));
  rows.push(...overheadRows(results.panel, results, 1.2));
  if (results.panel?.lost)
    rows.push([
      'frames lost in those panel rounds (page count − Session count)',
      '0',
      results.panel.lost.join(', '),
      '',
      verdict(results.panel.lost.every((x) => x === 0)),
    ]);
  const t = results.throughput;
  if (t) {
    const fps = median(t.framesPerSec);
    const lost = t.lost.reduce((a, b) => a + b, 0);
    rows.push([
      `frames page → panel Session, ${t.frames / 1000}k SSE events (fetch streams) as fast as possible (median of ${t.framesPerSec.length})`,
      '≥ 50,000 /s',
      `${Math.round(fps).toLocaleString('en')} /s (page alone ${Math.round(median(t.pageFramesPerSec)).toLocaleString('en')} /s)`,
      '',
      verdict(fps >= 50_000),
    ]);
    rows.push(['  of which lost', '0', String(lost), '', verdict(lost === 0)]);
  }
  const st = results.store;
  if (st) {
    rows.push([
      `panel store at ${(st.frames / 1e6).toFixed(1)}M frames of 100 B: bytes per frame beyond payload`,
      '≤ 200 B',
      `${Math.round(st.bytesPerFrameBeyondPayload)} B (${Math.round(st.bytesPerFrameTotal)} B total)`,
      '',
      verdict(st.bytesPerFrameBeyondPayload <= 200),
    ]);
    rows.push([
      `filter ${(st.frames / 1e6).toFixed(1)}M frames by substring "99999"`,
      '≤ 150 ms',
      `${round(st.filterSubstring.ms, 1)} ms (cpu ${round(st.filterSubstring.cpuMs, 1)})`,
      '',
      verdict(st.filterSubstring.ms <= 150),
    ]);
    rows.push([
      `filter ${(st.frames / 1e6).toFixed(1)}M frames by substring "needle" (case-insensitive)`,
      '≤ 150 ms',
      `${round(st.filterSubstringLetters.ms, 1)} ms (cpu ${round(st.filterSubstringLetters.cpuMs, 1)})`,
      '',
      verdict(st.filterSubstringLetters.ms <= 150),
    ]);
    rows.push([
      `filter ${(st.frames / 1e6).toFixed(1)}M frames by regex /"i":\\d*7{3}\\b/`,
      '≤ 150 ms',
      `${round(st.filterRegex.ms, 1)} ms (cpu ${round(st.filterRegex.cpuMs, 1)})`,
      '',
      verdict(st.filterRegex.ms <= 150),
    ]);
    rows.push([
      `(store ingest of ${(st.frames / 1e6).toFixed(1)}M records in node, for reference)`,
      '',
      `${Math.round(st.ingestMs)} ms (cpu ${Math.round(st.ingestCpuMs)})`,
      '',
      '–',
    ]);
  }
  if (results.open?.length) {
    const o = results.open;
    const ms = median(o.map((x) => x.panelStartToAllMs));
    rows.push([
      `open the panel with ${o[0].buffered / 1000}k buffered frames: panel page start → Session has all`,
      '≤ 500 ms',
      `${Math.round(ms)} ms (from showPanel ${Math.round(median(o.map((x) => x.showToAllMs)))} ms; got ${o.map((x) => x.got).join(', ')})`,
      '',
      verdict(ms <= 500 && o.every((x) => x.got === x.buffered)),
    ]);
  }
  const bc = results.bigChannel;
  if (bc) {
    const probe = (p: { longest: number; count: number; gap: number; ticks: number; windowMs: number }) =>
      `${Math.round(p.longest)} ms (${p.count} tasks > 50 ms; max timer gap ${Math.round(p.gap)} ms; probe ran ${p.ticks} times in ${Math.round(p.windowMs)} ms)`;
    const judge = (p: { longest: number; ticks: number }) => (p.ticks < 10 ? 'PROBE DID NOT RUN' : verdict(p.longest <= 50));
    rows.push([
      `a channel of ${bc.held / 1e6}M frames (of ${bc.frames / 1e6}M sent, fed in ${Math.round(bc.feedMs / 1000)} s): longest panel task from the click that switches to it until 2 s after`,
      '≤ 50 ms',
      probe(bc.switchTo),
      '',
      judge(bc.switchTo),
    ]);
    rows.push([
      `  the same channel: typing the filter ${bc.typed} key by key (120 ms apart), until 2 s after the last key (${bc.filteredRows} rows left)`,
      '≤ 50 ms',
      probe(bc.typing),
      '',
      judge(bc.typing),
    ]);
  }
  const lt = results.longTasks;
  if (lt) {
    rows.push([
      `panel main thread while ingesting ${lt.rate / 1000}k events/s for ${lt.seconds} s (one fetch stream), channel shown: longest task`,
      '≤ 100 ms',
      `${Math.round(lt.longestTaskMs)} ms (${lt.longTasks} tasks > 50 ms; max timer gap ${Math.round(lt.maxTimerGapMs)} ms; probe ran ${lt.probeTicks ?? '?'} times in ${Math.round(Math.abs(lt.windowMs ?? 0))} ms after a ${lt.selectMs ?? '?'} ms channel selection${(lt.windowMs ?? 0) < 0 ? ', stream ended inside the window' : ''}${lt.selected === false ? ', channel NOT selected' : ''}; lost ${lt.lost})`,
      '',
      // A probe that never ran measured nothing: not "met".
      (lt.probeTicks ?? 0) < 10 ? 'PROBE DID NOT RUN' : verdict(lt.longestTaskMs <= 100),
    ]);
    rows.push([
      `  the same, in the 3 s after the stream ended (DevTools posts its HAR entry, all ${(lt.rate * lt.seconds) / 1000}k events in it, to onRequestFinished listeners)`,
      '≤ 100 ms',
      `${Math.round(lt.atEndLongestTaskMs)} ms`,
      '',
      verdict(lt.atEndLongestTaskMs <= 100),
    ]);
  }
  const wc = results.wsClose;
  if (wc) {
    rows.push([
      `panel main thread when a WebSocket that carried ${wc.messages / 1000}k × ${wc.size} B closes (DevTools' HAR entry holds every message): longest task until 5 s after`,
      '≤ 100 ms',
      `${Math.round(wc.longestTaskMs)} ms (${wc.longTasks} tasks > 50 ms; flood ${Math.round(wc.floodMs)} ms; lost ${wc.lost})`,
      '',
      verdict(wc.longestTaskMs <= 100),
    ]);
  }
  const ll = results.longLine;
  if (ll) {
    const none = ll.sides.none;
    const ours = ll.sides.pushlens;
    rows.push([
      `one ${ll.bytes / 1024 / 1024} MB SSE line in ${ll.chunk / 1024} KB writes (fetch stream), no panel: page cost hooked/unhooked, median of ${ll.rounds} rounds (unhooked median ${Math.round(median(none.ms))} ms, cpu ${Math.round(median(none.cpuMs))} ms, ${Math.round(median(none.reads))} reads; longest 5 ms-timer stall ${Math.round(median(none.maxGapMs))} / ${Math.round(median(ours.maxGapMs))} ms)`,
      '< 2',
      `${round(ll.ratio.wall)} (cpu ${round(ll.ratio.cpu)})`,
      '',
      verdict(ll.ratio.wall < 2 && ll.ratio.cpu < 2),
    ]);
  }
  return rows.map(([what, target, value, compare, verdict, key]) => ({ key: key ?? rowKey(what), what, target, value, compare, verdict }));
}

/** The table of `results`, with `previous` (an earlier full run's rows) as a column when given. */
export function renderTable(results: BenchResults, previous?: { when: string; commit?: string; rows: StoredRow[] }): string {
  const rows = renderRows(results);
  const prev = new Map((previous?.rows ?? []).map((r) => [r.key, r.value]));
  const m = results.machine;
  const head = [
    `# PushLens bench results`,
    ``,
    `${results.when}${results.quick ? ' (--quick)' : ''}, commit ${results.commit ?? '?'}, ${results.seconds} s. Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, load average at start ${m.loadAvg.join(' / ')}; ${m.chromium} (headless); Node ${m.node}.`,
    results.compareDir ? `Compare: ${results.compareDir}` : '',
    `Ratios: median (min–max) over ${results.plan.rounds} interleaved rounds (${(results.plan as { panelRounds?: number }).panelRounds ?? results.plan.rounds} with the panel open) (A B / B A) of hooked ÷ unhooked in-page wall time; "cpu" is the same ratio of the page renderer's main-thread CPU time (CDP ThreadTime), which other processes' load disturbs far less.`,
    previous ? `Previous full run: ${previous.when}, commit ${previous.commit ?? '?'}.` : 'No previous full run in bench/results.json.',
    ``,
    `| what | target | PushLens | previous full run | compare | |`,
    `|---|---|---|---|---|---|`,
  ];
  return (
    [
      ...head.filter((l, i) => l !== '' || i < 2 || i > 4),
      ...rows.map((r) => `| ${[r.what, r.target, r.value, prev.get(r.key) ?? '–', r.compare, r.verdict].join(' | ')} |`),
    ].join('\n') + '\n'
  );
}

function pageLoadRows(results: BenchResults): Row[] {
  const p = results.pageLoad;
  if (!p) return [];
  const rows: Row[] = [];
  const med = (xs?: number[]) => Math.round(median(xs ?? []));
  const cmp = p.ratios.compare;
  const ours = p.ratios.pushlens;
  rows.push([
    `page with 50 iframes (25 same-origin, 25 cross-origin), fresh browser: time to load, hooked/unhooked (unhooked median ${med(p.iframes50.none)} ms, ${p.rounds} rounds)`,
    '≤ 1.05',
    fmtSpread(ours?.iframes50),
    fmtSpread(cmp?.iframes50),
    verdict(ours ? ours.iframes50.median <= 1.05 : undefined),
  ]);
  rows.push([
    `page inserting 200 about:blank iframes: time to load, hooked/unhooked (unhooked median ${med(p.blank200Load.none)} ms)`,
    '≤ 1.05',
    fmtSpread(ours?.blank200Load),
    fmtSpread(cmp?.blank200Load),
    verdict(ours ? ours.blank200Load.median <= 1.05 : undefined),
  ]);
  rows.push([
    `  the same: until all 200 are inserted and settled (unhooked median ${med(p.blank200Settled.none)} ms)`,
    '≤ 1.05',
    fmtSpread(ours?.blank200Settled),
    fmtSpread(cmp?.blank200Settled),
    verdict(ours ? ours.blank200Settled.median <= 1.05 : undefined),
  ]);
  const floor = p.ratios.floor;
  if (floor && p.aboveFloor) {
    const pair = (x: { iframes50: Spread; blank200Load: Spread }) => `${fmtSpread(x.iframes50)} / ${fmtSpread(x.blank200Load)}`;
    rows.push([
      `  floor: an extension declaring the same content scripts, empty (what Chrome charges any such extension), ÷ unhooked: 50 iframes / 200 about:blank`,
      '–',
      pair(floor),
      '',
      '–',
    ]);
    rows.push([
      `  PushLens ÷ that floor, same rounds (what PushLens's own code adds): 50 iframes / 200 about:blank`,
      '–',
      pair(p.aboveFloor),
      '',
      '–',
    ]);
  }
  const su = p.startup;
  rows.push([
    `agent start-up per frame, CPU profile of the top renderer (page-agent.js top-level evaluation, self + children; ${su.blank200.frames} about:blank frames / ${su.iframes50.frames} same-origin frames of the 50-iframe page)`,
    '(none)',
    `${Math.round(su.blank200.perFrameUs)} µs / ${Math.round(su.iframes50.perFrameUs)} µs (relay.js ${Math.round(su.blank200.relayPerFrameUs)} / ${Math.round(su.iframes50.relayPerFrameUs)} µs)${su.blank200.nodes && su.iframes50.nodes ? '' : ' (profile saw no agent evaluation!)'}`,
    '',
    '–',
  ]);
  rows.push([
    `page agent bundle (content-scripts/page-agent.js, minified; relay.js ${(p.relayBytes / 1024).toFixed(1)} kB)`,
    '≤ 38 kB',
    `${(p.bundleBytes / 1024).toFixed(1)} kB (${p.bundleBytes} B)`,
    '',
    verdict(p.bundleBytes <= 38 * 1024),
  ]);
  return rows;
}

function memoryRows(results: BenchResults): Row[] {
  const rows: Row[] = [];
  const mem = results.memory;
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
  if (mem) {
    for (const c of mem.cases) {
      const none = median(c.heap.none);
      const ours = median(c.heap.pushlens);
      const cmp = c.heap.compare ? median(c.heap.compare) : undefined;
      rows.push([
        `page JS memory (V8 used heap + embedder heap + backing stores: external strings, typed arrays), no panel, history ring full at its defaults (${mem.bufferRecords} records / ${mb(mem.bufferBytes)}) after ${c.messages} × ${c.size} B WebSocket messages: hooked − unhooked (unhooked ${mb(none)}, ${c.heap.none.length} rounds)`,
        `≤ ${mb(mem.bufferBytes * 1.5)} (1.5 × the byte cap)`,
        `+${mb(ours - none)} (${mb(ours)}; range ${mb(Math.min(...c.heap.pushlens))}–${mb(Math.max(...c.heap.pushlens))})`,
        cmp === undefined ? '' : `+${mb(cmp - none)}`,
        verdict(ours - none <= mem.bufferBytes * 1.5),
        `page memory, ring full, ${c.size} B frames`,
      ]);
    }
  }
  const st = results.store;
  if (st)
    rows.push([
      `panel store heap at ${(st.frames / 1e6).toFixed(1)}M frames of 100 B (node, same Session code as the panel; JS heap + array buffers)`,
      '(none)',
      mb(st.bytesPerFrameTotal * st.frames),
      '',
      '–',
    ]);
  return rows;
}
