// Context: node (test). The message layer end to end without a browser: agents (the real
// Recorder behind a stand-in for lib/page/agent.ts's message handling), the TabRouter, and a
// PanelLink feeding a Session, joined by in-memory transports (createFakeTransportPair). Covers
// the order in which panel and relays connect, routing by tab/frame/document, out-of-order and
// oversized batches, frame-gone, commands and their typed answers, and a service worker that
// restarts mid-stream. Prints the number of cases.
import { afterAll, describe, expect, it } from 'vitest';
import { TabRouter } from '../../lib/background/router';
import { createFakeTransportPair, type FakeTransport } from '../../lib/transport/transport';
import { PanelLink } from '../../lib/panel/connection';
import { NetworkGate, GRACE_MS } from '../../lib/panel/network-gate';
import { Session } from '../../lib/store/session';
import { Recorder } from '../../lib/page/recorder';
import {
  DEFAULT_AGENT_SETTINGS,
  makeEnvelope,
  type AgentSettings,
  type BackgroundToPanelMessage,
  type PageToPanelMessage,
  type PanelToBackgroundMessage,
  type PanelToPageMessage,
} from '../../lib/protocol/envelope';
import type { CommandResult } from '../../lib/protocol/commands';

let cases = 0;
const tick = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
};

/** One page agent: the real Recorder, answering attach/resync/detach/command like lib/page/agent.ts. */
class FakeAgent {
  readonly rec: Recorder;
  end: FakeTransport<PanelToPageMessage, PageToPanelMessage> | undefined;
  received: PanelToPageMessage[] = [];
  private emitted = 0;
  constructor(
    readonly agentId: string,
    readonly url = 'https://app.test/',
  ) {
    // Batches go to whatever relay end is connected now; while none is, they are lost in transit.
    this.rec = new Recorder(
      (records) => this.end?.post({ ...makeEnvelope('batch'), agentId: this.agentId, records }),
      (packed) => this.end?.post({ ...makeEnvelope('batch'), agentId: this.agentId, records: [], packed }),
    );
  }
  bind(end: FakeTransport<PanelToPageMessage, PageToPanelMessage>) {
    this.end = end;
    end.listen((m) => {
      this.received.push(m);
      if (m.type === 'attach') {
        this.rec.applySettings(m.settings);
        this.rec.flush();
        const { firstSeq, lastSeq } = this.rec;
        end.post({ ...makeEnvelope('hello'), agentId: this.agentId, url: this.url, isTop: true, realm: 'document', firstSeq, lastSeq, startedAt: 0 });
      } else if (m.type === 'settings') this.rec.applySettings(m.settings);
      else if (m.type === 'resync' && m.agentId === this.agentId) this.rec.resync(m.fromSeq);
      else if (m.type === 'detach') this.rec.detach();
      else if (m.type === 'command' && m.agentId === this.agentId)
        end.post({ ...makeEnvelope('command-result'), agentId: this.agentId, result: { commandId: m.commandId, ok: true } });
    });
  }
  /** A WebSocket on first call, then n frames of it. */
  frames(n: number, bytes = 10) {
    if (this.emitted === 0) this.rec.emit({ type: 'ws-create', t: 0, conn: 1, url: 'wss://feed.test/', protocols: [] });
    for (let i = 0; i < n; i++) {
      const data = `m${this.emitted++}`.padEnd(bytes, '.');
      this.rec.emit({ type: 'ws-frame', t: this.emitted, conn: 1, dir: 'in', payload: { data, binary: false, size: data.length, truncated: false } });
    }
    this.rec.flush();
  }
}

