// Context: panel. A frame's document went away (the background saw its relay disconnect). Its
// agents can no longer run commands and its connections will never report a close; what the
// panel holds for them is marked so the rest of the panel stops waiting on them. Captured frames
// stay: they are history the user may still be reading.
import type { Session } from './session';

/** Marks the agents and unclosed connections of one document gone; returns the agent ids. */
export function markFrameGone(session: Session, frameId: number, documentId: string, now: number): string[] {
  const gone: string[] = [];
  for (const agent of session.agents.values()) {
    if (agent.frameId !== frameId || agent.documentId !== documentId || agent.gone) continue;
    agent.gone = true;
    // A resync it was asked for can no longer be answered.
    agent.awaitingFrom = undefined;
    gone.push(agent.agentId);
  }
  if (gone.length === 0) return gone;
  const ids = new Set(gone);
  for (const c of session.connections) if (ids.has(c.agentId) && c.state !== 'closed' && c.frameGoneAt === undefined) c.frameGoneAt = now;
  session.version++;
  return gone;
}
