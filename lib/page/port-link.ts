// Context: page (MAIN world), at document_start. Hands a private MessagePort to the relay (the
// isolated content script). Both content scripts run before any page script, in either order:
//  - relay first: it listens for CONNECT, then fires RELAY_READY (nobody hears it); we fire CONNECT.
//  - agent first: our CONNECT goes unheard; we listen for RELAY_READY and fire CONNECT again.
// The relay marks the CONNECT event handled with preventDefault; both sides then remove their
// listeners, so page scripts, which run later, find nobody to talk to. The port itself lives only
// in closures: the page never sees it, so it can neither read captured data nor forge commands.
import { CONNECT_EVENT, RELAY_READY_EVENT, beforePageScripts } from '../protocol/handshake';
import { natives, call, safely } from './natives';

export interface RelayLink {
  post(message: unknown): void;
  connected(): boolean;
}

export function linkToRelay(onMessage: (message: unknown) => void): RelayLink {
  const Channel = natives.MessageChannelCtor;
  const Event = natives.MessageEventCtor;
  if (!Channel || !Event || !natives.portPostMessage) return { post() {}, connected: () => false };
  const channel = new Channel();
  const ours = channel.port1;
  let delivered = false;

  // The native data getter: a page that replaces MessageEvent.prototype.data must not get to
  // answer for our port's messages (it would hand us forged commands).
  const getData = natives.getOwnPropertyDescriptor(MessageEvent.prototype, 'data')!.get!;
  ours.onmessage = (e: MessageEvent) => safely(() => onMessage(call(getData, e)));

  const offer = () => {
    if (delivered) return;
    const event = new Event(CONNECT_EVENT, { ports: [channel.port2], cancelable: true });
    // dispatchEvent returns false when a listener (the relay) called preventDefault.
    delivered = !call(natives.dispatchEvent, window, event);
    if (delivered) call(natives.removeEventListener, window, RELAY_READY_EVENT, onRelayReady, true);
  };
  const onRelayReady = () => {
    // After the first page script could have run, a RELAY_READY is not the relay's: ignore it.
    if (beforePageScripts()) offer();
  };
  call(natives.addEventListener, window, RELAY_READY_EVENT, onRelayReady, true);
  offer();
  // If no relay answered during document_start, none will: stop listening so a page script cannot
  // pose as the relay and get our port.
  natives.setTimeout(() => call(natives.removeEventListener, window, RELAY_READY_EVENT, onRelayReady, true), 0);

  return {
    post(message) {
      if (!delivered) return;
      try {
        call(natives.portPostMessage!, ours, message);
      } catch {
        /* a record that cannot be cloned is dropped by the sender; seq gaps reveal it */
      }
    },
    connected: () => delivered,
  };
}
