// Context: demo page (browser). Scenario "likes & notices" (点赞、消息提醒) on short polling.
// Uses XMLHttpRequest on purpose (the article's example, and so PushLens sees XHR as well as fetch).
// setTimeout after each response rather than setInterval: a slow answer never piles up requests.

import { bump, setText } from './counters.js';

const PERIOD_MS = 1000;

export function createShortPoll() {
  let running = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {XMLHttpRequest | null} */
  let xhr = null;
  /** @type {Promise<unknown> | null} */
  let settled = null;
  let lastBody = '';
  let changed = 0;
  let same = 0;

  function poll() {
    timer = undefined;
    if (!running) return;
    const req = new XMLHttpRequest();
    xhr = req;
    settled = new Promise((resolve) => req.addEventListener('loadend', resolve, { once: true }));
    // Cache-buster: the classic short-polling idiom, which PushLens must still group as one poller.
    req.open('GET', `/api/likes?_=${Date.now()}`);
    req.onload = () => {
      bump('short-poll'); // any HTTP status counts as a response received
      if (req.status !== 200) return;
      const body = req.responseText;
      if (body === lastBody) same++;
      else changed++;
      lastBody = body;
      setText('sp-changed', changed);
      setText('sp-same', same);
      try {
        const data = JSON.parse(body);
        setText('likes', data.likes);
        setText('notices', data.notices);
      } catch {
        /* keep the previous values */
      }
    };
    req.onloadend = () => {
      if (xhr === req) xhr = null;
      // Network errors back off a little so a stopped server is not hammered.
      if (running) timer = setTimeout(poll, req.status === 0 ? PERIOD_MS * 2 : PERIOD_MS);
    };
    req.send();
  }

  return {
    start() {
      if (running) return;
      running = true;
      poll();
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      timer = undefined;
      const req = xhr;
      const done = settled;
      if (req) {
        req.abort();
        await done;
      }
    },
  };
}
