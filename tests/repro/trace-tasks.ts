// Context: node (repro helper). Records a Chrome trace of one target (raw CDP over its own
// WebSocket, next to the tests' CdpSession) and lists its longest main-thread tasks with what ran
// inside them (timer, animation frame, message, event; the JS function entered). A CPU profile
// alone cannot tell where one task ends and the next begins when the thread is never idle.
import WebSocket from 'ws';
import { listTargets } from '../harness/cdp';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown> };
}

export interface Tracer {
  stop(): Promise<TraceEvent[]>;
}

export async function startTrace(cdpPort: number, urlPrefix: string): Promise<Tracer> {
  const target = (await listTargets(cdpPort)).find((t) => t.url.startsWith(urlPrefix));
  if (!target) throw new Error(`no target ${urlPrefix}`);
  const ws = new WebSocket(target.webSocketDebuggerUrl, { perMessageDeflate: false, maxPayload: 1024 * 1024 * 1024 });
  await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
  const events: TraceEvent[] = [];
  let done: () => void = () => undefined;
  const complete = new Promise<void>((r) => (done = r));
  ws.on('message', (raw) => {
    const m = JSON.parse(String(raw)) as { method?: string; params?: { value?: TraceEvent[] } };
    if (m.method === 'Tracing.dataCollected') events.push(...(m.params?.value ?? []));
    if (m.method === 'Tracing.tracingComplete') done();
  });
  ws.send(
    JSON.stringify({
      id: 1,
      method: 'Tracing.start',
      params: { categories: 'devtools.timeline,toplevel', transferMode: 'ReportEvents' },
    }),
  );
  await new Promise((r) => setTimeout(r, 300));
  return {
    async stop() {
      ws.send(JSON.stringify({ id: 2, method: 'Tracing.end' }));
      await complete;
      ws.close();
      return events;
    },
  };
}

/** The `top` longest RunTask events of the thread that ran the most JS, each with its children summed by name. */
export function longestTasks(events: TraceEvent[], top = 10): string[] {
  const jsByThread = new Map<string, number>();
  for (const e of events)
    if (e.name === 'FunctionCall' && e.dur) jsByThread.set(`${e.pid}:${e.tid}`, (jsByThread.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
  const main = [...jsByThread].sort((a, b) => b[1] - a[1])[0]?.[0];
  const on = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined);
  const tasks = on.filter((e) => e.name === 'RunTask').sort((a, b) => b.dur! - a.dur!);
  const all = on.filter((e) => e.name === 'RunTask');
  const over50 = all.filter((t) => t.dur! > 50_000).length;
  const out = [`${all.length} tasks on the main thread, ${over50} over 50 ms`];
  for (const t of tasks.slice(0, top)) {
    const inside = on.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!);
    const byName = new Map<string, number>();
    for (const e of inside) {
      const d = e.args?.data;
      const what = d?.functionName ? `${e.name}(${String(d.functionName)}:${String(d.lineNumber)})` : e.name;
      byName.set(what, (byName.get(what) ?? 0) + e.dur!);
    }
    out.push(
      `${(t.dur! / 1000).toFixed(0)} ms at ${((t.ts - all[0].ts) / 1e6).toFixed(2)} s: ${[...byName]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`)
        .join(', ')}`,
    );
  }
  return out;
}
