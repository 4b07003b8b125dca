// Context: node (Vitest). The relay's start-up in a frame: it touches chrome.storage only when the
// agent says the frame is active, connects to the background only when a panel is open (stored
// count or a wake from the extension), and ignores wakes from anyone else.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { startRelay } from '../../lib/relay/relay';
import { AGENT_ACTIVE, CONNECT_EVENT, WAKE_RELAYS } from '../../lib/protocol/handshake';
import { PANELS_OPEN_KEY } from '../../lib/protocol/ports';
import { AGENT_SETTINGS_KEY } from '../../lib/protocol/settings';

const EXTENSION_ID = 'pushlens-test-id';
type Listener = (message: unknown, sender: { id?: string }) => void;

/** A fake isolated world: window, an empty document (document_start) and the chrome APIs the relay uses. */
function fakeFrame(stored: Record<string, unknown>) {
  const calls = { storageGets: 0, connects: 0 };
  const wakeListeners: Listener[] = [];
  const fromPanel: unknown[] = [];
  const disconnects: (() => void)[] = [];
  const g = globalThis as Record<string, unknown>;
  g.window = new EventTarget();
  g.document = { documentElement: { firstElementChild: null } };
  g.chrome = {
    runtime: {
      id: EXTENSION_ID,
      onMessage: { addListener: (l: Listener) => wakeListeners.push(l) },
      connect: () => {
        calls.connects++;
        return {
          postMessage: (m: unknown) => fromPanel.push(m),
          onMessage: { addListener() {} },
          onDisconnect: { addListener: (l: () => void) => disconnects.push(l) },
        };
      },
    },
    storage: {
      local: {
        get: async () => {
          calls.storageGets++;
          return stored;
        },
      },
    },
  };
  startRelay();
  // The agent's side of the handshake (lib/page/port-link.ts).
  const channel = new MessageChannel();
  window.dispatchEvent(new MessageEvent(CONNECT_EVENT, { ports: [channel.port2], cancelable: true }));
  const wake = (senderId: string) => wakeListeners.forEach((l) => l(WAKE_RELAYS, { id: senderId }));
  const settle = (ms = 20) => new Promise((r) => setTimeout(r, ms));
  // The background's service worker stops: the open runtime Port breaks.
  const dropPort = () => disconnects.splice(0).forEach((l) => l());
  return { calls, agentPort: channel.port1, wake, settle, wakeListeners, dropPort };
}

const saved = { window: globalThis.window, document: globalThis.document, chrome: (globalThis as Record<string, unknown>).chrome };
let ports: MessagePort[] = [];
beforeEach(() => {
  ports = [];
});
afterEach(() => {
  for (const p of ports) p.close();
  Object.assign(globalThis, saved);
});

describe('relay start-up', () => {
  it('takes the port but reads no storage and opens no Port until the agent says its frame is active', async () => {
    const f = fakeFrame({ [PANELS_OPEN_KEY]: 1 });
    ports.push(f.agentPort);
    await f.settle();
    expect(f.calls).toEqual({ storageGets: 0, connects: 0 });
    expect(f.wakeListeners).toHaveLength(0);

    f.agentPort.postMessage(AGENT_ACTIVE);
    await f.settle();
    expect(f.calls).toEqual({ storageGets: 1, connects: 1 });
    expect(f.wakeListeners).toHaveLength(1);
    // Said twice, read once.
    f.agentPort.postMessage(AGENT_ACTIVE);
    await f.settle();
    expect(f.calls.storageGets).toBe(1);
  });

  it('with no panel open, an active frame reads storage, passes stored settings on, and stays unconnected', async () => {
    const f = fakeFrame({ [PANELS_OPEN_KEY]: 0, [AGENT_SETTINGS_KEY]: { bufferRecords: 500 } });
    ports.push(f.agentPort);
    const received: unknown[] = [];
    f.agentPort.onmessage = (e) => received.push(e.data);
    f.agentPort.postMessage(AGENT_ACTIVE);
    await f.settle();
    expect(f.calls).toEqual({ storageGets: 1, connects: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ type: 'settings', settings: { bufferRecords: 500 } });
  });

  it('once active, connects when the extension wakes it; a wake from anyone else does nothing', async () => {
    const f = fakeFrame({ [PANELS_OPEN_KEY]: 0 });
    ports.push(f.agentPort);
    f.agentPort.postMessage(AGENT_ACTIVE);
    await f.settle();
    expect(f.calls).toEqual({ storageGets: 1, connects: 0 });
    f.wake('another-extension');
    await f.settle();
    expect(f.calls.connects).toBe(0);
    f.wake(EXTENSION_ID);
    await f.settle();
    expect(f.calls).toEqual({ storageGets: 1, connects: 1 });
    // A second wake while connected opens no second Port.
    f.wake(EXTENSION_ID);
    expect(f.calls.connects).toBe(1);
  });

  it('after the background drops its Port, reconnects only while a panel is still open, or when woken', async () => {
    const stored: Record<string, unknown> = { [PANELS_OPEN_KEY]: 1 };
    const f = fakeFrame(stored);
    ports.push(f.agentPort);
    f.agentPort.postMessage(AGENT_ACTIVE);
    await f.settle();
    expect(f.calls.connects).toBe(1);
    // A panel is still open: back after the reconnect delay.
    f.dropPort();
    await f.settle(200);
    expect(f.calls.connects).toBe(2);
    // The panel was closed: no reconnect, until a panel that opens wakes the relay.
    stored[PANELS_OPEN_KEY] = 0;
    f.dropPort();
    await f.settle(200);
    expect(f.calls.connects).toBe(2);
    f.wake(EXTENSION_ID);
    await f.settle();
    expect(f.calls.connects).toBe(3);
  });
});
