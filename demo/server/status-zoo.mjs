// Context: node (demo server). The "status zoo": endpoints that answer a chosen HTTP status, so
// PushLens's inline explanations (the article's status-code list) can be seen on real traffic.

import { STATUS_CODES } from 'node:http';
import { sendText, NO_STORE } from './http-util.mjs';

const EXPLAIN = {
  200: 'OK: the server handled the request.',
  204: 'No Content: success, nothing to send. An EventSource stops reconnecting on 204.',
  301: 'Moved Permanently: the resource has a new URL.',
  302: 'Found: the resource is temporarily at another URL.',
  303: 'See Other: fetch the result from another URL with GET.',
  304: 'Not Modified: your cached copy is still good.',
  400: 'Bad Request: the server did not understand the request.',
  401: 'Unauthorized: authentication is required.',
  403: 'Forbidden: the server refuses the request.',
  404: 'Not Found: nothing at this URL.',
  429: 'Too Many Requests: slow down, see Retry-After.',
  500: 'Internal Server Error: the server failed.',
  502: 'Bad Gateway: an upstream server failed.',
  503: 'Service Unavailable: overloaded or in maintenance, see Retry-After.',
};

/**
 * Headers a status needs to be realistic. 401 uses a Bearer challenge on purpose: a Basic
 * challenge would make the browser pop up a login dialog in the middle of the demo.
 * @param {number} code
 * @param {string} redirectTo
 */
function extraHeaders(code, redirectTo) {
  /** @type {Record<string, string>} */
  const h = {};
  if (code === 429 || code === 503) h['Retry-After'] = '2';
  if (code === 401) h['WWW-Authenticate'] = 'Bearer realm="pushlens-demo"';
  if ([301, 302, 303, 307, 308].includes(code)) h.Location = redirectTo;
  return h;
}

/** @param {string} s */
function parseCode(s) {
  const code = Number.parseInt(s, 10);
  return String(code) === s && code >= 200 && code <= 599 ? code : null;
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} code
 * @param {string} redirectTo
 */
function answer(res, code, redirectTo) {
  const headers = { ...extraHeaders(code, redirectTo) };
  if (code === 204 || code === 304) {
    res.writeHead(code, { ...NO_STORE, ...headers });
    res.end();
    return;
  }
  // @ts-ignore -- index by number is fine for this small table
  const text = `${code} ${STATUS_CODES[code] ?? 'Unknown'}. ${EXPLAIN[code] ?? ''}`.trim() + '\n';
  sendText(res, code, text, headers);
}

/**
 * GET /status/:code
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} codeText
 */
export function handleStatus(req, res, codeText) {
  const code = parseCode(codeText);
  if (code === null) return sendText(res, 400, 'Use /status/<code> with a code from 200 to 599.\n');
  answer(res, code, '/status/200');
}

/**
 * GET /sse/status/:code — what an EventSource sees when the server answers something unusual.
 * `200` sends one event and ends (the browser reconnects); `wrong-type` is a 200 that is not
 * text/event-stream (the browser fails the connection and does not retry).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} codeText
 */
export function handleSseStatus(req, res, codeText) {
  if (codeText === 'wrong-type') {
    return sendText(res, 200, 'This is text/plain, not text/event-stream.\n');
  }
  const code = parseCode(codeText);
  if (code === null) return sendText(res, 400, 'Use /sse/status/<code> or /sse/status/wrong-type.\n');
  if (code === 200) {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', ...NO_STORE });
    res.end('retry: 2000\nid: 1\ndata: {"note":"one event, then the stream ends"}\n\n');
    return;
  }
  answer(res, code, '/sse/prices');
}
