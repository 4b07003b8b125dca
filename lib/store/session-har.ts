// Context: panel (and the standalone viewer). Converts between the panel's Session and the HAR
// module's plain structure: export of the session (or of chosen channels), and records that
// rebuild a Session from an imported file, so channels, timeline, decoders and advisor all work
// offline on what was imported.
import type { HarConnection, HarExportInput } from '../har';
import type { CaptureRecord, UnsequencedRecord } from '../protocol/records';
import type { Session } from './session';
import { DIR_OUT, FLAG_BINARY, FLAG_HTTP } from './frame-store';
import { utf8Length } from '../util/text';
import { payloadOf } from './whole-payloads';
import { base64Size } from '../util/bytes';

export function sessionToHarInput(session: Session, channels?: Set<number>, pageUrl?: string): HarExportInput {
  const f = session.frames;
  const byConnection = new Map<number, number[]>();
  for (let i = 0; i < f.count; i++) {
    if (f.flags[i] & FLAG_HTTP) continue;
    const c = f.connection[i];
    let rows = byConnection.get(c);
    if (!rows) byConnection.set(c, (rows = []));
    rows.push(i);
  }
  // The whole payload when the panel has it (never cut, or fetched from the page: whole-payloads.ts);
  // a frame known only in part goes out with its true size, so the file never passes it off as whole.
  const payload = (i: number) => {
    const p = payloadOf(session, i);
    return p.cut ? { data: p.data, truncatedSize: f.size[i] } : { data: p.data };
  };
  const connections: HarConnection[] = [];
  for (const c of session.connections) {
    if (channels && !channels.has(c.channel)) continue;
    const rows = byConnection.get(c.index) ?? [];
    const out: HarConnection = {
      api: c.api,
      url: c.url,
      createdAt: c.createdAt,
      openedAt: c.openedAt,
      closedAt: c.closedAt,
      protocol: c.protocol,
      protocols: c.protocols?.length ? c.protocols : undefined,
      handshakeStatus: c.handshakeStatus,
      close: c.close ? { code: c.close.code, reason: c.close.reason, wasClean: c.close.wasClean } : undefined,
      errored: c.errored,
    };
    if (c.api === 'ws') {
      out.frames = rows.map((i) => ({
        time: f.time[i],
        dir: f.dir[i] === DIR_OUT ? 'out' : 'in',
        opcode: f.flags[i] & FLAG_BINARY ? 2 : 1,
        ...payload(i),
      }));
    } else {
      if (c.http) out.http = { ...c.http };
      if (c.api === 'sse' || c.http?.eventStream)
        out.events = rows.map((i) => ({
          time: f.time[i],
          event: f.eventName(i),
          id: session.sseIds.get(i) ?? '',
          ...payload(i),
        }));
    }
    connections.push(out);
  }
  return { pageUrl, connections };
}

/** Capture records that replay an imported file into a Session, in time order, numbered from 1. */
export function harInputToRecords(data: HarExportInput): CaptureRecord[] {
  const out: UnsequencedRecord[] = [];
  data.connections.forEach((c, k) => connectionRecords(c, k + 1, out));
  // Stable sort by time keeps each connection's own order (create before frames before close).
  const sorted = out.map((r, i) => ({ r, i })).sort((a, b) => a.r.t - b.r.t || a.i - b.i);
  return sorted.map(({ r }, i) => ({ ...r, seq: i + 1 }) as CaptureRecord);
}

/** Appends the records of one imported connection (agent connection id `conn`), in its own order. */
export function connectionRecords(c: HarConnection, conn: number, out: UnsequencedRecord[]): void {
  {
    const t0 = c.createdAt;
    if (c.api === 'ws') {
      out.push({ type: 'ws-create', t: t0, conn, url: c.url, protocols: c.protocols ?? (c.protocol ? [c.protocol] : []) });
      if (c.openedAt !== undefined) out.push({ type: 'ws-open', t: c.openedAt, conn, protocol: c.protocol ?? '', extensions: '' });
      for (const fr of c.frames ?? []) {
        const binary = fr.opcode === 2;
        out.push({
          type: 'ws-frame',
          t: fr.time,
          conn,
          dir: fr.dir,
          payload: {
            data: fr.data,
            binary,
            size: fr.truncatedSize ?? (binary ? base64Size(fr.data) : utf8Length(fr.data)),
            truncated: fr.truncatedSize !== undefined,
          },
        });
      }
      if (c.close)
        out.push({
          type: 'ws-close',
          t: c.closedAt ?? t0,
          conn,
          code: c.close.code,
          reason: c.close.reason,
          wasClean: c.close.wasClean,
          by: 'server',
        });
      else if (c.errored) out.push({ type: 'ws-error', t: c.closedAt ?? t0, conn });
    } else if (c.api === 'sse') {
      out.push({ type: 'sse-create', t: t0, conn, url: c.url, withCredentials: false });
      if (c.openedAt !== undefined) out.push({ type: 'sse-open', t: c.openedAt, conn });
      for (const e of c.events ?? [])
        out.push({
          type: 'sse-event',
          t: e.time,
          conn,
          event: e.event || 'message',
          id: e.id,
          payload: { data: e.data, binary: false, size: e.truncatedSize ?? utf8Length(e.data), truncated: e.truncatedSize !== undefined },
        });
      if (c.closedAt !== undefined)
        out.push(c.errored ? { type: 'sse-error', t: c.closedAt, conn, readyState: 2 } : { type: 'sse-close', t: c.closedAt, conn });
    } else if (c.http) {
      const h = c.http;
      out.push({
        type: 'http-request',
        t: h.start,
        conn,
        api: c.api === 'xhr' ? 'xhr' : 'fetch',
        method: h.method,
        url: h.url,
        headers: h.requestHeaders,
        body: h.requestBody === undefined ? undefined : { data: h.requestBody, binary: false, size: utf8Length(h.requestBody), truncated: false },
      });
      if (h.status !== undefined)
        out.push({
          type: 'http-response',
          t: h.responseAt ?? h.start,
          conn,
          status: h.status,
          statusText: h.statusText ?? '',
          headers: h.responseHeaders ?? [],
          url: h.url,
          eventStream: h.eventStream,
        });
      for (const e of c.events ?? [])
        out.push({
          type: 'sse-event',
          t: e.time,
          conn,
          event: e.event || 'message',
          id: e.id,
          payload: { data: e.data, binary: false, size: e.truncatedSize ?? utf8Length(e.data), truncated: e.truncatedSize !== undefined },
        });
      if (h.end !== undefined || h.outcome !== undefined) {
        out.push({
          type: 'http-end',
          t: h.end ?? h.responseAt ?? h.start,
          conn,
          size: h.size ?? 0,
          body: h.body === undefined ? undefined : { data: h.body, binary: !!h.bodyBinary, size: h.size ?? 0, truncated: !!h.bodyTruncated },
          bodyHash: h.bodyHash,
          outcome: h.outcome ?? 'ok',
          error: h.error,
        });
      }
    }
  }
}

/** Replaces the session's content with an imported file's connections. */
export function loadHarIntoSession(session: Session, data: HarExportInput, source: string): number {
  session.clear();
  const records = harInputToRecords(data);
  // Records of a file are numbered from 1 each time: an earlier import of the same name must not
  // make the agent skip them as already applied (the second import came out empty).
  session.agents.delete(`har:${source}`);
  session.ingest(-1, source, `har:${source}`, records);
  session.refreshPolling();
  return records.length;
}
