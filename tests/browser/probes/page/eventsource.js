// Context: page (probe). EventSource behaviour: event order across a reconnect with
// Last-Event-ID and retry, named events seen only by their listeners, readyState/url/
// withCredentials over time, onX setters, handleEvent objects and a failing source.
(() => {
  const { describe, define, until, sleep, observed, norm } = window.__probes;

  const shape = (e, es) => ({
    type: e.type,
    trusted: e.isTrusted,
    ctor: e.constructor.name,
    data: e.data,
    lastEventId: e.lastEventId,
    origin: e.origin === undefined ? 'undefined' : norm(e.origin),
    readyState: es.readyState,
    cancelable: e.cancelable,
  });

  define('eventsource', async (rec) => {
    const log = [];
    const k = window.__probes.key('es');
    const es = new EventSource('/sse?key=' + k);
    rec('es initial', { readyState: es.readyState, url: describe(es.url), withCredentials: es.withCredentials });
    es.onopen = (e) => log.push(['onopen', shape(e, es)]);
    es.onmessage = (e) => log.push(['onmessage', shape(e, es)]);
    es.onerror = (e) => log.push(['onerror', shape(e, es)]);
    es.addEventListener('message', (e) => log.push(['listener message', e.data]));
    es.addEventListener('custom', { handleEvent: (e) => log.push(['handleEvent custom', shape(e, es)]) });
    es.addEventListener('error', (e) => log.push(['listener error', es.readyState]), { once: true });
    await until(() => es.readyState === 2, 6000);
    await sleep(100);
    rec('es log', log);
    rec('es final', { readyState: es.readyState, url: describe(es.url) });
    rec('es server saw', await observed(k));
    es.close();

    const log2 = [];
    const bad = new EventSource('/sse-bad');
    bad.onerror = (e) => log2.push(['onerror', shape(e, bad)]);
    bad.onopen = () => log2.push(['onopen']);
    await until(() => bad.readyState === 2, 3000);
    await sleep(50);
    rec('es bad log', log2);

    // close() from inside onopen: no further events.
    const log3 = [];
    const k3 = window.__probes.key('es3');
    const c = new EventSource('/sse?key=' + k3);
    c.onopen = () => {
      log3.push(['open', c.readyState]);
      c.close();
      log3.push(['closed', c.readyState]);
    };
    c.onmessage = (e) => log3.push(['message', e.data]);
    c.onerror = () => log3.push(['error']);
    await sleep(600);
    rec('es close in onopen', log3);
    rec('es close in onopen server saw', (await observed(k3)).length);
  });

  // Named-event listeners are where PushLens records events (listener-tap.ts): the same function
  // for two types, removal of one, a handler's identity and a throwing listener.
  define('eventsource listeners', async (rec) => {
    const { stackShape } = window.__probes;
    const k = window.__probes.key('esl');
    const es = new EventSource('/sse?key=' + k);
    const log = [];
    const fn = (e) => log.push([e.type, e.data]);
    es.onmessage = fn;
    rec('es onmessage identity', es.onmessage === fn);
    es.addEventListener('custom', fn);
    es.addEventListener('message', fn); // same function, other type
    es.removeEventListener('custom', fn); // message keeps it
    es.addEventListener('custom', (e) => log.push(['custom only', e.data]), { once: true });
    const errors = [];
    const onErr = (e) => {
      errors.push({
        message: norm(e.message),
        file: norm(e.filename),
        line: e.lineno,
        error: e.error instanceof Error ? stackShape(e.error) : String(e.error),
      });
      e.preventDefault();
    };
    window.addEventListener('error', onErr);
    es.addEventListener(
      'message',
      () => {
        throw new Error('es boom');
      },
      { once: true },
    );
    await until(() => es.readyState === 2, 6000);
    await sleep(100);
    window.removeEventListener('error', onErr);
    es.close();
    rec('es listener log', log);
    rec('es listener errors', errors);
  });
})();
