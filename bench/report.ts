// Context: node (bench). Renders bench results as a Markdown table (printed and written to
// bench/results.md) next to DESIGN.md's targets, with the machine they were measured on.
import type { BenchResults } from './run';
import type { Flood, OverheadResult } from './page-overhead';
import { median, round } from './stats';

type Row = [what: string, target: string, value: string, compare: string, verdict: string];

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
    const fmt = (x?: { wall: number; cpu: number }) => (x ? `${round(x.wall)} (cpu ${round(x.cpu)})` : '–');
    return [
      `${FLOOD_LABEL[flood]} ${n[flood]}, ${r.mode === 'panel' ? 'panel open, recording' : 'no panel'} (hooked/unhooked; unhooked median ${Math.round(base)} ms)`,
      `≤ ${limit.toFixed(2)}`,
      fmt(ours),
      fmt(cmp),
      verdict(ours ? ours.wall <= limit : undefined),
    ];
  });
}

export function renderTable(results: BenchResults): string {
  const rows: Row[] = [];
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
    rows.push([
      `open the panel with ${o[0].buffered / 1000}k buffered frames: panel page start → Session has all`,
      '(none)',
      `${Math.round(median(o.map((x) => x.panelStartToAllMs)))} ms (from showPanel ${Math.round(median(o.map((x) => x.showToAllMs)))} ms; got ${o.map((x) => x.got).join(', ')})`,
      '',
      '–',
    ]);
  }
  const lt = results.longTasks;
  if (lt) {
    rows.push([
      `panel main thread while ingesting ${lt.rate / 1000}k events/s for ${lt.seconds} s (one fetch stream), channel shown: longest task`,
      '≤ 100 ms',
      `${Math.round(lt.longestTaskMs)} ms (${lt.longTasks} tasks > 50 ms; max timer gap ${Math.round(lt.maxTimerGapMs)} ms; lost ${lt.lost})`,
      '',
      verdict(lt.longestTaskMs <= 100),
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
  const m = results.machine;
  const head = [
    `# PushLens bench results`,
    ``,
    `${results.when}${results.quick ? ' (--quick)' : ''}, ${results.seconds} s. Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, load average at start ${m.loadAvg.join(' / ')}; ${m.chromium} (headless); Node ${m.node}.`,
    results.compareDir ? `Compare: ${results.compareDir}` : '',
    `Ratios: median over ${results.plan.rounds} interleaved rounds (A B / B A) of hooked ÷ unhooked in-page wall time; "cpu" is the same ratio of the page renderer's main-thread CPU time (CDP ThreadTime), which other processes' load disturbs far less.`,
    ``,
    `| what | target | PushLens | compare | |`,
    `|---|---|---|---|---|`,
  ];
  return [...head.filter((l, i) => l !== '' || i < 2 || i > 3), ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n') + '\n';
}
