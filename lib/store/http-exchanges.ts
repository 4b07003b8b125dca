// Context: panel (and the standalone viewer). A channel's plain HTTP requests as the polling
// classifier and the advisor read them: one conversion, so both see the same exchanges.
import type { HttpExchange } from '../model/types';
import type { Connection } from './session-types';

/** The request/response exchanges among these connections (event streams are not polls). */
export function httpExchanges(connections: readonly Connection[], indices: Iterable<number>): HttpExchange[] {
  const exchanges: HttpExchange[] = [];
  for (const i of indices) {
    const h = connections[i].http;
    if (!h || h.eventStream) continue;
    exchanges.push({
      id: String(i),
      method: h.method,
      url: h.url,
      start: h.start,
      responseAt: h.responseAt,
      end: h.end,
      status: h.status,
      size: h.size,
      bodyHash: h.bodyHash,
      requestBody: h.requestBody,
      outcome: h.outcome,
    });
  }
  return exchanges;
}
