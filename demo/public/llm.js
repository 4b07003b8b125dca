// Context: demo page (browser). LLM-style answer streamed with fetch() + ReadableStream reader.
// EventSource cannot POST, so chat UIs parse text/event-stream by hand like this. "Stop" calls
// reader.cancel(): PushLens must let that cancellation reach the server (the server counts it).

import { bump, setText } from './counters.js';

const PROMPTS = ['How does WebSocket work?', 'What is SSE good for?', 'Short polling or long polling?', 'Which push technique should I use?'];
const FIRST_ASK_MS = 1000;
const ASK_EVERY_MS = 10000;

/**
 * @typedef {object} Job
 * @property {AbortController} controller  aborts while waiting for response headers
 * @property {ReadableStreamDefaultReader<Uint8Array> | null} reader  cancelled once streaming
 * @property {boolean} cancelled
 * @property {Promise<void>} done
 */

export function createLlm() {
  const answer = /** @type {HTMLElement} */ (document.getElementById('llm-answer'));
  const input = /** @type {HTMLInputElement} */ (document.getElementById('llm-prompt'));
  /** @type {Job | null} */
  let current = null;
  let next = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let firstTimer;
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let everyTimer;

  /**
   * One SSE block ("event: x\ndata: y"). Returns true for the `done` event.
   * @param {string} block
   */
  function handleBlock(block) {
    let type = 'message';
    /** @type {string[]} */
    const data = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) return false; // per the SSE rules, no data = no event
    bump('llm');
    if (type === 'done') return true;
    try {
      const { token } = JSON.parse(data.join('\n'));
      if (typeof token === 'string') answer.append(token); // a text node, never HTML
    } catch {
      /* ignore malformed */
    }
    return false;
  }

  /** @param {Job} job @param {string} prompt */
  async function run(job, prompt) {
    answer.textContent = '';
    setText('state-llm', 'asking…');
    let finished = false;
    try {
      const res = await fetch('/api/chat/stream', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify({ prompt }),
        signal: job.controller.signal,
      });
      if (!res.ok || !res.body) {
        setText('state-llm', `HTTP ${res.status}`);
        return;
      }
      const reader = res.body.getReader();
      job.reader = reader;
      setText('state-llm', 'streaming…');
      const decoder = new TextDecoder();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += decoder.decode(value, { stream: true });
        let end;
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, end);
          buf = buf.slice(end + 2);
          if (handleBlock(block)) finished = true;
        }
      }
      setText('state-llm', finished ? 'done' : job.cancelled ? 'stopped' : 'stream ended early');
    } catch (err) {
      setText('state-llm', job.cancelled ? 'stopped' : `error: ${/** @type {Error} */ (err).message}`);
    } finally {
      if (current === job) current = null;
    }
  }

  /** Cancels the stream in flight (reader.cancel() once streaming) and waits until it settled. */
  async function stopAsk() {
    const job = current;
    if (!job) return;
    job.cancelled = true;
    if (job.reader) await job.reader.cancel('stopped by user').catch(() => {});
    else job.controller.abort();
    await job.done;
  }

  /**
   * Streams one answer; resolves when it finished or was stopped (never rejects).
   * @param {string} prompt
   */
  async function ask(prompt) {
    // A loop, not one await: two overlapping ask() calls must not leave an orphaned stream.
    while (current) await stopAsk();
    /** @type {Job} */
    const job = { controller: new AbortController(), reader: null, cancelled: false, done: Promise.resolve() };
    current = job;
    job.done = run(job, prompt);
    await job.done;
  }

  function askNext() {
    const prompt = PROMPTS[next++ % PROMPTS.length];
    input.value = prompt;
    void ask(prompt);
  }

  return {
    ask,
    stopAsk,
    /** Auto mode: first question after 1 s, then one every ~10 s unless one is still streaming. */
    start() {
      if (firstTimer || everyTimer) return;
      firstTimer = setTimeout(() => {
        askNext();
        everyTimer = setInterval(() => {
          if (!current) askNext();
        }, ASK_EVERY_MS);
      }, FIRST_ASK_MS);
    },
    async stop() {
      clearTimeout(firstTimer);
      clearInterval(everyTimer);
      firstTimer = undefined;
      everyTimer = undefined;
      await stopAsk();
    },
  };
}
