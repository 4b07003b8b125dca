// Context: page (MAIN world) and dedicated workers. The hook installation the page agent and the
// worker agent share: the toString mask first (so every wrapper made after it looks native), one
// listener tap for WebSocket and EventSource, then fetch and XMLHttpRequest. Each step is
// separate, so one global the page has broken does not keep the others from being hooked.
import { installToStringMask } from './proxy-utils';
import { hookWebSocket } from './hook-websocket';
import { hookEventSource } from './hook-eventsource';
import { hookFetch } from './hook-fetch';
import { hookXhr } from './hook-xhr';
import { ListenerTap } from './listener-tap';
import { safely } from './natives';
import type { CommandContext } from './commands';

export function installHooks(ctx: CommandContext): void {
  const { recorder, registry } = ctx;
  safely(installToStringMask);
  safely(() => {
    // One tap for both: it wraps EventTarget.prototype.add/removeEventListener once.
    const tap = new ListenerTap(recorder);
    ctx.tap = tap;
    safely(() => (ctx.ws = hookWebSocket(recorder, registry, tap)));
    safely(() => hookEventSource(recorder, registry, tap));
  });
  safely(() => hookFetch(recorder, registry));
  safely(() => hookXhr(recorder, registry));
}
