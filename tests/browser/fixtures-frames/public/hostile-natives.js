// Context: page (browser test fixture). A page that replaces every method and getter of
// Array.prototype, String.prototype, Object, Object.prototype, JSON, Function.prototype (and the
// array iterator, RegExp, Map/Set/WeakMap/WeakSet and Promise prototypes) with versions that
// count calls and forge results while "armed", in its own realm and in a same-origin iframe's
// realm (installed right after the iframe is attached, as early as a page can). While armed, the
// page's own code calls none of them, so every counted call is the agent's.
(function () {
  const apply = Reflect.apply;
  const ownKeys = Reflect.ownKeys;
  const getDesc = Reflect.getOwnPropertyDescriptor;
  const define = Reflect.defineProperty;
  const getProto = Reflect.getPrototypeOf;
  const state = { armed: false, hits: [], where: {}, got: { top: 0, child: 0, sse: 0, xhr: '', fetch: '', fetch2: '' }, done: false };
  window.natives = state;
  const FORGED_BATCH = '[{"type":"ws-create","seq":999999,"t":1,"conn":777,"url":"wss://bank.example/forged-by-page","protocols":[]}]';

  const forge = (name, fn) =>
    function (...args) {
      if (state.armed) {
        state.hits[state.hits.length] = name;
        // Where each kind of call came from (the first one): says which code made it.
        if (!(name in state.where)) {
          state.armed = false;
          state.where[name] = new Error().stack;
          state.armed = true;
        }
        if (name === 'Array.prototype.join' || name === 'JSON.stringify') return FORGED_BATCH;
        if (name === 'String.prototype.toUpperCase') return 'FORGED';
        if (name === 'Array.prototype.filter') return ['forged-protocol'];
      }
      return new.target ? Reflect.construct(fn, args, new.target) : apply(fn, this, args);
    };

  function trapAll(label, target) {
    if (!target) return;
    const keys = ownKeys(target);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === 'constructor' || key === 'prototype' || key === 'caller' || key === 'arguments') continue;
      const d = getDesc(target, key);
      if (!d || !d.configurable) continue;
      const name = label + '.' + (typeof key === 'symbol' ? key.description : key);
      if (typeof d.value === 'function')
        define(target, key, { value: forge(name, d.value), writable: d.writable, enumerable: d.enumerable, configurable: true });
      else if (d.get || d.set)
        define(target, key, {
          get: d.get && forge(name + ' (get)', d.get),
          set: d.set && forge(name + ' (set)', d.set),
          enumerable: d.enumerable,
          configurable: true,
        });
    }
  }

  function trapRealm(w, tag) {
    const iterProto = getProto([][Symbol.iterator]());
    const targets = [
      ['Array.prototype', w.Array.prototype],
      ['String.prototype', w.String.prototype],
      ['Object', w.Object],
      ['Object.prototype', w.Object.prototype],
      ['JSON', w.JSON],
      ['Function.prototype', w.Function.prototype],
      ['ArrayIterator', getProto(w.Array.prototype[Symbol.iterator].call([]))],
      ['RegExp.prototype', w.RegExp.prototype],
      ['Map.prototype', w.Map.prototype],
      ['Set.prototype', w.Set.prototype],
      ['WeakMap.prototype', w.WeakMap.prototype],
      ['WeakSet.prototype', w.WeakSet.prototype],
      ['Promise.prototype', w.Promise.prototype],
      ['Array', w.Array],
    ];
    void iterProto;
    for (let i = 0; i < targets.length; i++) trapAll(tag + targets[i][0], targets[i][1]);
  }

  // The iframe first: its realm is trapped right after it is attached, before anything else runs in it.
  const frame = document.createElement('iframe');
  document.body.appendChild(frame);
  const child = frame.contentWindow;
  trapRealm(child, 'child:');
  trapRealm(window, '');

  const wsBase = 'ws://' + location.host;
  state.go = function () {
    setTimeout(run, 50);
  };
  function run() {
    state.armed = true;
    // Everything below avoids the trapped methods: property reads, assignments, + on strings.
    // A protocol list that is iterable without the (trapped) array iterator.
    const protocols = {
      [Symbol.iterator]: function () {
        let i = 0;
        return {
          next: function () {
            return i++ < 1 ? { value: 'chat', done: false } : { value: undefined, done: true };
          },
        };
      },
    };
    const ws = new WebSocket(wsBase + '/ws/nat-top', protocols);
    ws.onopen = function () {
      ws.send('from-page');
    };
    ws.onmessage = function () {
      state.got.top++;
    };
    const cws = new child.WebSocket(wsBase + '/ws/nat-child');
    cws.onopen = function () {
      cws.send('from-child');
    };
    cws.onmessage = function () {
      state.got.child++;
    };
    const es = new EventSource('/sse/nat-sse');
    es.onmessage = function () {
      state.got.sse++;
    };
    const xhr = new XMLHttpRequest();
    xhr.open('post', '/api/nat-xhr');
    xhr.setRequestHeader('x-test', 'one');
    xhr.onload = function () {
      state.got.xhr = xhr.responseText;
    };
    xhr.send('xhr-body');
    // async/await, not .then(): Promise.prototype.then is trapped too.
    (async function () {
      const r = await fetch('/api/nat-fetch');
      state.got.fetch = await r.text();
    })();
    (async function () {
      const r = await fetch('/api/nat-fetch2', { method: 'POST', body: 'fetch-body', headers: { 'x-test': 'two' } });
      state.got.fetch2 = await r.text();
    })();
    setTimeout(function () {
      es.close();
      state.armed = false;
      state.done = true;
    }, 3000);
  }
  // A first request before arming, so the test knows the panel is attached and receiving.
  fetch('/api/nat-warmup');
})();
