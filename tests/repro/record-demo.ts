// Context: node (tests). Records the demo conversation (tests/repro/demo-client.ts) on a real demo
// server and turns it into a HAR through the panel's own path (Session → HAR export, redacted),
// the file a user would export. Node 20 lacks the browser globals the client code uses: they are
// installed here (ws's WebSocket, a fetch-based EventSource) and can be restored.
import { WebSocket as NodeWebSocket } from 'ws';
import { startDemoServer } from '../../demo/server/index.mjs';
import { Session } from '../../lib/store/session';
import { loadHarIntoSession, sessionToHarInput } from '../../lib/store/session-har';
import { exportHar, type Har, type HarConnection } from '../../lib/har';
import { runConversation } from './demo-client';
import { FetchEventSource } from './fetch-event-source';

export function installBrowserGlobals(): () => void {
  const g = globalThis as Record<string, unknown>;
  const saved = { WebSocket: g.WebSocket, EventSource: g.EventSource };
  g.WebSocket = NodeWebSocket;
  g.EventSource = FetchEventSource;
  return () => {
    g.WebSocket = saved.WebSocket;
    g.EventSource = saved.EventSource;
  };
}

export interface Recording {
  /** Origin of the demo server that was recorded (now closed). */
  origin: string;
  connections: HarConnection[];
  /** The recording as the panel exports it: Session → HAR, credentials redacted. */
  har: Har;
}

export async function recordDemo(): Promise<Recording> {
  const demo = await startDemoServer({
    fast: true,
    flaky: true,
    quiet: true,
    // Flaky mode only to get a server-chosen close code: the chat socket is cut once, at ~700 ms,
    // with the first cause in the rotation (1011); SSE streams and long polls stay healthy.
    timing: { flakyMinMs: 700, flakyMaxMs: 700, flakySseMinEvents: 1000, flakySseMaxEvents: 1000, flaky502Rate: 0, chatBotMs: 120 },
  });
  const origin = demo.url.replace(/\/$/, '');
  let connections: HarConnection[];
  try {
    connections = await runConversation(origin);
  } finally {
    await demo.close();
  }
  const session = new Session();
  loadHarIntoSession(session, { connections }, 'recorded');
  const har = JSON.parse(JSON.stringify(exportHar(sessionToHarInput(session, undefined, `${origin}/`), { redact: true }))) as Har;
  return { origin, connections, har };
}
