// Context: pure (panel + model), no browser APIs.
// Applies the redaction rules (redact.ts) to a whole HAR after it is built, field by field, so no
// export path can forget a place: URLs, query lists, headers, bodies, WebSocket and SSE messages,
// subprotocols, close reasons, errors and the page title.
import { REDACTED, redactBody, redactHeaderValue, redactProtocols, redactText, redactUrl } from './redact';
import type { Har, HarEntry, HarNameValue } from './types';

const pairs = (list: HarNameValue[]): HarNameValue[] => list.map(({ name, value }) => ({ name, value: redactHeaderValue(name, value) }));

function redactEntry(e: HarEntry): HarEntry {
  const req = e.request;
  const res = e.response;
  const out: HarEntry = {
    ...e,
    request: {
      ...req,
      url: redactUrl(req.url),
      headers: pairs(req.headers),
      cookies: req.cookies.map(({ name }) => ({ name, value: REDACTED })),
      queryString: [],
    },
    response: {
      ...res,
      headers: pairs(res.headers),
      cookies: res.cookies.map(({ name }) => ({ name, value: REDACTED })),
      redirectURL: redactText(res.redirectURL),
      content: { ...res.content },
    },
  };
  try {
    out.request.queryString = [...new URL(out.request.url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    out.request.queryString = req.queryString.map(({ name, value }) => ({ name, value: redactHeaderValue(name, value) }));
  }
  if (req.postData) out.request.postData = { ...req.postData, text: redactBody(req.postData.text) };
  if (res.content.text !== undefined && res.content.encoding !== 'base64') out.response.content.text = redactBody(res.content.text);
  if (res._error !== undefined) out.response._error = redactText(res._error);
  if (e._webSocketMessages)
    out._webSocketMessages = e._webSocketMessages.map((m) => (m.opcode === 2 ? { ...m } : { ...m, data: redactBody(m.data) }));
  if (e._eventSourceMessages)
    out._eventSourceMessages = e._eventSourceMessages.map((m) => ({
      ...m,
      eventName: redactText(m.eventName),
      eventId: redactText(m.eventId),
      data: redactBody(m.data),
    }));
  if (e._pushlens) {
    const p = { ...e._pushlens };
    if (p.protocol !== undefined) p.protocol = redactProtocols([p.protocol])[0];
    if (p.protocols) p.protocols = redactProtocols(p.protocols);
    if (p.close) p.close = { ...p.close, reason: redactText(p.close.reason) };
    out._pushlens = p;
  }
  return out;
}

export function redactHar(har: Har): Har {
  return {
    log: {
      ...har.log,
      pages: har.log.pages.map((p) => ({ ...p, title: redactText(p.title) })),
      entries: har.log.entries.map(redactEntry),
      comment: [
        `Secrets redacted by PushLens (shown as ${REDACTED}): credentials in URLs, headers, cookies, subprotocols and secret-named fields of payloads.`,
        ...(har.log.comment ? [har.log.comment] : []),
      ].join(' '),
    },
  };
}