/** A background (TabRouter) plus the ports of one tab's relays and panels; `restart()` kills it like a stopped service worker. */
class World {
  router = new TabRouter();
  private ports: { close(): void }[] = [];
  connectRelay(agent: FakeAgent, tabId = 1, frameId = 0, documentId = 'doc-0') {
    const [routerEnd, relayEnd] = createFakeTransportPair<PageToPanelMessage, PanelToPageMessage>();
    this.ports.push(routerEnd);
    agent.bind(relayEnd);
    this.router.addRelay(tabId, frameId, documentId, routerEnd);
    return routerEnd;
  }
  panelPort() {
    const [routerEnd, panelEnd] = createFakeTransportPair<PanelToBackgroundMessage, BackgroundToPanelMessage>();
    this.ports.push(routerEnd);
    this.router.addPanel(routerEnd);
    return panelEnd;
  }
  openPanel(tabId = 1, settings: AgentSettings = DEFAULT_AGENT_SETTINGS) {
    const session = new Session();
    const link = new PanelLink({ tabId, session, settings: () => settings, recording: () => true, open: () => this.panelPort() });
    link.start();
    return { session, link };
  }
  /** The service worker stops: every port breaks and the router's state is gone. */
  restart() {
    for (const p of this.ports) p.close();
    this.ports = [];
    this.router = new TabRouter();
  }
}

function framesOf(session: Session): string[] {
  const out: string[] = [];
  for (let i = 0; i < session.frames.count; i++) out.push(session.frames.preview[i].replace(/\.+$/, ''));
  return out;
}
const expected = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);

