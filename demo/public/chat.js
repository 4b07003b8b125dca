// Context: demo page (browser). Scenario "chat" (聊天功能) on WebSocket /ws/chat.
// Every message event (welcome, echoes, bot lines) is counted; messages are rendered as text only.

import { appendItem, bump, clock, setText } from './counters.js';
import { createReconnectingSocket } from './ws-reconnect.js';

export function createChat() {
  const log = /** @type {HTMLElement} */ (document.getElementById('chat-log'));

  const sock = createReconnectingSocket({
    path: '/ws/chat',
    useOnProperty: true,
    onState: (s) => setText('state-chat', s),
    onReconnect: (n) => setText('reconnects-chat', n),
    onMessage: (ev) => {
      if (typeof ev.data !== 'string') {
        bump('chat', 'binary');
        appendItem(
          log,
          [
            ['from', 'binary'],
            ['', `${ev.data.byteLength} bytes`],
          ],
          { max: 200 },
        );
        return;
      }
      let msg;
      try {
        msg = JSON.parse(ev.data);
      } catch {
        msg = undefined;
      }
      bump('chat', msg && typeof msg.type === 'string' ? msg.type : 'raw');
      try {
        if (!msg) throw new Error('not JSON');
        appendItem(
          log,
          [
            ['time', clock(msg.ts ?? Date.now())],
            ['from', String(msg.from ?? '?')],
            ['', String(msg.text ?? '')],
          ],
          { max: 200 },
        );
      } catch {
        appendItem(
          log,
          [
            ['from', 'raw'],
            ['', ev.data],
          ],
          { max: 200 },
        );
      }
    },
  });

  const form = /** @type {HTMLFormElement} */ (document.getElementById('chat-form'));
  const input = /** @type {HTMLInputElement} */ (document.getElementById('chat-input'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    void send(text);
  });

  /**
   * Sends `{"type":"chat","text":...}`; the server logs the frame verbatim and echoes it to all.
   * @param {string} text
   */
  function send(text) {
    return sock.send(JSON.stringify({ type: 'chat', text }));
  }

  return { start: sock.start, stop: sock.stop, send };
}
