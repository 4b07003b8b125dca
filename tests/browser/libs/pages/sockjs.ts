// Context: page (test page). A sockjs-client app: connects (SockJS picks its transport after an
// /info request: with a working WebSocket it must pick "websocket"), sends three messages one
// after the other, each after the previous echo, then "bye", and logs the server's close.
import SockJS from 'sockjs-client';
import { count, done, log } from './log';

const sock = new SockJS('/echo');
const queue = ['m1', 'm2', 'm3', 'bye'];

const sendNext = () => {
  const msg = queue.shift();
  if (msg === undefined) return;
  count('sent');
  sock.send(msg);
};

sock.onopen = () => {
  // The transport SockJS chose is app-visible behaviour: a broken WebSocket would make it fall back.
  log('open', sock.transport, sock.readyState);
};
sock.onmessage = (e: MessageEvent) => {
  count('received');
  log('message', e.data);
  sendNext();
};
sock.onclose = (e: CloseEvent) => {
  log('close', e.code, e.reason, e.wasClean);
  done();
};
