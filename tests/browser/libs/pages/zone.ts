// Context: page (test page). An Angular-style app: zone.js is loaded as a normal page script, so
// it patches WebSocket, fetch, XMLHttpRequest, EventTarget and Promise on top of PushLens's hooks
// (which ran at document_start). Everything runs in a forked zone; the app logs what it gets and
// which zone each callback ran in (zone.js must still propagate its zone through hooked APIs),
// plus a few identity checks that both layers of wrapping must keep.
import 'zone.js';
import { count, done, fail, log, run } from './log';

declare const Zone: {
  current: { name: string; fork(spec: { name: string; onInvokeTask?: (...a: never[]) => unknown }): { run<T>(fn: () => T): T } };
};

const zoneName = () => Zone.current.name;

log('identity', {
  wsToString: Function.prototype.toString.call(WebSocket),
  fetchToString: Function.prototype.toString.call(fetch),
  wsName: WebSocket.name,
  wsLength: WebSocket.length,
  wsProtoSend: typeof WebSocket.prototype.send,
  xhrName: XMLHttpRequest.name,
});
// Proof that zone.js really sits on top of the hooked APIs in this scenario.
const delegate = (f: unknown) => typeof (f as Record<string, unknown>)?.__zone_symbol__OriginalDelegate === 'function';
log('zone patched', {
  fetch: delegate(fetch),
  xhrSend: delegate(XMLHttpRequest.prototype.send),
  addEventListener: delegate(EventTarget.prototype.addEventListener),
});

function websocket(): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://${location.host}/zone-ws?run=${run}`);
    log('ws instanceof', ws instanceof WebSocket, Object.prototype.toString.call(ws));
    const queue = ['one', 'two', new Uint8Array([7, 8, 9]).buffer];
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => log('ws open', zoneName());
    ws.addEventListener('message', (e) => {
      const data = e.data instanceof ArrayBuffer ? [...new Uint8Array(e.data)] : e.data;
      log('ws message', data, zoneName());
      const next = queue.shift();
      if (next !== undefined) {
        count('wsSent');
        ws.send(next);
      } else ws.close(1000, 'finished');
    });
    // A listener object (handleEvent) goes through zone's addEventListener and then ours.
    ws.addEventListener('close', {
      handleEvent(e: CloseEvent) {
        log('ws close', e.code, e.reason, e.wasClean, zoneName());
        resolve();
      },
    });
  });
}

function httpCalls(): Promise<void> {
  const viaFetch = fetch(`/api/fetch-json?run=${run}`);
  // What fetch returns is zone.js's business (its own promise class): PushLens must not change it.
  log('fetch returns global Promise', viaFetch instanceof Promise);
  return viaFetch
    .then((r) => r.json())
    .then((body) => log('fetch json', body, zoneName()))
    .then(() => fetch(`/api/stream?run=${run}`))
    .then((r) => {
      const reader = r.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      const pump = (): Promise<void> =>
        reader.read().then(({ done: end, value }) => {
          if (end) return;
          text += decoder.decode(value, { stream: true });
          return pump();
        });
      return pump().then(() => log('stream text', text, zoneName()));
    })
    .then(
      () =>
        new Promise<void>((resolve) => {
          const xhr = new XMLHttpRequest();
          xhr.open('GET', `/api/xhr-json?run=${run}`);
          xhr.onload = () => {
            log('xhr load', xhr.status, JSON.parse(xhr.responseText), zoneName());
            resolve();
          };
          xhr.send();
        }),
    );
}

Zone.current.fork({ name: 'app' }).run(() => {
  websocket()
    .then(() => httpCalls())
    .then(() => {
      log('end', zoneName());
      done();
    })
    .catch((err) => fail('zone', err));
});
