// Context: page (MAIN world), document_start. Installs the hooks and talks to the panel through
// the relay's private port: hello on attach, records from a sequence number on resync, live
// batches while a panel is attached, command results. Dedicated workers the page starts get a
// worker agent of their own (worker-wrap.ts), relayed through this agent (worker-hub.ts).
import { makeEnvelope, ENVELOPE_SOURCE, PROTOCOL_VERSION, type PageToPanelMessage, type PanelToPageMessage } from '../protocol/envelope';
import { Recorder } from './recorder';
import { installHooks } from './install-hooks';
import { ConnectionRegistry } from './connections';
import { linkToRelay, type RelayLink } from './port-link';
import { AGENT_ACTIVE } from '../protocol/handshake';
import { answerCommand, type CommandContext } from './commands';
import { nowMs, safely } from './natives';
import { wrapWorkers } from './worker-wrap';
import { WorkerHub } from './worker-hub';

export function installAgent(): void {
  // No marker on window: any property we added there would be visible to the page
  // (Reflect.ownKeys). Chrome injects a manifest content script once per document.

  const agentId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const startedAt = nowMs();
  // `link` is made below, once onPanelMessage exists; nothing posts before a panel attaches.
  const post = (message: PageToPanelMessage) => link.post(message);
  const recorder = new Recorder(
    (records) => post({ ...makeEnvelope('batch'), agentId, records }),
    (packed) => post({ ...makeEnvelope('batch'), agentId, records: [], packed }),
  );
  const registry = new ConnectionRegistry();
  const ctx: CommandContext = { recorder, registry };
  const workers = new WorkerHub(post);

  const onPanelMessage = (raw: unknown) => {
    if (!isPanelMessage(raw)) return;
    const message: PanelToPageMessage = raw;
    safely(() => workers.onPanelMessage(message));
    switch (message.type) {
      case 'attach':
        recorder.applySettings(message.settings);
        recorder.flush();
        post({
          ...makeEnvelope('hello'),
          agentId,
          url: location.href,
          isTop: isTopFrame(),
          realm: 'document',
          firstSeq: recorder.firstSeq,
          lastSeq: recorder.lastSeq,
          startedAt,
        });
        break;
      case 'settings':
        recorder.applySettings(message.settings);
        break;
      case 'resync':
        if (message.agentId === agentId) recorder.resync(message.fromSeq);
        break;
      case 'detach':
        recorder.detach();
        break;
      case 'command':
        if (message.agentId === agentId)
          answerCommand(ctx, message.commandId, message.command, (result) => post({ ...makeEnvelope('command-result'), agentId, result }));
        break;
    }
  };

  const link: RelayLink = linkToRelay(onPanelMessage);
  // The relay reads chrome.storage (settings, is a panel open) only when told the frame is active:
  // the top frame at once, a subframe when it first captures something (most never do).
  let active = false;
  const activate = () => {
    if (active) return;
    active = true;
    link.post(AGENT_ACTIVE);
  };
  if (isTopFrame()) activate();
  else recorder.onFirstConnection = activate;
  installHooks(ctx);
  safely(() =>
    wrapWorkers((start) => {
      activate();
      workers.add(start);
    }),
  );
}

function isTopFrame(): boolean {
  try {
    return window.top === window;
  } catch {
    return false;
  }
}

/**
 * isPanelToPageMessage without its Set lookup (Set.prototype.has is the page's): the same checks,
 * with comparisons only.
 */
function isPanelMessage(x: unknown): x is PanelToPageMessage {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Record<string, unknown>;
  if (m.source !== ENVELOPE_SOURCE || m.v !== PROTOCOL_VERSION) return false;
  const isObject = (y: unknown) => typeof y === 'object' && y !== null;
  switch (m.type) {
    case 'resync':
      return typeof m.agentId === 'string' && typeof m.fromSeq === 'number';
    case 'command':
      return typeof m.agentId === 'string' && typeof m.commandId === 'string' && isObject(m.command);
    case 'attach':
    case 'settings':
      return isObject(m.settings);
    case 'detach':
      return true;
    default:
      return false;
  }
}
