// Context: page (probe). API surface of the hooked globals: typeof, names, lengths, toString,
// prototype chains, statics, own property descriptors, calls without new, bad arguments,
// subclassing and identities. Everything a library could use to tell a wrapper from a native.
(() => {
  const { describe, fnText, outcome, define } = window.__probes;

  const iteratorProto = (() => {
    try {
      return Object.getPrototypeOf(new ReadableStream().values());
    } catch {
      return undefined;
    }
  })();
  const asyncIteratorProto = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}.prototype));

  function protoChain(o) {
    const chain = [];
    for (let p = Object.getPrototypeOf(o); p && chain.length < 8; p = Object.getPrototypeOf(p)) {
      chain.push(
        p === Function.prototype ? 'Function.prototype' : p === Object.prototype ? 'Object.prototype' : describe(p.constructor) + '.prototype',
      );
    }
    return chain;
  }

  function fnFacts(rec, path, f) {
    rec(path + '|typeof', typeof f);
    if (typeof f !== 'function') return;
    rec(path + '|name', describe(f.name));
    rec(path + '|length', f.length);
    rec(path + '|F.p.toString.call', fnText(f));
    rec(
      path + '|concat',
      outcome(() => f + ''),
    );
    rec(
      path + '|String()',
      outcome(() => String(f)),
    );
    rec(
      path + '|.toString()',
      outcome(() => f.toString()),
    );
    rec(path + '|.toString===F.p.toString', f.toString === Function.prototype.toString);
    rec(path + '|ownKeys', Reflect.ownKeys(f).map(String));
    rec(path + '|chain', protoChain(f));
    rec(path + '|extensible', Object.isExtensible(f));
    rec(path + '|hasPrototype', Object.prototype.hasOwnProperty.call(f, 'prototype'));
    rec(
      path + '|callWithoutNew',
      outcome(() => f()),
    );
  }

  function descriptors(rec, path, o) {
    if (o === undefined || o === null) return rec(path, 'missing');
    rec(path + '|keys', Reflect.ownKeys(o).map(String));
    rec(path + '|chain', protoChain(o));
    for (const key of Reflect.ownKeys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, key);
      const p = `${path}.${String(key)}`;
      rec(p + '|attrs', {
        w: d.writable,
        e: d.enumerable,
        c: d.configurable,
        get: typeof d.get,
        set: typeof d.set,
        value: 'value' in d ? typeof d.value : 'none',
      });
      for (const part of ['get', 'set', 'value']) {
        const f = d[part];
        if (typeof f === 'function') {
          rec(`${p}|${part}`, {
            text: fnText(f),
            name: f.name,
            length: f.length,
            keys: Reflect.ownKeys(f).map(String),
            concat: outcome(() => f + ''),
          });
        } else if (part === 'value' && 'value' in d && typeof f !== 'object') rec(`${p}|value`, describe(f));
      }
    }
  }

  const targets = () => ({
    WebSocket,
    EventSource,
    XMLHttpRequest,
    XMLHttpRequestEventTarget,
    XMLHttpRequestUpload,
    fetch,
    Response,
    Request,
    Headers,
    ReadableStream,
    ReadableStreamDefaultReader,
    EventTarget,
    MessageEvent,
    CloseEvent,
    Promise,
  });

  define('surface', (rec) => {
    for (const [name, f] of Object.entries(targets())) {
      fnFacts(rec, name, f);
      descriptors(rec, name + '.statics', f);
      if (f.prototype) descriptors(rec, name + '.prototype', f.prototype);
    }
    descriptors(rec, 'ReadableStreamAsyncIterator.prototype', iteratorProto);
    rec('AsyncIteratorPrototype keys', Reflect.ownKeys(asyncIteratorProto).map(String));
    descriptors(rec, 'Function.prototype', Function.prototype);
    descriptors(rec, 'Object.prototype', Object.prototype);
    for (const [label, f] of [
      ['F.p.toString', Function.prototype.toString],
      ['F.p.toString.toString', Function.prototype.toString.toString],
      ['EventTarget.p.addEventListener', EventTarget.prototype.addEventListener],
      ['EventTarget.p.removeEventListener', EventTarget.prototype.removeEventListener],
      ['WebSocket.p.send', WebSocket.prototype.send],
      ['WebSocket.p.close', WebSocket.prototype.close],
      ['EventSource.p.close', EventSource.prototype.close],
      ['XHR.p.open', XMLHttpRequest.prototype.open],
      ['XHR.p.send', XMLHttpRequest.prototype.send],
      ['XHR.p.setRequestHeader', XMLHttpRequest.prototype.setRequestHeader],
      ['RS.p.getReader', ReadableStream.prototype.getReader],
      ['RS.p.cancel', ReadableStream.prototype.cancel],
      ['RS.p.values', ReadableStream.prototype.values],
      ['Reader.p.cancel', ReadableStreamDefaultReader.prototype.cancel],
      ['Iterator.p.return', iteratorProto && iteratorProto.return],
    ]) {
      fnFacts(rec, label, f);
    }
    rec('F.p.toString.call(F.p.toString)', fnText(Function.prototype.toString));
    rec(
      'toString.call(toString.call)',
      outcome(() => Function.prototype.toString.call(Function.prototype.toString.call)),
    );
    rec(
      'toString on non-function',
      outcome(() => Function.prototype.toString.call({})),
    );
    rec(
      'toString on proxy of fetch',
      outcome(() => Function.prototype.toString.call(new Proxy(fetch, {}))),
    );
    rec(
      'toString on bound fetch',
      outcome(() => Function.prototype.toString.call(fetch.bind(window))),
    );
    rec(
      'Reflect.apply toString',
      outcome(() => Reflect.apply(Function.prototype.toString, WebSocket, [])),
    );
    rec('toString of class', fnText(class Foo extends WebSocket {}));
    rec('values === @@asyncIterator', ReadableStream.prototype.values === ReadableStream.prototype[Symbol.asyncIterator]);
    rec('WebSocket.p.constructor === WebSocket', WebSocket.prototype.constructor === WebSocket);
    rec('EventSource.p.constructor === EventSource', EventSource.prototype.constructor === EventSource);
    rec('XHR.p.constructor === XHR', XMLHttpRequest.prototype.constructor === XMLHttpRequest);
    rec('fetch === window.fetch === self.fetch', fetch === window.fetch && fetch === self.fetch && fetch === globalThis.fetch);
    rec('statics', [
      WebSocket.CONNECTING,
      WebSocket.OPEN,
      WebSocket.CLOSING,
      WebSocket.CLOSED,
      EventSource.CONNECTING,
      EventSource.OPEN,
      EventSource.CLOSED,
      XMLHttpRequest.UNSENT,
      XMLHttpRequest.DONE,
    ]);
    const globals = Object.keys(targets()).concat(['WebSocketStream', 'fetchLater']);
    rec(
      'window own names (these globals, in order)',
      Object.getOwnPropertyNames(window).filter((n) => globals.includes(n)),
    );
    rec('window names count', Object.getOwnPropertyNames(window).length);
    for (const g of globals) {
      const d = Object.getOwnPropertyDescriptor(window, g);
      rec(`window.${g}|attrs`, d ? { w: d.writable, e: d.enumerable, c: d.configurable, get: typeof d.get, value: typeof d.value } : 'none');
    }
    rec('Window.prototype has fetch', Object.prototype.hasOwnProperty.call(Window.prototype, 'fetch'));
    rec('fetch.prototype', describe(fetch.prototype));
    rec(
      'new fetch',
      outcome(() => new fetch('/text')),
    );
    rec('instanceof Function', [WebSocket instanceof Function, fetch instanceof Function, EventSource instanceof Function]);
    rec('Object.getPrototypeOf(WebSocket) === EventTarget', Object.getPrototypeOf(WebSocket) === EventTarget);
    rec('Object.getPrototypeOf(XHR) === XHRET', Object.getPrototypeOf(XMLHttpRequest) === XMLHttpRequestEventTarget);
  });

  define('constructors', (rec) => {
    const { wsOrigin } = window.__probes;
    const bad = [
      ['ws no args', () => new WebSocket()],
      ['ws bad url', () => new WebSocket('not a url')],
      ['ws http url', () => new WebSocket('ftp://127.0.0.1/')],
      ['ws fragment', () => new WebSocket(wsOrigin + '/ws#frag')],
      ['ws bad protocol', () => new WebSocket(wsOrigin + '/ws', 'bad protocol')],
      ['ws dup protocol', () => new WebSocket(wsOrigin + '/ws', ['a', 'a'])],
      ['ws protocol symbol', () => new WebSocket(wsOrigin + '/ws', Symbol('x'))],
      ['ws url symbol', () => new WebSocket(Symbol('x'))],
      ['es no args', () => new EventSource()],
      ['es bad url', () => new EventSource('http://[::1')],
      ['es bad init', () => new EventSource('/sse-bad', 5)],
      ['Request bad method', () => new Request('/text', { method: 'CONNECT' })],
      ['Headers bad', () => new Headers([['a']])],
      ['WebSocket()', () => WebSocket(wsOrigin + '/ws')],
      ['EventSource()', () => EventSource('/sse')],
      ['XMLHttpRequest()', () => XMLHttpRequest()],
      ['Reflect.construct ws non-ctor newTarget', () => Reflect.construct(WebSocket, [wsOrigin + '/ws'], () => {})],
    ];
    for (const [label, fn] of bad) rec(label, outcome(fn));

    const made = [];
    const keep = (x) => (made.push(x), x);
    const ws = keep(new WebSocket(wsOrigin + '/ws-reject', []));
    rec('ws instance', {
      ctor: ws.constructor === WebSocket,
      inst: ws instanceof WebSocket,
      et: ws instanceof EventTarget,
      proto: Object.getPrototypeOf(ws) === WebSocket.prototype,
      tag: Object.prototype.toString.call(ws),
      keys: Reflect.ownKeys(ws).map(String),
      url: describe(ws.url),
      readyState: ws.readyState,
      binaryType: ws.binaryType,
      protocol: ws.protocol,
      extensions: ws.extensions,
      bufferedAmount: ws.bufferedAmount,
      onopen: ws.onopen,
      forIn: (() => {
        const k = [];
        for (const x in ws) k.push(x);
        return k;
      })(),
    });
    rec(
      'ws send while connecting',
      outcome(() => ws.send('x')),
    );
    rec(
      'ws close 1001',
      outcome(() => ws.close(1001)),
    );
    rec(
      'ws close 999',
      outcome(() => ws.close(999)),
    );
    rec(
      'ws close 5000',
      outcome(() => ws.close(5000)),
    );
    rec(
      'ws close long reason',
      outcome(() => ws.close(4000, 'x'.repeat(124))),
    );
    rec(
      'ws close reason only',
      outcome(() => ws.close(undefined, 'why')),
    );
    rec(
      'ws binaryType bad',
      outcome(() => ((ws.binaryType = 'nope'), ws.binaryType)),
    );
    rec(
      'ws binaryType good',
      outcome(() => ((ws.binaryType = 'arraybuffer'), ws.binaryType)),
    );
    rec(
      'ws readyState write',
      outcome(() => ((ws.readyState = 3), ws.readyState)),
    );
    rec(
      'WebSocket.prototype.send on non-ws',
      outcome(() => WebSocket.prototype.send.call({}, 'x')),
    );
    rec(
      'WebSocket.prototype.close on non-ws',
      outcome(() => WebSocket.prototype.close.call({})),
    );
    rec(
      'WebSocket.prototype.url getter on proto',
      outcome(() => WebSocket.prototype.url),
    );
    rec(
      'ws close ok',
      outcome(() => ws.close(4000, 'bye')),
    );
    rec('ws after close', { readyState: ws.readyState });

    class MyWs extends WebSocket {
      constructor(url) {
        super(url);
        this.extra = 1;
      }
      hello() {
        return 'hi';
      }
    }
    const sub = keep(new MyWs(wsOrigin + '/ws-reject'));
    rec('subclass', {
      ctor: sub.constructor === MyWs,
      inst: sub instanceof WebSocket && sub instanceof MyWs,
      proto: Object.getPrototypeOf(sub) === MyWs.prototype,
      hello: sub.hello(),
      extra: sub.extra,
      readyState: sub.readyState,
      staticsInherited: MyWs.OPEN,
      name: MyWs.name,
    });
    sub.close();
    rec(
      'Reflect.construct newTarget',
      (() => {
        function F() {}
        F.prototype = Object.create(WebSocket.prototype);
        const x = Reflect.construct(WebSocket, [wsOrigin + '/ws-reject'], F);
        x.close();
        return { proto: Object.getPrototypeOf(x) === F.prototype, inst: x instanceof WebSocket };
      })(),
    );

    const es = new EventSource('/sse-bad?x=1', { withCredentials: true });
    rec('es instance', {
      ctor: es.constructor === EventSource,
      inst: es instanceof EventSource,
      keys: Reflect.ownKeys(es).map(String),
      url: describe(es.url),
      withCredentials: es.withCredentials,
      readyState: es.readyState,
    });
    es.close();
    rec('es after close', es.readyState);
    class MyEs extends EventSource {}
    const es2 = new MyEs('/sse-bad');
    rec('es subclass', { inst: es2 instanceof MyEs && es2 instanceof EventSource, ctor: es2.constructor === MyEs });
    es2.close();

    const xhr = new XMLHttpRequest();
    rec('xhr instance', { ctor: xhr.constructor === XMLHttpRequest, keys: Reflect.ownKeys(xhr).map(String), readyState: xhr.readyState });
    rec(
      'xhr send before open',
      outcome(() => xhr.send()),
    );
    rec(
      'xhr open bad method',
      outcome(() => xhr.open('CONNECT', '/text')),
    );
    rec(
      'xhr open bad url',
      outcome(() => xhr.open('GET', 'http://[::1')),
    );
    rec(
      'xhr setRequestHeader before open',
      outcome(() => xhr.setRequestHeader('a', 'b')),
    );
    rec(
      'xhr open no args',
      outcome(() => xhr.open()),
    );
    rec(
      'xhr open ok',
      outcome(() => xhr.open('get', '/text')),
    );
    rec(
      'xhr setRequestHeader bad name',
      outcome(() => xhr.setRequestHeader('a b', 'c')),
    );
    rec(
      'xhr setRequestHeader ok',
      outcome(() => xhr.setRequestHeader('x-a', 'b')),
    );
    rec(
      'xhr responseType json',
      outcome(() => ((xhr.responseType = 'json'), xhr.responseType)),
    );
    rec(
      'xhr getResponseHeader early',
      outcome(() => xhr.getResponseHeader('content-type')),
    );
    rec(
      'xhr responseText with json type',
      outcome(() => xhr.responseText),
    );
    class MyXhr extends XMLHttpRequest {}
    rec('xhr subclass', new MyXhr() instanceof XMLHttpRequest);
  });
})();