describe('TabRouter + PanelLink over fake transports', () => {
  it('a panel that connects after the relay gets the history from before it opened', async () => {
    const w = new World();
    const a = new FakeAgent('a');
    w.connectRelay(a);
    a.frames(30); // no panel yet: kept in the agent's ring only
    await tick();
    expect(a.received).toEqual([]);
    const { session } = w.openPanel();
    await tick();
    a.frames(5);
    await tick();
    cases += 3;
    expect(a.received[0]).toMatchObject({ type: 'attach', settings: DEFAULT_AGENT_SETTINGS });
    expect(framesOf(session)).toEqual(expected(35));
    expect(session.agents.get('a')?.frameId).toBe(0);
  });

  it('a panel that connects before the relay (page loaded with DevTools open) attaches it on arrival', async () => {
    const w = new World();
    const settings = { ...DEFAULT_AGENT_SETTINGS, bufferRecords: 500 };
    const { session } = w.openPanel(1, settings);
    await tick();
    const a = new FakeAgent('a');
    w.connectRelay(a);
    a.frames(3);
    await tick();
    a.frames(2);
    await tick();
    cases += 2;
    expect(a.received[0]).toMatchObject({ type: 'attach', settings });
    expect(framesOf(session)).toEqual(expected(5));
  });

  it('routes by tab, frame and document: other tabs see nothing, to-frame reaches only the addressed document', async () => {
    const w = new World();
    const a = new FakeAgent('a');
    const b = new FakeAgent('b');
    const c = new FakeAgent('c');
    w.connectRelay(a, 1, 0, 'top');
    w.connectRelay(b, 1, 4, 'iframe-old');
    w.connectRelay(c, 2, 0, 'other-tab');
    const tab1 = w.panelPort();
    const tab1In: BackgroundToPanelMessage[] = [];
    tab1.listen((m) => void tab1In.push(m));
    tab1.post({ ...makeEnvelope('panel-init'), tabId: 1, settings: DEFAULT_AGENT_SETTINGS });
    await tick();
    cases += 6;
    expect(c.received).toEqual([]); // tab 2 has no panel
    expect(new Set(tab1In.map((m) => m.type === 'from-frame' && m.message.type === 'hello' && m.message.agentId))).toEqual(new Set(['a', 'b']));
    const hellos = tab1In.filter((m) => m.type === 'from-frame');
    expect(hellos.map((m) => m.type === 'from-frame' && [m.frameId, m.documentId]).sort()).toEqual([
      [0, 'top'],
      [4, 'iframe-old'],
    ]);
    // A resync for frame 4 of another document (the iframe navigated) reaches nobody.
    tab1.post({
      ...makeEnvelope('to-frame'),
      frameId: 4,
      documentId: 'iframe-new',
      message: { ...makeEnvelope('resync'), agentId: 'b', fromSeq: 1 },
    });
    tab1.post({ ...makeEnvelope('to-frame'), frameId: 4, documentId: 'iframe-old', message: { ...makeEnvelope('detach') } });
    await tick();
    expect(b.received.map((m) => m.type)).toEqual(['attach', 'detach']);
    expect(a.received.map((m) => m.type)).toEqual(['attach']);
    expect(w.router.relayCount(1)).toBe(2);
  });

  it('ignores a panel that has not said which tab it inspects', async () => {
    const w = new World();
    const a = new FakeAgent('a');
    w.connectRelay(a);
    const p = w.panelPort();
    p.post({ ...makeEnvelope('to-tab'), message: { ...makeEnvelope('settings'), settings: DEFAULT_AGENT_SETTINGS } });
    p.post({ ...makeEnvelope('to-frame'), frameId: 0, message: { ...makeEnvelope('resync'), agentId: 'a', fromSeq: 1 } });
    await tick();
    cases++;
    expect(a.received).toEqual([]);
  });

  it('settings pushed to the tab also attach relays that connect later', async () => {
    const w = new World();
    const { link } = w.openPanel();
    await tick();
    const changed = { ...DEFAULT_AGENT_SETTINGS, previewBytes: 1234 };
    link.pushSettings(changed);
    await tick();
    const a = new FakeAgent('a');
    w.connectRelay(a);
    await tick();
    cases++;
    expect(a.received[0]).toMatchObject({ type: 'attach', settings: changed });
  });

  it('the last panel of a tab leaving detaches its agents, and only then', async () => {
    const w = new World();
    const a = new FakeAgent('a');
    w.connectRelay(a);
    const p1 = w.panelPort();
    const p2 = w.panelPort();
    for (const p of [p1, p2]) p.post({ ...makeEnvelope('panel-init'), tabId: 1, settings: DEFAULT_AGENT_SETTINGS });
    await tick();
    p1.close();
    await tick();
    cases += 2;
    expect(a.received.some((m) => m.type === 'detach')).toBe(false);
    p2.close();
    await tick();
    expect(a.received[a.received.length - 1].type).toBe('detach');
  });

  it('out-of-order batches: the panel asks for a resync and ends with every record once, in order', async () => {
    const w = new World();
    const a = new FakeAgent('a');
    w.connectRelay(a);
    const { session } = w.openPanel();
    await tick();
    a.frames(3);
    await tick();
    // Batches 7..9 arrive before 5..6 (a reordering hop): the panel must not apply them out of order.
    const rec = (seq: number) => ({
      type: 'ws-frame' as const,
      seq,
      t: seq,
      conn: 1,
      dir: 'in' as const,
      payload: { data: `x${seq}`, binary: false, size: 2, truncated: false },
    });
    a.end!.post({ ...makeEnvelope('batch'), agentId: 'a', records: [rec(7), rec(8), rec(9)] });
    await tick();
    cases += 3;
    expect(framesOf(session)).toEqual(expected(3));
    const resyncs = a.received.filter((m) => m.type === 'resync');
    expect(resyncs[resyncs.length - 1]).toMatchObject({ agentId: 'a', fromSeq: 5 });
    // The agent's answer (its real records from 5 on) fills the gap; nothing is applied twice.
    a.frames(2);
    await tick();
    expect(framesOf(session)).toEqual(expected(5));
  });

  it('an oversized batch (4 MB packed) crosses the router intact', async () => {
    const w = new World();
    const a = new FakeAgent('a');
    w.connectRelay(a);
    const { session } = w.openPanel();
    await tick();
    a.frames(4, 1024 * 1024); // 4 frames of 1 MiB: the recorder packs them into one string
    await tick();
    cases += 2;
    expect(session.frames.count).toBe(4);
    expect(session.connections[0].payloadBytes).toBe(4 * 1024 * 1024);
    expect(session.frames.preview[3]).toHaveLength(1024 * 1024);
  });

  it('commands: the typed answer comes back from the agent it was sent to; a forged answer from another agent is ignored', async () => {
    const w = new World();
    const a = new FakeAgent('a');
    const b = new FakeAgent('b');
    w.connectRelay(a, 1, 0, 'top');
    w.connectRelay(b, 1, 3, 'ad');
    const { link } = w.openPanel();
    await tick();
    a.frames(1);
    await tick();
    // b answers a's command id before a does: not b's command, so not its answer.
    const answer = link.command('a', { kind: 'ws-hold', conn: 1, hold: true });
    b.end!.post({ ...makeEnvelope('command-result'), agentId: 'b', result: { commandId: 'c1', ok: false, error: 'forged' } });
    const r: CommandResult = await answer;
    cases += 2;
    expect(r).toEqual({ commandId: 'c1', ok: true });
    expect(link.pendingCommands).toBe(0);
  });

  it('frame-gone: the agent is marked gone, its pending command fails at once, the network gate reopens', async () => {
    const w = new World();
    const a = new FakeAgent('a');
    const relay = w.connectRelay(a, 1, 5, 'iframe-doc');
    const { session, link } = w.openPanel();
    await tick();
    // A big stream (6 MB in one frame preview) keeps the gate closed while it lives.
    a.rec.emit({ type: 'ws-create', t: 0, conn: 1, url: 'wss://big.test/', protocols: [] });
    a.rec.emit({ type: 'ws-frame', t: 1, conn: 1, dir: 'in', payload: { data: 'x', binary: false, size: 6e6, truncated: true } });
    a.rec.flush();
    await tick();
    const gate = new NetworkGate(session);
    expect(gate.update(1000, true)).toBe(false);
    // The frame goes away while the command is on its way: no answer can come.
    const pending = link.command('a', { kind: 'ws-drop', conn: 1 });
    relay.close();
    const r = await pending;
    cases += 6;
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.error).toMatch(/gone/);
    expect(session.agents.get('a')?.gone).toBe(true);
    expect(session.connections[0].frameGoneAt).toBeGreaterThan(0);
    // DevTools may still post the entry for a while (grace), then the gate opens.
    expect(gate.update(1001, true)).toBe(false);
    expect(gate.update(1001 + GRACE_MS + 1, true)).toBe(true);
    // A command for a gone agent fails without waiting for the 5 s timeout.
    expect(await link.command('a', { kind: 'ws-drop', conn: 1 })).toMatchObject({ ok: false });
  });

  it('a service worker restart mid-stream: router state lost, both sides reconnect, the panel resyncs by seq and has every record once', async () => {
    const w = new World();
    const a = new FakeAgent('a');
    w.connectRelay(a);
    const { session, link } = w.openPanel();
    await tick();
    a.frames(20);
    await tick();
    expect(framesOf(session)).toEqual(expected(20));
    w.restart();
    // While the background is down the page goes on: these batches are lost in transit.
    a.frames(15);
    await tick();
    expect(session.frames.count).toBe(20);
    // The relay reconnects at once (lib/relay: 100 ms) ...
    w.connectRelay(a);
    a.frames(5);
    await tick();
    // ... and the panel after its own delay (lib/panel/connection.ts: 100 ms), with panel-init.
    await new Promise((r) => setTimeout(r, 150));
    await tick();
    a.frames(10);
    await tick();
    cases += 3;
    expect(link.reconnects).toBe(1);
    expect(framesOf(session)).toEqual(expected(50));
    expect(session.agents.get('a')?.dropped).toBe(0);
  });

  it('tells the background how many panels are open, and which tab a panel starts inspecting (its relays are woken)', async () => {
    const counts: [number, number | undefined][] = [];
    const w = new World();
    w.router = new TabRouter((n, openedFor) => counts.push([n, openedFor]));
    const init = (tabId: number) => ({ ...makeEnvelope('panel-init'), tabId, settings: DEFAULT_AGENT_SETTINGS }) as PanelToBackgroundMessage;
    const first = w.panelPort();
    first.post(init(1));
    await tick();
    const second = w.panelPort();
    second.post(init(2));
    // A panel that says panel-init again (it reconnected to another tab) is still one panel.
    second.post(init(3));
    await tick();
    expect(w.router.panelCount()).toBe(2);
    first.close();
    await tick();
    second.close();
    await tick();
    expect(counts).toEqual([
      [1, 1],
      [2, 2],
      [2, 3],
      [1, undefined],
      [0, undefined],
    ]);
    cases++;
  });
});

afterAll(() => {
  console.log(`router and panel link: ${cases} cases`);
});
