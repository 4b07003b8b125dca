// Context: page (test page). A socket.io-client app: connects with the default transports
// (HTTP long polling, then upgrade to WebSocket), says hello once on WebSocket, logs the ack and
// every event, says bye and logs the server's disconnect. It also counts the Engine.IO packets
// exchanged over the WebSocket so the test can check PushLens's frame count for that channel.
import { io } from 'socket.io-client';
import { count, done, fail, log, run, sleep } from './log';

const socket = io({ query: { run } });
// Internal but stable in engine.io-client 6.x: the Manager's engine and its flush bookkeeping.
const engine = socket.io.engine as unknown as {
  transport: { name: string };
  _prevBufferLen: number;
  on(ev: string, fn: (...a: unknown[]) => void): void;
};
const onWs = () => engine.transport.name === 'websocket';

// The upgrade probe is sent by the transport itself, outside the engine's packet events: the page
// sends "2probe", gets "3probe" and sends "5" (upgrade), one WebSocket frame each.
let upgraded!: () => void;
const upgrade = new Promise<void>((r) => (upgraded = r));
engine.on('upgrade', () => {
  count('wsOut', 2);
  count('wsIn', 1);
  upgraded();
});
// After the upgrade every incoming packet is one frame, and every flush sends one frame per packet.
engine.on('packet', () => onWs() && count('wsIn'));
engine.on('flush', () => onWs() && count('wsOut', engine._prevBufferLen));

const ticks: unknown[] = [];
let connected!: () => void;
const connect = new Promise<void>((r) => (connected = r));
socket.on('connect', () => {
  // socket.id differs per connection; the test normalises the `id` key.
  log({ event: 'connect', id: socket.id, active: socket.active });
  connected();
});
socket.on('connect_error', (err) => log('connect_error', err.message));
socket.on('tick', (...args: unknown[]) => {
  log(['tick', ...args]);
  ticks.push(args);
});
socket.on('blob', (data: ArrayBuffer) => {
  log(['blob', Object.prototype.toString.call(data), [...new Uint8Array(data)]]);
  ticks.push(data);
});
socket.on('disconnect', (reason) => {
  log('disconnect', reason, socket.connected);
  // Give the engine a moment to close the transport, so the counts are final.
  setTimeout(done, 300);
});

(async () => {
  await Promise.all([connect, upgrade]);
  // Logged only once both happened: whether the CONNECT answer comes before or after the upgrade
  // is a race inside socket.io, not something PushLens may change, so it is kept out of the order.
  log('upgraded', engine.transport.name);
  // Let a few heartbeats (400 ms) cross the WebSocket.
  await sleep(1000);
  const ack = await socket.emitWithAck('hello', { n: 1 });
  log('ack', ack);
  while (ticks.length < 4) await sleep(20);
  socket.emit('bye');
})().catch((err) => fail('socketio', err));
