// Context: node (demo server). Scenario "likes & notices" (点赞、消息提醒) on short polling (短轮询).
// Why the data changes only on every Nth poll: the article's point about short polling is that
// most answers carry nothing new — PushLens's polling detector should see many identical bodies.

import { sendJson } from './http-util.mjs';
import { randInt } from './timing.mjs';

/** @param {import('./context.mjs').DemoContext} ctx */
export function createShortPoll(ctx) {
  const state = { likes: 128, notices: 3, version: 1 };

  /**
   * GET /api/likes?_=<timestamp>
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  function handleLikes(req, res) {
    ctx.stats.shortPolls++;
    if (ctx.stats.shortPolls % ctx.timing.likesChangeEvery === 0) {
      state.likes += randInt(1, 5);
      if (Math.random() < 0.5) state.notices += 1;
      state.version++;
    }
    const etag = `"v${state.version}"`;
    // Only honoured when a client sends If-None-Match on purpose; the page never does (it uses a
    // cache-buster and no-store), so by default every poll is a 200 with an identical body.
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    sendJson(res, 200, { ...state }, { ETag: etag });
  }

  return { handleLikes };
}
