// Context: page (MAIN world). Live connections by id, so panel commands can act on the page's
// own sockets. Closed connections are kept briefly (so a command on them gets a clear message)
// and pruned beyond a bound, so 10,000 short-lived sockets do not pile up.
import { natives, arr } from './natives';

const WeakRefCtor = WeakRef;

export type LiveKind = 'ws' | 'sse' | 'fetch' | 'xhr';

export interface LiveConnection {
  kind: LiveKind;
  target: WeakRef<object>;
  closed: boolean;
  /** Replays the request for http-rerun (fetch/xhr only). */
  rerun?: () => void;
  /** Frames held back from the page while `hold` is on (WebSocket). */
  held?: MessageEvent[];
  /** The record token of each held frame (its listeners' time is added there on release). */
  heldTokens?: number[];
  hold?: boolean;
  /** A simulated network drop is under way: the real close is shown to the page as 1006. */
  dropping?: boolean;
}

const MAX_CLOSED_KEPT = 500;

export class ConnectionRegistry {
  private live = new natives.MapCtor<number, LiveConnection>();
  private closedOrder: number[] = [];

  add(conn: number, kind: LiveKind, target: object): LiveConnection {
    const entry: LiveConnection = {
      kind,
      target: new WeakRefCtor(target),
      closed: false,
      rerun: undefined,
      held: undefined,
      heldTokens: undefined,
      hold: false,
      dropping: false,
    };
    this.live.set(conn, entry);
    return entry;
  }

  get(conn: number): LiveConnection | undefined {
    return this.live.get(conn);
  }

  markClosed(conn: number): void {
    const entry = this.live.get(conn);
    if (!entry || entry.closed) return;
    entry.closed = true;
    arr.push(this.closedOrder, conn);
    while (this.closedOrder.length > MAX_CLOSED_KEPT) this.live.delete(arr.shift(this.closedOrder)!);
  }
}
