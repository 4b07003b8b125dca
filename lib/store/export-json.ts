// Context: panel. Exports the session as JSON: channels, connections and every frame with its
// preview, so a bug report can carry exactly what the panel showed.
import type { Session } from './session';
import { DIR_OUT, FLAG_BINARY, FLAG_INJECTED, FLAG_SENT, FLAG_TRUNCATED } from './frame-store';

export function exportSessionJson(session: Session): string {
  const f = session.frames;
  const frames = [];
  let truncatedFrames = 0;
  for (let i = 0; i < f.count; i++) {
    if (f.flags[i] & FLAG_TRUNCATED) truncatedFrames++;
    frames.push({
      time: f.time[i],
      channel: f.channel[i],
      connection: f.connection[i],
      dir: f.dir[i] === DIR_OUT ? 'out' : 'in',
      event: f.eventName(i),
      size: f.size[i],
      status: f.status[i] || undefined,
      binary: (f.flags[i] & FLAG_BINARY) !== 0,
      truncated: (f.flags[i] & FLAG_TRUNCATED) !== 0,
      synthetic: f.flags[i] & FLAG_SENT ? 'sent' : f.flags[i] & FLAG_INJECTED ? 'injected' : undefined,
      preview: f.preview[i],
    });
  }
  return JSON.stringify(
    {
      format: 'pushlens-session',
      version: 1,
      exportedAt: new Date().toISOString(),
      // Frames whose preview holds only the first part (`truncated: true`, `size` = true size).
      truncatedFrames,
      channels: session.channels.map((c) => ({
        index: c.index,
        kind: c.kind,
        url: c.url,
        method: c.method,
        connections: c.connections,
        poll: c.poll,
      })),
      connections: session.connections,
      drops: session.drops,
      frames,
    },
    null,
    1,
  );
}
