// Context: page (MAIN world). The page agent's side of its dedicated workers: each worker is a
// separate agent for the panel (own agentId, realm 'worker', own sequence numbers and ring buffer,
// kept here in the page so a terminated worker's history survives). Worker records arrive on the
// worker's private port unnumbered; a Recorder per worker numbers, buffers and streams them over
// the page agent's relay link exactly like the page's own records.
import { makeEnvelope, type AgentSettings, type PageToPanelMessage, type PanelToPageMessage } from '../protocol/envelope';
import type { CommandResult } from '../protocol/commands';
import type { UnsequencedRecord } from '../protocol/records';
import { Recorder } from './recorder';
import { answerPayload } from './commands';
import { natives, nowMs, call, listenPort, str, numToString } from './natives';
import { isWorkerToPage, type PageToWorker } from './worker-protocol';
import type { WorkerStart } from './worker-wrap';

const COMMAND_TIMEOUT_MS = 4000;
/** The worker's wait queue bound (worker-sink.ts): a worker cannot have dropped more before its port came. */
const MAX_WORKER_DROPPED = 50_000;

/** Record kinds a worker agent's hooks emit: never `dropped` (sequence ranges are the page agent's). */
function isWorkerRecordType(type: unknown): boolean {
  switch (type) {
    case 'ws-create':
    case 'ws-open':
    case 'ws-frame':
    case 'ws-close':
    case 'ws-error':
    case 'sse-create':
    case 'sse-open':
    case 'sse-event':
    case 'sse-error':
    case 'sse-close':
    case 'http-request':
    case 'http-response':
    case 'http-end':
      return true;
    default:
      return false;
  }
}

interface WorkerAgent {
  agentId: string;
  url: string;
  startedAt: number;
  recorder: Recorder;
  port: MessagePort;
  pending: Map<string, ReturnType<typeof setTimeout>>;
}

export class WorkerHub {
  private workers = new natives.MapCtor<string, WorkerAgent>();
  private attached = false;
  private settings: AgentSettings | undefined;

  constructor(private post: (m: PageToPanelMessage) => void) {}

  /** A worker started: from now on it is an agent of its own. */
  add(start: WorkerStart): void {
    const agentId = `${numToString(natives.dateNow(), 36)}-${str.slice(numToString(natives.random(), 36), 2, 10)}-w`;
    // Packed like the document agent's batches: one string per batch for every messaging hop.
    const recorder = new Recorder(
      (records) => this.post({ ...makeEnvelope('batch'), agentId, records }),
      (packed) => this.post({ ...makeEnvelope('batch'), agentId, records: [], packed }),
    );
    const w: WorkerAgent = { agentId, url: start.url, startedAt: nowMs(), recorder, port: start.port, pending: new natives.MapCtor() };
    this.workers.set(agentId, w);
    if (this.settings) recorder.applySettings(this.settings);
    listenPort(start.port, (data) => this.fromWorker(w, start, data));
    if (this.settings) this.toWorker(w, { kind: 'settings', settings: this.settings });
    if (this.attached) this.hello(w);
  }

  owns(agentId: string): boolean {
    return this.workers.has(agentId);
  }

  /** Panel messages: tab-wide ones apply to every worker, targeted ones to the worker named. */
  onPanelMessage(message: PanelToPageMessage): void {
    switch (message.type) {
      case 'attach':
        this.attached = true;
        this.settings = message.settings;
        this.workers.forEach((w) => {
          w.recorder.applySettings(message.settings);
          this.toWorker(w, { kind: 'settings', settings: message.settings });
          w.recorder.flush();
          this.hello(w);
        });
        return;
      case 'settings':
        this.settings = message.settings;
        this.workers.forEach((w) => {
          w.recorder.applySettings(message.settings);
          this.toWorker(w, { kind: 'settings', settings: message.settings });
        });
        return;
      case 'detach':
        this.attached = false;
        this.workers.forEach((w) => w.recorder.detach());
        return;
      case 'resync':
        this.workers.get(message.agentId)?.recorder.resync(message.fromSeq);
        return;
      case 'command': {
        const w = this.workers.get(message.agentId);
        if (!w) return;
        const { commandId } = message;
        // The worker's records are numbered and buffered here, so its frames' payloads are read here.
        if (message.command.kind === 'frame-payload')
          return answerPayload(w.recorder, commandId, message.command, (result) => this.result(w, result));
        // A terminated worker never answers: the panel gets a clear message instead of silence.
        w.pending.set(
          commandId,
          natives.setTimeout(() => {
            w.pending.delete(commandId);
            this.result(w, { commandId, ok: false, error: 'The worker did not answer (it may have been terminated).' });
          }, COMMAND_TIMEOUT_MS),
        );
        this.toWorker(w, { kind: 'command', commandId, command: message.command });
        return;
      }
    }
  }

  private fromWorker(w: WorkerAgent, start: WorkerStart, m: unknown): void {
    if (!isWorkerToPage(m)) return;
    if (m.kind === 'ready') return start.release();
    if (m.kind === 'result') {
      const timer = w.pending.get(m.result.commandId);
      if (timer === undefined) return; // not a command we sent (or too late)
      natives.clearTimeout(timer);
      w.pending.delete(m.result.commandId);
      return this.result(w, m.result);
    }
    if (m.dropped > 0) {
      // Lost inside the worker before our port reached it (bounded wait queue): say how many.
      const n = natives.min(m.dropped, MAX_WORKER_DROPPED) | 0;
      w.recorder.emit({ type: 'dropped', t: nowMs(), conn: 0, fromSeq: 0, toSeq: n - 1 });
    }
    const records = m.records;
    for (let i = 0; i < records.length; i++) {
      const r = records[i] as unknown;
      // The worker's code is the page's: it numbers nothing and reports no drops of ours. Only the
      // kinds of record its hooks make are taken; the seq is always ours (Recorder.emit sets it).
      if (r && typeof r === 'object' && isWorkerRecordType((r as { type?: unknown }).type)) w.recorder.emit(r as UnsequencedRecord);
    }
  }

  private hello(w: WorkerAgent): void {
    this.post({
      ...makeEnvelope('hello'),
      agentId: w.agentId,
      url: w.url,
      isTop: false,
      realm: 'worker',
      firstSeq: w.recorder.firstSeq,
      lastSeq: w.recorder.lastSeq,
      startedAt: w.startedAt,
    });
  }

  private result(w: WorkerAgent, result: CommandResult): void {
    this.post({ ...makeEnvelope('command-result'), agentId: w.agentId, result });
  }

  private toWorker(w: WorkerAgent, m: PageToWorker): void {
    try {
      call(natives.portPostMessage!, w.port, m);
    } catch {
      /* the worker is gone */
    }
  }
}
