// Context: demo page (browser). Entry module: builds every scenario, wires the header controls and
// exposes `window.demo` for end-to-end tests (counts, stop/start, LLM ask, chat send).
// Query params: ?autostart=0 starts idle; ?flaky=1 turns server flaky mode on at load.

import { snapshot, typeSnapshot, setText } from './counters.js';
import { createShortPoll } from './short-poll.js';
import { createLongPoll } from './long-poll.js';
import { createChat } from './chat.js';
import { createDanmaku } from './danmaku.js';
import { createSse } from './sse.js';
import { createLlm } from './llm.js';
import { createStatusZoo } from './status-zoo.js';

const params = new URLSearchParams(location.search);

const chat = createChat();
const llm = createLlm();
/** Each has start() and an async stop() that resolves when nothing of it is in flight. */
const scenarios = [createShortPoll(), createLongPoll(), chat, createDanmaku(), createSse(), llm];
createStatusZoo();

let running = false;

function startAll() {
  if (running) return;
  running = true;
  setText('run-state', 'running');
  for (const s of scenarios) s.start();
}

async function stopAll() {
  running = false;
  setText('run-state', 'stopping…');
  await Promise.all([...scenarios.map((s) => s.stop()), llm.stopAsk()]);
  if (!running) setText('run-state', 'stopped');
}

/** @param {boolean} on */
async function setFlaky(on) {
  const res = await fetch('/api/flaky', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ on }),
  });
  const state = await res.json();
  flakyBox.checked = Boolean(state.on);
  return Boolean(state.on);
}

const flakyBox = /** @type {HTMLInputElement} */ (document.getElementById('flaky'));
flakyBox.addEventListener('change', () => void setFlaky(flakyBox.checked).catch(() => (flakyBox.checked = !flakyBox.checked)));
document.getElementById('start-all')?.addEventListener('click', () => startAll());
document.getElementById('stop-all')?.addEventListener('click', () => void stopAll());

const llmForm = /** @type {HTMLFormElement} */ (document.getElementById('llm-form'));
const llmPrompt = /** @type {HTMLInputElement} */ (document.getElementById('llm-prompt'));
llmForm.addEventListener('submit', (e) => {
  e.preventDefault();
  void llm.ask(llmPrompt.value);
});
document.getElementById('llm-stop')?.addEventListener('click', () => void llm.stopAsk());

/** The test/automation surface. Data received is never exposed as HTML anywhere. */
const api = {
  counts: snapshot,
  typeCounts: typeSnapshot,
  stopAll,
  startAll,
  /** @param {string} prompt */
  ask: (prompt) => llm.ask(prompt),
  stopAsk: () => llm.stopAsk(),
  /** Resolves true once sent (waits up to 5 s for the chat socket to open). @param {string} text */
  sendChat: (text) => chat.send(text),
  setFlaky,
  isRunning: () => running,
};
/** @type {any} */ (window).demo = api;

// Reflect the server's flaky state (another tab may have turned it on), or force it from the URL.
const init =
  params.get('flaky') === '1'
    ? setFlaky(true)
    : fetch('/api/flaky')
        .then((r) => r.json())
        .then((s) => (flakyBox.checked = Boolean(s.on)));
init.catch(() => {});

if (params.get('autostart') !== '0') startAll();
else setText('run-state', 'idle (autostart=0)');
