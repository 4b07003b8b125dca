// Context: page (probe). WebSocket behaviour against the probe server: event order, onX setters
// versus addEventListener, handleEvent objects, once/signal/capture, binaryType, bufferedAmount,
// close codes and reasons seen by the page for client- and server-initiated closes.
(() => {
  const { describe, outcome, define, until, sleep, wsOrigin, observed } = window.__probes;
  let keyN = 0;
  const key = (s) => window.__probes.key(`ws-${++keyN}`);

  function eventShape(e) {
    const o = {
      type: e.type,
      trusted: e.isTrusted,
      ctor: e.constructor.name,
      bubbles: e.bubbles,
      cancelable: e.cancelable,
      phase: e.eventPhase,
      targetIsWs: e.target instanceof WebSocket,
      currentIsTarget: e.currentTarget === e.target,
    };
    if (e.type === 'message') {
      o.data = typeof e.data === 'string' ? e.data : describe(e.data);
      o.origin = window.__probes.norm(e.origin);
      o.lastEventId = e.lastEventId;
      o.ports = e.ports.length;
      o.source = e.source;
    }
    if (e.type === 'close') Object.assign(o, { code: e.code, reason: e.reason, wasClean: e.wasClean });
    return o;
  }

  function openLogged(path, protocols, log) {
    const url = path.startsWith('ws:') ? path : wsOrigin + path;
    const ws = protocols === undefined ? new WebSocket(url) : new WebSocket(url, protocols);
    for (const t of ['open', 'message', 'error', 'close']) {
      // bufferedAmount at event time depends on network timing: the bufferedAmount scenario checks it.
      ws.addEventListener(t, (e) => log.push(['listener', eventShape(e), ws.readyState]));
      ws['on' + t] = (e) => log.push(['on' + t, e.type, ws.readyState]);
    }
    return ws;
  }

  async function scenario(rec, name, path, protocols, act) {
    const log = [];
    const k = key(name);
    const ws = openLogged(path + (path.includes('?') ? '&' : '?') + 'key=' + k, protocols, log);
    await act(ws, log);
    await until(() => ws.readyState === 3, 4000);
    await sleep(50);
    rec(`ws ${name} log`, log);
    rec(`ws ${name} final`, {
      readyState: ws.readyState,
      protocol: ws.protocol,
      extensions: ws.extensions,
      url: describe(ws.url),
      binaryType: ws.binaryType,
    });
    // Whether a socket closed while connecting reached the server is a race in either browser.
    if (name !== 'close while connecting')
      rec(
        `ws ${name} server saw`,
        (await observed(k)).map((o) => (typeof o === 'string' && o.length > 100 ? `${o.length} chars` : o)),
      );
  }

  define('websocket', async (rec) => {
    await scenario(rec, 'echo + client close', '/ws?hello=you', undefined, async (ws) => {
      await until(() => ws.readyState === 1);
      ws.send('ping');
      ws.send(new Uint8Array([1, 2, 3]));
      ws.send(new Blob(['blobby']));
      ws.send(new Uint16Array([1, 2]).buffer);
      await sleep(200);
      ws.close(4001, 'client bye ✓');
      rec(
        'ws close twice',
        outcome(() => ws.close(4002, 'again')),
      );
      rec(
        'ws send while closing',
        outcome(() => ws.send('late')),
      );
      rec('ws bufferedAmount after late send', ws.bufferedAmount);
    });
    await scenario(rec, 'server close 4321', '/ws', undefined, async (ws) => {
      await until(() => ws.readyState === 1);
      ws.send('close:4321:server says ✓');
    });
    await scenario(rec, 'server close 1000 empty', '/ws', undefined, async (ws) => {
      await until(() => ws.readyState === 1);
      ws.send('close:1000:');
    });
    await scenario(rec, 'server terminate', '/ws', undefined, async (ws) => {
      await until(() => ws.readyState === 1);
      ws.send('terminate');
    });
    await scenario(rec, 'rejected handshake', '/ws-reject', undefined, async () => {});
    await scenario(rec, 'refused', 'ws://127.0.0.1:1/ws', undefined, async () => {});
    await scenario(rec, 'protocol chosen', '/ws', ['x', 'chat'], async (ws) => {
      await until(() => ws.readyState === 1);
      ws.close();
    });
    await scenario(rec, 'protocol not chosen', '/ws', 'x', async () => {});
    await scenario(rec, 'close while connecting', '/ws', undefined, async (ws) => {
      ws.close(4000, 'early');
    });
    for (const binaryType of ['blob', 'arraybuffer']) {
      const got = [];
      await scenario(rec, 'binary ' + binaryType, '/ws', undefined, async (ws) => {
        ws.binaryType = binaryType;
        ws.addEventListener('message', (e) => got.push(e.data));
        await until(() => ws.readyState === 1);
        ws.send('bin:300');
        ws.send('bin:0');
        await until(() => got.length === 2);
        ws.close();
      });
      const bytes = [];
      for (const d of got) {
        const buf = d instanceof Blob ? await d.arrayBuffer() : d;
        bytes.push({
          type: describe(d),
          size: buf.byteLength,
          sum: new Uint8Array(buf).reduce((a, b) => (a * 31 + b) >>> 0, 7),
          blobType: d instanceof Blob ? d.type : null,
        });
      }
      rec('ws binary data ' + binaryType, bytes);
    }
    await scenario(rec, 'bufferedAmount', '/ws', undefined, async (ws) => {
      await until(() => ws.readyState === 1);
      const big = 'y'.repeat(4 * 1024 * 1024);
      ws.send(big);
      // Synchronously after send the whole message is still counted as buffered.
      rec('ws bufferedAmount right after send', ws.bufferedAmount);
      await until(() => ws.bufferedAmount === 0, 5000);
      rec('ws bufferedAmount drained', ws.bufferedAmount);
      ws.close();
    });

    // Listener semantics on a socket.
    const log = [];
    const ws = new WebSocket(wsOrigin + '/ws?hello=l');
    const handler = {
      handleEvent(e) {
        log.push(['handleEvent', e.type, this === handler]);
      },
    };
    ws.addEventListener('message', handler);
    ws.addEventListener('message', handler); // duplicate: ignored
    ws.addEventListener('message', () => log.push(['once']), { once: true });
    const ac = new AbortController();
    ws.addEventListener('message', () => log.push(['signal']), { signal: ac.signal });
    ws.addEventListener('message', () => log.push(['capture']), true);
    ws.addEventListener('message', () => log.push(['capture obj']), { capture: true, passive: true });
    const removed = () => log.push(['removed']);
    ws.addEventListener('message', removed);
    ws.removeEventListener('message', removed);
    ws.addEventListener('message', null);
    rec(
      'addEventListener returns',
      outcome(() => ws.addEventListener('message', undefined)),
    );
    rec(
      'addEventListener no args',
      outcome(() => ws.addEventListener()),
    );
    rec(
      'addEventListener bad listener',
      outcome(() => ws.addEventListener('message', 5)),
    );
    ws.onmessage = (e) => log.push(['onmessage 1', e.data]);
    const second = (e) => log.push(['onmessage 2', e.data]);
    rec('onmessage getter', typeof ws.onmessage);
    ws.addEventListener('message', (e) => {
      log.push(['stopper', e.data]);
      if (e.data === 'b2') e.stopImmediatePropagation();
    });
    ws.onmessage = second; // replaces the handler but keeps its original position
    ws.onopen = 'not a function';
    rec('onopen string', describe(ws.onopen));
    ws.onerror = {};
    rec('onerror object', describe(ws.onerror));
    await until(() => ws.readyState === 1);
    ws.send('burst');
    await until(() => log.filter((l) => l[0] === 'stopper').length >= 6 || log.length > 60, 3000);
    ac.abort();
    ws.onmessage = null;
    ws.send('after');
    await sleep(150);
    ws.close();
    await until(() => ws.readyState === 3);
    rec('ws listener semantics', log);
  });

  // The message listeners of a hooked socket are where PushLens records frames (listener-tap.ts):
  // identity of handlers, add/remove pairs across types, errors thrown by listeners (what the
  // page's error handler and the error's stack show), listeners added during a dispatch.
  define('websocket listeners', async (rec) => {
    const { stackShape, norm } = window.__probes;
    const ws = new WebSocket(wsOrigin + '/ws?hello=t');
    const fn = () => {};
    ws.onmessage = fn;
    rec('onmessage identity', ws.onmessage === fn);
    const d = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage');
    rec('onmessage descriptor', {
      get: typeof d.get,
      set: typeof d.set,
      getName: d.get.name,
      setName: d.set.name,
      setLength: d.set.length,
      enumerable: d.enumerable,
      configurable: d.configurable,
      text: String(d.set),
    });
    rec(
      'onmessage setter no args',
      (() => {
        try {
          d.set.call(ws);
          return 'ok';
        } catch (e) {
          return e.name + ': ' + norm(e.message);
        }
      })(),
    );
    rec(
      'onmessage setter foreign this',
      (() => {
        try {
          d.set.call({}, fn);
          return 'ok';
        } catch (e) {
          return e.name + ': ' + norm(e.message);
        }
      })(),
    );
    rec('onmessage after setter no args', describe(ws.onmessage));
    ws.onmessage = null;
    const seen = [];
    const both = (e) => seen.push(e.type);
    ws.addEventListener('message', both);
    ws.addEventListener('open', both);
    ws.removeEventListener('open', both); // the 'message' registration must stay
    const errors = [];
    const onErr = (e) => {
      errors.push({
        message: norm(e.message),
        file: norm(e.filename),
        line: e.lineno,
        col: e.colno,
        error: e.error instanceof Error ? stackShape(e.error) : describe(e.error),
      });
      e.preventDefault();
    };
    window.addEventListener('error', onErr);
    ws.addEventListener('message', function thrower() {
      throw new Error('listener boom');
    });
    ws.onmessage = function handlerThrower() {
      throw new TypeError('handler boom');
    };
    ws.addEventListener(
      'message',
      () => {
        throw 'not an error';
      },
      { once: true },
    );
    let added = 0;
    ws.addEventListener('message', (e) => {
      seen.push('adder ' + e.data);
      // Added during a dispatch: runs from the next message on.
      if (!added++) ws.addEventListener('message', (e2) => seen.push('late ' + e2.data));
    });
    await until(() => ws.readyState === 1);
    ws.send('one');
    ws.send('two');
    await until(() => seen.filter((s) => s.startsWith('late')).length >= 2, 3000);
    await sleep(100);
    window.removeEventListener('error', onErr);
    rec('listener log', seen);
    rec('listener errors', errors);
    ws.close();
  });
})();
