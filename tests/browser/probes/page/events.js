// Context: page (probe). EventTarget.prototype.addEventListener as the hook wraps it, used on
// ordinary targets: options, return values, handleEvent, once/signal, errors thrown by
// listeners, listeners added during dispatch, and `this`.
(() => {
  const { outcome, define } = window.__probes;

  define('events', async (rec) => {
    const t = new EventTarget();
    const log = [];
    const h = {
      handleEvent(e) {
        log.push(['handle', e.type, this === h]);
      },
    };
    rec(
      'ret',
      outcome(() => t.addEventListener('a', h)),
    );
    t.addEventListener('a', function () {
      log.push(['fn this', this === t]);
    });
    t.addEventListener('a', () => log.push(['once']), { once: true });
    t.addEventListener(
      'a',
      () => {
        log.push(['adds during dispatch']);
        t.addEventListener('a', () => log.push(['added late']));
      },
      { once: true },
    );
    const ac = new AbortController();
    t.addEventListener('a', () => log.push(['signal']), { signal: ac.signal });
    rec(
      'aborted signal',
      outcome(() => {
        const a2 = new AbortController();
        a2.abort();
        t.addEventListener('a', () => log.push(['never']), { signal: a2.signal });
      }),
    );
    rec(
      'bad signal',
      outcome(() => t.addEventListener('a', () => {}, { signal: 5 })),
    );
    rec(
      'null listener',
      outcome(() => t.addEventListener('a', null)),
    );
    rec(
      'string listener',
      outcome(() => t.addEventListener('a', 'x')),
    );
    rec(
      'one arg',
      outcome(() => t.addEventListener('a')),
    );
    rec(
      'symbol type',
      outcome(() => t.addEventListener(Symbol('s'), () => {})),
    );
    rec(
      'illegal this',
      outcome(() => EventTarget.prototype.addEventListener.call({}, 'a', () => {})),
    );
    rec(
      'illegal this null',
      outcome(() => EventTarget.prototype.addEventListener.call(null, 'a', () => {})),
    );
    let getterCalls = 0;
    const opts = {
      get once() {
        getterCalls++;
        return false;
      },
      get capture() {
        getterCalls++;
        return false;
      },
      get passive() {
        getterCalls++;
        return false;
      },
      get signal() {
        getterCalls++;
        return undefined;
      },
    };
    t.addEventListener('b', () => {}, opts);
    rec('option getters read', getterCalls);
    let typeToString = 0;
    t.addEventListener(
      {
        toString() {
          typeToString++;
          return 'c';
        },
      },
      () => log.push(['object type']),
    );
    rec('type toString calls', typeToString);
    t.dispatchEvent(new Event('a'));
    ac.abort();
    t.dispatchEvent(new Event('a'));
    t.dispatchEvent(new Event('c'));
    rec('log', log);
    const thrown = [];
    const onErr = (e) => {
      thrown.push(e.message);
      e.preventDefault();
    };
    window.addEventListener('error', onErr);
    const t2 = new EventTarget();
    t2.addEventListener('x', () => {
      throw new Error('listener boom');
    });
    t2.addEventListener('x', () => thrown.push('next still runs'));
    t2.dispatchEvent(new Event('x'));
    window.removeEventListener('error', onErr);
    rec('listener errors', thrown);
    const el = document.createElement('div');
    const order = [];
    document.body.appendChild(el);
    document.body.addEventListener('click', () => order.push('body bubble'));
    document.body.addEventListener('click', () => order.push('body capture'), true);
    el.addEventListener('click', () => order.push('el'));
    el.click();
    el.remove();
    rec('dom order', order);
    const proxied = new Proxy(new EventTarget(), {});
    rec(
      'proxy this',
      outcome(() => proxied.addEventListener('a', () => {})),
    );
  });
})();
