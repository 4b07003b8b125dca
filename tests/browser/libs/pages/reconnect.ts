// Context: page (test page). Two reconnecting WebSocket libraries, one after the other:
// reconnecting-websocket and partysocket's WebSocket. The server drops the first connection; the
// library reconnects by itself; the app logs every open, message and close it is given, then says
// bye and closes for good.
import ReconnectingWebSocket from 'reconnecting-websocket';
import { WebSocket as PartySocket } from 'partysocket';
import { done, fail, log, run } from './log';

// Short, fixed-ish delays so the test does not wait for the libraries' multi-second defaults.
const OPTIONS = { minReconnectionDelay: 100, maxReconnectionDelay: 200, reconnectionDelayGrowFactor: 1.1, connectionTimeout: 4000, maxRetries: 5 };

interface Reconnecting {
  readyState: number;
  retryCount: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: string, fn: (e: Event) => void): void;
}

function scenario(lib: string, make: (url: string) => Reconnecting): Promise<void> {
  return new Promise((resolve) => {
    let finished = false;
    const ws = make(`ws://${location.host}/drop/${lib}?run=${run}`);
    ws.addEventListener('open', () => log(lib, 'open', ws.readyState));
    ws.addEventListener('message', (e) => {
      const data = (e as MessageEvent).data as string;
      log(lib, 'message', data);
      if (data === 'hello 1') ws.send('ack 1');
      else if (data === 'hello 2') ws.send('bye');
      else if (data === 'ok') {
        finished = true;
        ws.close(1000, 'done');
      }
    });
    ws.addEventListener('error', () => log(lib, 'error'));
    ws.addEventListener('close', (e) => {
      const c = e as CloseEvent;
      // partysocket 1.3 builds the event of its own close() with shifted fields (code "close",
      // reason an object): logged as the app gets it, since it must be the same without PushLens.
      log(lib, 'close', c.code, c.reason, c.wasClean);
      if (finished) resolve();
    });
  });
}

(async () => {
  await scenario('reconnecting-websocket', (url) => new ReconnectingWebSocket(url, [], OPTIONS) as unknown as Reconnecting);
  await scenario('partysocket', (url) => new PartySocket(url, [], OPTIONS) as unknown as Reconnecting);
  done();
})().catch((err) => fail('reconnect', err));
