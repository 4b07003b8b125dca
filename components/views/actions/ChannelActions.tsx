// Context: panel. Actions on a channel's live connection: compose/inject, close with a code,
// simulate a network drop, hold and release incoming frames, fail an EventSource, replay the
// picked frames. Everything runs in the page's own connection through the agent.
import { useState } from 'react';
import { useUi } from '../../../lib/store/ui-store';
import { useShallow } from 'zustand/shallow';
import { useSession, usePanelLink } from '../../hooks/use-session';
import { liveConnection, runOn, replayFrames, pickedWholes, type ChannelCommand } from '../../../lib/panel/actions';
import type { Channel } from '../../../lib/store/session-types';
import { canSendFromScript } from '../../../lib/knowledge';
import { t } from '../../../lib/i18n/messages';
import { ActionResult, report } from './ActionResult';
import { ConnectionPicker, connectionLabel } from './ConnectionPicker';
import { Icon } from '../../widgets/Icon';

export function ChannelActions({ channel }: { channel: Channel }) {
  const session = useSession();
  const link = usePanelLink();
  const { pickedFrames, locale, updateComposer, targetConnection } = useUi(
    useShallow((s) => ({ pickedFrames: s.pickedFrames, locale: s.locale, updateComposer: s.updateComposer, targetConnection: s.targetConnection })),
  );
  // Read when clicked, not subscribed: typing in the composer must not re-render the actions.
  const composer = () => useUi.getState().composer;
  const [closeCode, setCloseCode] = useState('4000');
  const [closeReason, setCloseReason] = useState('closed by PushLens');
  const [held, setHeld] = useState(false);
  const [speed, setSpeed] = useState('1');
  const conn = liveConnection(session, channel, targetConnection);
  const act = async (label: string, command: ChannelCommand) => {
    const r = await runOn(link, conn, command);
    // The result names the connection, since a channel may hold several open at once.
    const on = conn ? ` · ${connectionLabel(conn)}` : '';
    report(r.ok, (r.ok ? label : (r.error ?? t('action.failed', locale))) + on);
    return r.ok;
  };
  if (channel.kind === 'ws') {
    const code = Number(closeCode);
    return (
      <div className="channel-actions" data-testid="channel-actions">
        <ConnectionPicker channel={channel} />
        <button data-testid="open-composer" onClick={() => updateComposer({ open: !composer().open })}>
          <Icon name="pencil" /> {t('action.compose', locale)}
        </button>
        <span className="group">
          <input
            className="code"
            aria-label={t('action.closeCode', locale)}
            value={closeCode}
            onChange={(e) => setCloseCode(e.target.value)}
            data-testid="close-code"
          />
          <input
            className="reason"
            aria-label={t('action.closeReason', locale)}
            value={closeReason}
            onChange={(e) => setCloseReason(e.target.value)}
            data-testid="close-reason"
          />
          <button
            data-testid="close-connection"
            onClick={() => {
              if (!canSendFromScript(code)) return report(false, t('action.closeCodeInvalid', locale, { code: closeCode }));
              void act(t('action.closed', locale, { code }), { kind: 'ws-close', code, reason: closeReason });
            }}
          >
            {t('action.close', locale)}
          </button>
        </span>
        <button
          data-testid="drop-connection"
          title={t('action.dropTitle', locale)}
          onClick={() => void act(t('action.dropped', locale), { kind: 'ws-drop' })}
        >
          <Icon name="bolt" /> {t('action.cut', locale)}
        </button>
        <button
          data-testid="hold-toggle"
          className={held ? 'on' : ''}
          title={t('action.holdTitle', locale)}
          onClick={async () => {
            if (await act(held ? t('action.released', locale) : t('action.holding', locale), { kind: 'ws-hold', hold: !held })) setHeld(!held);
          }}
        >
          <Icon name={held ? 'play' : 'pause'} /> {held ? t('action.release', locale) : t('action.hold', locale)}
        </button>
        {pickedFrames.length > 0 && (
          <span className="group">
            <select value={speed} onChange={(e) => setSpeed(e.target.value)} aria-label={t('action.replaySpeed', locale)}>
              <option value="1">{t('action.speedOriginal', locale)}</option>
              <option value="2">{t('action.speedFaster', locale, { factor: 2 })}</option>
              <option value="10">{t('action.speedFaster', locale, { factor: 10 })}</option>
              <option value="0">{t('action.speedAtOnce', locale)}</option>
            </select>
            <button data-testid="replay-server" onClick={() => void replay('server')}>
              {t('action.replayToServer', locale, { count: pickedFrames.length })}
            </button>
            <button data-testid="replay-page" onClick={() => void replay('page')}>
              {t('action.replayToPage', locale, { count: pickedFrames.length })}
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
        <ConnectionPicker channel={channel} />
        <button data-testid="open-composer" onClick={() => updateComposer({ open: !composer().open, mode: 'inject' })}>
          <Icon name="pencil" /> {t('action.injectEvent', locale)}
        </button>
        <button
          data-testid="fail-eventsource"
          title={t('action.failTitle', locale)}
          onClick={() => void act(t('action.sseFailed', locale), { kind: 'sse-fail' })}
        >
          <Icon name="bolt" /> {t('action.fail', locale)}
        </button>
        {pickedFrames.length > 0 && (
          <button data-testid="replay-page" onClick={() => void replaySse()}>
            {t('action.replayToPage', locale, { count: pickedFrames.length })}
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
    report(true, t('action.replaying', locale, { count: pickedFrames.length }));
    const r = await replayFrames(session, link, channel, pickedFrames, {
      target,
      connection: targetConnection,
      speed: Number(speed),
      onProgress: (done, total) => report(true, t('action.replayProgress', locale, { done, total })),
    });
    report(
      r.ok,
      r.ok
        ? t(target === 'server' ? 'action.replayedToServer' : 'action.replayedToPage', locale, { count: pickedFrames.length })
        : (r.error ?? t('action.failed', locale)),
    );
  }

  async function replaySse() {
    const f = session.frames;
    // Whole events (fetched from the page when only a part is here), all of them or none.
    const picked = await pickedWholes(session, link, channel, pickedFrames);
    if ('error' in picked) return report(false, picked.error);
    const meta = picked.frames.map(({ row }) => ({ event: f.eventName(row), id: session.sseIds.get(row) ?? '' }));
    for (let k = 0; k < picked.frames.length; k++) {
      const r = await runOn(link, liveConnection(session, channel, targetConnection), {
        kind: 'sse-inject',
        event: meta[k].event,
        data: picked.frames[k].data,
        id: meta[k].id,
      });
      if (!r.ok) return report(false, r.error ?? t('action.failed', locale));
    }
    report(true, t('action.replayedEvents', locale, { count: picked.frames.length }));
  }
}
