// Context: pure (panel + model), no browser APIs.
// GraphQL over WebSocket, both dialects: `graphql-transport-ws` (the graphql-ws library) and the
// older Apollo `subscriptions-transport-ws`, whose subprotocol is confusingly named `graphql-ws`.
// The message type sets differ (subscribe/next vs start/data), which is how detection tells them
// apart when the subprotocol is missing.

import type { Correlation, DecodedFrame, FrameDecoder, JsonObject, JsonValue } from './types';
import { isRecord, parseJson, preview, share, textOf } from './util';

const MODERN = new Set(['connection_init', 'connection_ack', 'ping', 'pong', 'subscribe', 'next', 'error', 'complete']);
const LEGACY = new Set([
  'connection_init',
  'connection_ack',
  'connection_error',
  'ka',
  'start',
  'data',
  'error',
  'complete',
  'stop',
  'connection_terminate',
]);

function correlationOf(type: string, dir: 'in' | 'out'): Correlation {
  if (type === 'subscribe' || type === 'start') return 'request';
  if (type === 'next' || type === 'data') return 'response';
  if (type === 'complete') return dir === 'in' ? 'response' : 'request';
  if (type === 'error' || type === 'connection_error') return 'error';
  return 'event';
}

/** `subscription OnGreeting`, or the first selected field for anonymous operations. */
export function operationLabel(payload: JsonValue | undefined): string {
  if (!isRecord(payload)) return '';
  const query = typeof payload.query === 'string' ? payload.query : '';
  const m = /^\s*(query|mutation|subscription)\b\s*([_A-Za-z][_0-9A-Za-z]*)?/.exec(query);
  const kind = m?.[1] ?? (query.trim().startsWith('{') ? 'query' : '');
  const name = typeof payload.operationName === 'string' ? payload.operationName : m?.[2];
  if (name) return `${kind} ${name}`.trim();
  const field = /\{\s*([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1];
  return `${kind}${field ? ` {${field}}` : ''}`.trim();
}

function makeDecoder(id: 'graphql-ws' | 'subscriptions-transport-ws', types: Set<string>, subprotocol: string): FrameDecoder {
  const parse = (text: string | undefined): JsonObject | null => {
    if (text === undefined) return null;
    const v = parseJson(text);
    if (!isRecord(v) || typeof v.type !== 'string' || !types.has(v.type)) return null;
    return v as JsonObject;
  };
  return {
    id,
    name: id === 'graphql-ws' ? 'GraphQL over WebSocket (graphql-transport-ws)' : 'GraphQL subscriptions-transport-ws (Apollo, legacy)',
    detect(sample) {
      if (sample.length === 0) return 0;
      if (sample[0].subprotocol === subprotocol) return 1;
      const msgs = sample.map((f) => parse(textOf(f)));
      const ok = share(msgs, (m) => m !== null);
      if (ok < 0.9) return 0;
      // Only the dialect-specific types prove which one this is.
      const own = id === 'graphql-ws' ? ['subscribe', 'next', 'ping', 'pong'] : ['start', 'data', 'ka', 'stop'];
      const distinctive = msgs.some((m) => m !== null && own.includes(String(m.type)));
      return distinctive ? 0.85 : 0.4;
    },
    decode(frame) {
      const m = parse(textOf(frame));
      if (!m) return null;
      const type = String(m.type);
      const opId = typeof m.id === 'string' || typeof m.id === 'number' ? String(m.id) : undefined;
      const bits = [type];
      if (opId !== undefined) bits.push(`#${opId}`);
      if (type === 'subscribe' || type === 'start') bits.push(operationLabel(m.payload));
      else if (type === 'next' || type === 'data') bits.push(preview(isRecord(m.payload) && 'data' in m.payload ? m.payload.data : m.payload));
      else if (type === 'error') bits.push(preview(m.payload));
      const decoded: DecodedFrame = {
        protocol: id,
        summary: bits.filter((b) => b !== '').join(' '),
        fields: m,
        messageType: type,
        correlation: correlationOf(type, frame.dir),
      };
      if (opId !== undefined) decoded.id = opId;
      return decoded;
    },
  };
}

export const graphqlWsDecoder = makeDecoder('graphql-ws', MODERN, 'graphql-transport-ws');
export const subscriptionsTransportWsDecoder = makeDecoder('subscriptions-transport-ws', LEGACY, 'graphql-ws');
