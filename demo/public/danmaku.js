// Context: demo page (browser). Scenario "danmaku / bullet comments" (弹幕功能) on WebSocket.
// Text frames fly across the stage; 8-byte binary frames carry stats (viewers, comments sent).

import { bump, setText } from './counters.js';
import { createReconnectingSocket } from './ws-reconnect.js';

const MAX_ON_STAGE = 60; // counted even when not drawn, so a burst cannot flood the DOM
const LANES = 6;

export function createDanmaku() {
  const stage = /** @type {HTMLElement} */ (document.getElementById('danmaku-stage'));
  let lane = 0;

  /** @param {string} text @param {string} color */
  function fly(text, color) {
    if (stage.childElementCount >= MAX_ON_STAGE) return;
    const span = document.createElement('span');
    span.className = 'bullet';
    span.textContent = text;
    // Only a validated #rrggbb reaches style; anything else falls back to white.
    span.style.color = /^#[0-9a-f]{6}$/i.test(color) ? color : '#ffffff';
    span.style.top = `${(lane++ % LANES) * 24 + 4}px`;
    const seconds = 5 + Math.random() * 3;
    span.style.animationDuration = `${seconds}s`;
    span.addEventListener('animationend', () => span.remove(), { once: true });
    // Background tabs may never fire animationend; a timer keeps the stage from filling up.
    setTimeout(() => span.remove(), seconds * 1000 + 1000);
    stage.append(span);
  }

  const sock = createReconnectingSocket({
    path: '/ws/danmaku',
    onState: (s) => setText('state-danmaku', s),
    onReconnect: (n) => setText('reconnects-danmaku', n),
    onMessage: (ev) => {
      bump('danmaku');
      if (ev.data instanceof ArrayBuffer) {
        if (ev.data.byteLength >= 8) {
          const view = new DataView(ev.data);
          setText('dm-binary', `${view.getUint32(0)} viewers, ${view.getUint32(4)} comments`);
        }
        return;
      }
      try {
        const msg = JSON.parse(ev.data);
        if (msg.type === 'danmaku') fly(String(msg.text), String(msg.color));
      } catch {
        fly(String(ev.data), '#ffffff');
      }
    },
  });

  const form = /** @type {HTMLFormElement} */ (document.getElementById('danmaku-form'));
  const input = /** @type {HTMLInputElement} */ (document.getElementById('danmaku-input'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    void sock.send(JSON.stringify({ type: 'danmaku', text, color: '#ffd400' }));
  });

  return { start: sock.start, stop: sock.stop };
}
