// Context: node (demo server). LLM-style answer streamed over a fetch() POST as text/event-stream.
// Why: modern chat UIs stream tokens with fetch + ReadableStream (not EventSource, which cannot
// POST). The server counts streams the client cancelled early, so tests can prove that a
// reader.cancel() in the page really reached the network even with PushLens hooks installed.

import { readJson, sendJson } from './http-util.mjs';
import { randInt } from './timing.mjs';

const ANSWERS = {
  websocket:
    'WebSocket starts as an HTTP request that upgrades with status 101. After that both sides send frames whenever they like, text or binary, until one side sends a close frame with a code.',
  sse: 'Server-Sent Events keep one HTTP response open and push text events down it. The browser reconnects by itself and sends Last-Event-ID so the server can resume where it stopped.',
  poll: 'Short polling asks the server on a timer and most answers are unchanged. Long polling holds each request until there is news or a timeout, then the client asks again at once.',
  default:
    'There are four common ways to push data to a page: short polling, long polling, Server-Sent Events and WebSocket. Pick the simplest one that meets your latency and direction needs.',
};

/**
 * Splits an answer into word tokens (leading space kept, like real tokenizers) and keeps 20–40.
 * @param {string} prompt
 */
export function answerTokens(prompt) {
  const p = prompt.toLowerCase();
  const text = /websocket|ws\b|socket/.test(p)
    ? ANSWERS.websocket
    : /sse|event ?source|server-sent/.test(p)
      ? ANSWERS.sse
      : /poll/.test(p)
        ? ANSWERS.poll
        : ANSWERS.default;
  const words = text.split(' ');
  const n = Math.min(words.length, randInt(20, 40));
  return words.slice(0, n).map((w, i) => (i === 0 ? w : ` ${w}`));
}

/** @param {import('./context.mjs').DemoContext} ctx */
export function createLlmStream(ctx) {
  /** @type {Set<import('node:http').ServerResponse>} */
  const open = new Set();

  /**
   * POST /api/chat/stream  body {prompt}
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function handleStream(req, res) {
    /** @type {any} */
    let body;
    try {
      body = await readJson(req);
    } catch {
      sendJson(res, 413, { error: 'body too large' });
      return;
    }
    if (ctx.sched.closed || res.destroyed) return;
    const prompt = typeof body?.prompt === 'string' ? body.prompt : '';
    const tokens = answerTokens(prompt);
    let i = 0;
    let finished = false;
    /** @type {NodeJS.Timeout | undefined} */
    let timer;

    ctx.stats.streamsOpened++;
    open.add(res);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });

    const step = () => {
      if (res.destroyed) return;
      if (i < tokens.length) {
        res.write(`data: ${JSON.stringify({ token: tokens[i++] })}\n\n`);
        timer = ctx.sched.timeout(step, randInt(ctx.timing.llmTokenMinMs, ctx.timing.llmTokenMaxMs));
        return;
      }
      finished = true;
      ctx.stats.streamsFinished++;
      res.end(`event: done\ndata: ${JSON.stringify({ tokens: tokens.length })}\n\n`);
    };

    res.on('close', () => {
      ctx.sched.clear(timer);
      open.delete(res);
      if (!finished) ctx.stats.streamsClosedEarly++;
    });
    step();
  }

  return {
    handleStream,
    close() {
      for (const res of open) res.destroy();
    },
  };
}
