// Context: node (unit tests). PanelLink with a fake transport: packed batches (one JSON string)
// land in the Session like plain ones, and a sequence gap makes the panel ask that frame's agent
// to resync from the first missing record.
import { describe, expect, it } from 'vitest';
import { PanelLink, type PanelTransport } from '../../lib/panel/connection';
import { Session } from '../../lib/store/session';
import { DEFAULT_AGENT_SETTINGS, makeEnvelope, type BackgroundToPanelMessage, type PanelToBackgroundMessage } from '../../lib/protocol/envelope';
import { wsCreate, wsFrame } from './store-fixtures';

function fakeLink() {
  const sent: PanelToBackgroundMessage[] = [];
  let deliver: (m: BackgroundToPanelMessage) => void = () => {};
  const transport: PanelTransport = {
    post: (m) => void sent.push(m),
    listen: (l) => ((deliver = l), () => {}),
    onDisconnect: () => () => {},
  };
  const session = new Session();
  const link = new PanelLink({ tabId: 7, session, settings: () => DEFAULT_AGENT_SETTINGS, open: () => transport, recording: () => true });
  link.start();
  const fromFrame = (message: Extract<BackgroundToPanelMessage, { type: 'from-frame' }>['message']) =>
    deliver({ ...makeEnvelope('from-frame'), tabId: 7, frameId: 3, documentId: 'doc', message });
  return { sent, session, fromFrame };
}

describe('PanelLink', () => {
  it('applies packed batches', () => {
    const { session, fromFrame } = fakeLink();
    fromFrame({ ...makeEnvelope('batch'), agentId: 'a', records: [], packed: JSON.stringify([wsCreate(1), wsFrame(2), wsFrame(3)]) });
    expect(session.frames.count).toBe(2);
    expect(session.frames.preview[1]).toBe('frame 3');
  });

  it('asks for a resync on a gap, and takes a malformed packed batch as a gap', () => {
    const { sent, session, fromFrame } = fakeLink();
    fromFrame({ ...makeEnvelope('batch'), agentId: 'a', records: [wsCreate(1), wsFrame(2)] });
    fromFrame({ ...makeEnvelope('batch'), agentId: 'a', records: [], packed: '[not json' });
    fromFrame({ ...makeEnvelope('batch'), agentId: 'a', records: [], packed: JSON.stringify([wsFrame(6)]) });
    const resync = sent.filter((m) => m.type === 'to-frame');
    expect(resync).toEqual([
      expect.objectContaining({ frameId: 3, documentId: 'doc', message: expect.objectContaining({ type: 'resync', agentId: 'a', fromSeq: 3 }) }),
    ]);
    expect(session.frames.count).toBe(1);
  });
});
