// Context: node (demo server). Scenario "notifications" (消息提醒) on long polling (长轮询/comet).
// The request is held until a notification exists or the timeout fires (204), exactly the
// "hang the request, answer on change or timeout" cycle the article describes.

import { sendJson, sendText, NO_STORE } from './http-util.mjs';
import { randInt } from './timing.mjs';

const TITLES = [
  ['New follower', 'Someone started following you.'],
  ['Comment', 'Your post got a new comment.'],
  ['Mention', 'You were mentioned in #general.'],
  ['Order shipped', 'Your order is on its way.'],
  ['Reminder', 'Stand-up meeting in 5 minutes.'],
  ['Security', 'New sign-in from a browser on this device.'],
];
const KEEP = 50;

/**
 * @typedef {{ id: number, title: string, text: string, ts: number }} Notification
 * @typedef {{ since: number, res: import('node:http').ServerResponse, timer: NodeJS.Timeout | undefined }} Waiter
 */

/** @param {import('./context.mjs').DemoContext} ctx */
export function createLongPoll(ctx) {
  /** @type {Notification[]} */
  const notifications = [];
  /** @type {Set<Waiter>} */
  const waiters = new Set();
  let lastId = 0;

  const produce = () => {
    const [title, text] = TITLES[lastId % TITLES.length];
    notifications.push({ id: ++lastId, title, text, ts: Date.now() });
    if (notifications.length > KEEP) notifications.shift();
    ctx.stats.notificationsProduced++;
    for (const w of [...waiters]) answer(w, newerThan(w.since));
    schedule();
  };
  const schedule = () => ctx.sched.timeout(produce, randInt(ctx.timing.notifyMinMs, ctx.timing.notifyMaxMs));
  schedule();

  /** @param {number} since */
  const newerThan = (since) => notifications.filter((n) => n.id > since);

  /**
   * @param {Waiter} w
   * @param {Notification[] | null} list null = timeout (204)
   */
  const answer = (w, list) => {
    if (!waiters.delete(w)) return;
    ctx.stats.longPollsWaiting--;
    ctx.sched.clear(w.timer);
    if (list && list.length) sendJson(w.res, 200, list);
    else {
      w.res.writeHead(204, NO_STORE);
      w.res.end();
    }
  };

  /**
   * GET /api/notifications/wait?since=<id>
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   */
  function handleWait(req, res, url) {
    ctx.stats.longPolls++;
    let since = Number.parseInt(url.searchParams.get('since') ?? '0', 10);
    if (!Number.isFinite(since) || since < 0) since = 0;
    // A client that knows ids from a previous server run would otherwise wait forever.
    if (since > lastId) since = lastId;

    if (ctx.flaky.on && Math.random() < ctx.timing.flaky502Rate) {
      ctx.stats.longPoll502s++;
      const t = ctx.sched.timeout(() => {
        if (!res.writableEnded && !res.destroyed) sendText(res, 502, 'Bad Gateway (PushLens demo flaky mode)');
      }, ctx.timing.flaky502DelayMs);
      res.on('close', () => ctx.sched.clear(t));
      return;
    }

    const ready = newerThan(since);
    if (ready.length) {
      sendJson(res, 200, ready);
      return;
    }
    /** @type {Waiter} */
    const w = { since, res, timer: undefined };
    w.timer = ctx.sched.timeout(() => answer(w, null), ctx.timing.longPollTimeoutMs);
    waiters.add(w);
    ctx.stats.longPollsWaiting++;
    // Client aborted (AbortController, page unload): forget the waiter and its timer.
    res.on('close', () => {
      if (waiters.delete(w)) {
        ctx.stats.longPollsWaiting--;
        ctx.sched.clear(w.timer);
      }
    });
  }

  function close() {
    for (const w of waiters) w.res.destroy();
    waiters.clear();
    ctx.stats.longPollsWaiting = 0;
  }

  return { handleWait, close };
}
