// Context: panel. When a channel has several connections open at once, the user picks the one
// actions go to; every action result names the connection it acted on.
import { useUi } from '../../../lib/store/ui-store';
import { useShallow } from 'zustand/shallow';
import { useSession } from '../../hooks/use-session';
import { connectionKey, liveConnection, openConnections } from '../../../lib/panel/actions';
import type { Channel, Connection } from '../../../lib/store/session-types';
import { formatClock } from '../../widgets/format';

/** How a connection is named in the picker and in action results. */
export function connectionLabel(c: Connection): string {
  return `connection #${c.index}${c.openedAt !== undefined ? ` (opened ${formatClock(c.openedAt)})` : ''}`;
}

export function ConnectionPicker({ channel }: { channel: Channel }) {
  const session = useSession();
  const { targetConnection, setTargetConnection } = useUi(
    useShallow((s) => ({ targetConnection: s.targetConnection, setTargetConnection: s.setTargetConnection })),
  );
  const open = openConnections(session, channel);
  if (open.length < 2) return null;
  const current = liveConnection(session, channel, targetConnection);
  return (
    <select
      data-testid="target-connection"
      aria-label="Connection the actions go to"
      value={current ? connectionKey(current) : ''}
      onChange={(e) => setTargetConnection(e.target.value)}
    >
      {open.map((c) => (
        <option key={c.index} value={connectionKey(c)} data-conn={c.index}>
          {connectionLabel(c)} · {c.url}
        </option>
      ))}
    </select>
  );
}
