// Context: pure (panel + model), no browser APIs.
// JSON-RPC 2.0 (used raw over WebSocket by Ethereum nodes, LSP bridges, MCP, many trading APIs).
// Ids are chosen by whichever side sends the request, so the pairing key says which side that was.
// Batches are decoded; their first member names the row.

import type { Correlation, DecodedFrame, FrameDecoder, JsonObject, JsonValue } from './types';
import { isRecord, parseJson, preview, share, textOf } from './util';

function isRpc(v: JsonValue): v is JsonObject {
  return isRecord(v) && v.jsonrpc === '2.0' && ('method' in v || 'result' in v || 'error' in v);
}

function parse(text: string | undefined): JsonObject[] | null {
  if (text === undefined) return null;
  const v = parseJson(text);
  if (v === undefined) return null;
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0 || !list.every(isRpc)) return null;
  return list as JsonObject[];
}

function describe(m: JsonObject, dir: 'in' | 'out'): { summary: string; type: string; id?: string; correlation: Correlation } {
  const hasId = m.id !== undefined && m.id !== null;
  const idStr = hasId ? JSON.stringify(m.id) : '';
  if (typeof m.method === 'string') {
    if (!hasId) return { summary: `notify ${m.method} ${preview(m.params)}`.trimEnd(), type: 'notification', correlation: 'event' };
    return {
      summary: `call ${m.method} #${idStr} ${preview(m.params)}`.trimEnd(),
      type: 'request',
      id: `${idStr}${dir === 'out' ? '>' : '<'}`,
      correlation: 'request',
    };
  }
  const requester = dir === 'in' ? '>' : '<';
  if ('error' in m) {
    const e = m.error;
    const msg = isRecord(e) ? `${String(e.code)} ${String(e.message)}` : preview(e);
    return { summary: `error #${idStr} ${msg}`, type: 'error', id: hasId ? `${idStr}${requester}` : undefined, correlation: 'error' };
  }
  return {
    summary: `result #${idStr} ${preview(m.result)}`,
    type: 'response',
    id: hasId ? `${idStr}${requester}` : undefined,
    correlation: 'response',
  };
}

export const jsonRpcDecoder: FrameDecoder = {
  id: 'json-rpc',
  name: 'JSON-RPC 2.0',
  detect(sample) {
    if (sample.length === 0) return 0;
    const ok = share(sample, (f) => parse(textOf(f)) !== null);
    // "jsonrpc":"2.0" on (nearly) every frame is a very specific marker.
    return ok >= 0.9 ? 0.9 : 0;
  },
  decode(frame) {
    const list = parse(textOf(frame));
    if (!list) return null;
    const d = describe(list[0], frame.dir);
    const out: DecodedFrame = {
      protocol: 'json-rpc',
      summary: list.length > 1 ? `batch ×${list.length}: ${d.summary}` : d.summary,
      fields: list.length > 1 ? list : list[0],
      messageType: list.length > 1 ? 'batch' : d.type,
      correlation: d.correlation,
    };
    if (list.length === 1 && d.id !== undefined) out.id = d.id;
    return out;
  },
};
