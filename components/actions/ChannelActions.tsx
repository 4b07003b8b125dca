// Context: panel. Actions on a channel's live connection: compose/inject, close with a code,
// simulate a network drop, hold and release incoming frames, fail an EventSource, replay the
// picked frames. Everything runs in the page's own connection through the agent.
import { useState } from 'react';
import { useUi } from '@/lib/store/ui-store';
import { session } from '@/lib/panel/panel-runtime';
import { liveConnection, runOn, replayFrames, type ChannelCommand } from '@/lib/panel/actions';
import type { Channel } from '@/lib/store/session-types';
import { canSendFromScript } from '@/lib/knowledge';
import { ActionResult, report } from './ActionResult';

export function ChannelActions({ channel }: { channel: Channel }) {
  const { composer, pickedFrames, set } = useUi();
  const [closeCode, setCloseCode] = useState('4000');
  const [closeReason, setCloseReason] = useState('closed by PushLens');
  const [held, setHeld] = useState(false);
  const [speed, setSpeed] = useState('1');
  const conn = liveConnection(session, channel);
  const act = async (label: string, command: ChannelCommand) => {
    const r = await runOn(conn, command);
    report(r.ok, r.ok ? label : (r.error ?? 'failed'));
    return r.ok;
  };
  if (channel.kind === 'ws') {
    const code = Number(closeCode);
    return (
      <div className="channel-actions" data-testid="channel-actions">
        <button data-testid="open-composer" onClick={() => set({ composer: { ...composer, open: !composer.open } })}>
          ✎ Compose
        </button>
        <span className="group">
          <input className="code" aria-label="close code" value={closeCode} onChange={(e) => setCloseCode(e.target.value)} data-testid="close-code" />
          <input className="reason" aria-label="close reason" value={closeReason} onChange={(e) => setCloseReason(e.target.value)} data-testid="close-reason" />
          <button
            data-testid="close-connection"
            onClick={() => {
              if (!canSendFromScript(code)) return report(false, `A page can only close with 1000 or 3000–4999, not ${closeCode}.`);
              void act(`Closed with ${code}.`, { kind: 'ws-close', code, reason: closeReason });
            }}
          >
            Close
          </button>
        </span>
        <button data-testid="drop-connection" title="The page sees close 1006 (not clean), as if the network died" onClick={() => void act('Connection dropped (the page saw 1006).', { kind: 'ws-drop' })}>
          ⚡ Drop
        </button>
        <button
          data-testid="hold-toggle"
          className={held ? 'on' : ''}
          title="Hold incoming frames (the page receives nothing) and release them later, in order"
          onClick={async () => {
            if (await act(held ? 'Released held frames in order.' : 'Holding incoming frames.', { kind: 'ws-hold', hold: !held })) setHeld(!held);
          }}
        >
          {held ? '▶ Release' : '⏸ Hold'}
        </button>
        {pickedFrames.length > 0 && (
          <span className="group">
            <select value={speed} onChange={(e) => setSpeed(e.target.value)} aria-label="replay speed">
              <option value="1">original timing</option>
              <option value="2">2× faster</option>
              <option value="10">10× faster</option>
              <option value="0">at once</option>
            </select>
            <button data-testid="replay-server" onClick={() => void replay('server')}>
              Replay {pickedFrames.length} → server
            </button>
            <button data-testid="replay-page" onClick={() => void replay('page')}>
              Replay {pickedFrames.length} → page
            </button>
          </span>
        )}
        <ActionResult />
      </div>
    );
  }
  if (channel.kind === 'sse') {
    return (
      <div className="channel-actions" data-testid="channel-actions">
        <button data-testid="open-composer" onClick={() => set({ composer: { ...composer, open: !composer.open, mode: 'inject' } })}>
          ✎ Inject event
        </button>
        <button data-testid="fail-eventsource" title="Close the EventSource and fire error: the page sees it fail for good" onClick={() => void act('EventSource failed (readyState CLOSED, error fired).', { kind: 'sse-fail' })}>
          ⚡ Fail
        </button>
        {pickedFrames.length > 0 && (
          <button data-testid="replay-page" onClick={() => void replaySse()}>
            Replay {pickedFrames.length} → page
          </button>
        )}
        <ActionResult />
      </div>
    );
  }
  return (
    <div className="channel-actions">
      <ActionResult />
    </div>
  );

  async function replay(target: 'server' | 'page') {
    report(true, `Replaying ${pickedFrames.length} frames…`);
    const r = await replayFrames(session, channel, pickedFrames, {
      target,
      speed: Number(speed),
      onProgress: (done, total) => report(true, `Replaying… ${done}/${total}`),
    });
    report(r.ok, r.ok ? `Replayed ${pickedFrames.length} frames to the ${target}.` : (r.error ?? 'failed'));
  }

  async function replaySse() {
    const f = session.frames;
    const rows = [...pickedFrames].sort((a, b) => f.time[a] - f.time[b]);
    for (const i of rows) {
      const r = await runOn(liveConnection(session, channel), { kind: 'sse-inject', event: f.eventName(i), data: f.preview[i], id: session.sseIds.get(i) ?? '' });
      if (!r.ok) return report(false, r.error ?? 'failed');
    }
    report(true, `Replayed ${rows.length} events to the page.`);
  }
}
