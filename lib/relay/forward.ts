// Context: isolated-world content script (relay). What the relay passes on to the background from
// the page agent's port, made plain JSON data whatever the runtime Port's serialization is.
//
// Chrome's runtime Ports copy messages as JSON by default and by structured clone when the
// manifest says `message_serialization: "structured_clone"` (we do, for speed); Firefox always
// clones. A clone keeps what JSON would have flattened: cycles, Maps, Dates, typed arrays, NaN,
// undefined members. Everything downstream (background, panel, validators) is written for JSON
// data, so the relay hands it nothing else.
import { makeEnvelope, isPageToPanelMessage, type PageToPanelMessage } from '../protocol/envelope';
import { jsonCopy } from '../util/json-copy';

/**
 * `data` as the background may receive it, or undefined when it is not a page message. A packed
 * batch (every batch of a document or worker agent: one JSON string) is rebuilt from its known
 * fields, which costs nothing per record; any other message (hello, a command's result, small)
 * goes through a JSON round trip, as JSON messaging did.
 */
export function toForwarded(data: unknown): PageToPanelMessage | undefined {
  if (!isPageToPanelMessage(data)) return undefined;
  if (data.type === 'batch' && typeof data.packed === 'string' && data.records.length === 0)
    return { ...makeEnvelope('batch'), agentId: data.agentId, records: [], packed: data.packed };
  // A cycle or a BigInt gives undefined, refused here as JSON messaging refused it.
  const copy = jsonCopy(data);
  return isPageToPanelMessage(copy) ? copy : undefined;
}
