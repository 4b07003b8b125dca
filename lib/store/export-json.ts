// Context: panel. Exports the session as JSON: channels, connections and every frame with its
// preview, so a bug report can carry exactly what the panel showed. With `redact` (the same
// "Redact secrets" switch as HAR, on by default) every field where a secret can sit goes through
// the rules of lib/har/redact.ts.
import type { Session } from './session';
import type { Connection } from './session-types';
import { DIR_OUT, FLAG_INJECTED, FLAG_SENT } from './frame-store';
import { redactBody, redactHeaders, redactJsonValue, redactProtocols, redactText, redactUrl } from '../har/redact';
import { payloadOf } from './whole-payloads';

export interface JsonExportOptions {
  redact: boolean;
}

function redactConnection(c: Connection): Connection {
  const out: Connection = { ...c, url: redactUrl(c.url) };
  if (c.protocol !== undefined) out.protocol = redactProtocols([c.protocol])[0];
  if (c.protocols) out.protocols = redactProtocols(c.protocols);
  if (c.stack !== undefined) out.stack = redactText(c.stack);
  if (c.close) out.close = { ...c.close, reason: redactText(c.close.reason) };
  if (c.http) {
    const h = c.http;
    out.http = {
      ...h,
      url: redactUrl(h.url),
      requestHeaders: redactHeaders(h.requestHeaders),
      responseHeaders: h.responseHeaders && redactHeaders(h.responseHeaders),
      requestBody: h.requestBody === undefined ? undefined : redactBody(h.requestBody),
      body: h.body === undefined || h.bodyBinary ? h.body : redactBody(h.body),
      statusText: h.statusText === undefined ? undefined : redactText(h.statusText),
      error: h.error === undefined ? undefined : redactText(h.error),
    };
  }
  return out;
}

export function exportSessionJson(session: Session, options: JsonExportOptions = { redact: true }): string {
  const f = session.frames;
  const redact = options.redact;
  const frames = [];
  let truncatedFrames = 0;
  for (let i = 0; i < f.count; i++) {
    // Whole when the panel has the whole payload (whole-payloads.ts), else the preview marked truncated.
    const payload = payloadOf(session, i);
    if (payload.cut) truncatedFrames++;
    const binary = payload.binary;
    const event = f.eventName(i);
    frames.push({
      time: f.time[i],
      channel: f.channel[i],
      connection: f.connection[i],
      dir: f.dir[i] === DIR_OUT ? 'out' : 'in',
      event: redact ? redactText(event) : event,
      size: f.size[i],
      status: f.status[i] || undefined,
      binary,
      truncated: payload.cut,
      synthetic: f.flags[i] & FLAG_SENT ? 'sent' : f.flags[i] & FLAG_INJECTED ? 'injected' : undefined,
      preview: redact && !binary ? redactBody(payload.data) : payload.data,
    });
  }
  const doc = {
    format: 'pushlens-session',
    version: 1,
    exportedAt: new Date().toISOString(),
    redacted: redact,
    // Frames known only in part (`truncated: true`, `size` = true size, `preview` = the first part).
    truncatedFrames,
    channels: session.channels.map((c) => ({
      index: c.index,
      kind: c.kind,
      url: redact ? redactUrl(c.url) : c.url,
      method: c.method,
      connections: c.connections,
      poll: c.poll,
    })),
    connections: redact ? session.connections.map(redactConnection) : session.connections,
    drops: session.drops,
    frames,
  };
  // Field by field above; then every remaining string of the document by the text rules, so a
  // field added later cannot leak by being forgotten here.
  return JSON.stringify(redact ? redactJsonValue(doc) : doc, null, 1);
}
