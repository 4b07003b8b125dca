// Context: node (test). One loopback HTTP server per test file: serves the test pages (HTML that
// loads the esbuild bundle of a page script) and whatever routes the library's server adds. The
// library servers (socket.io, sockjs, ws) attach to the same http.Server, so a page and its
// traffic share one origin, as in a real app.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { bundlePage } from './bundle';

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface TestServer {
  http: Server;
  /** http://127.0.0.1:PORT */
  origin: string;
  route(path: string, handler: Handler): void;
  /** Hands WebSocket upgrades for `path` to a `noServer` ws server (several can share the port). */
  upgrade(path: string, wss: WebSocketServer): void;
  /** URL of the page built from pages/<name>.ts; `run` keys per-run state on the servers. */
  pageUrl(name: string, run: string): string;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const page = /^\/pages\/([\w-]+)$/.exec(url.pathname);
    const bundle = /^\/bundles\/([\w-]+)\.js$/.exec(url.pathname);
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(`<!doctype html><meta charset="utf-8"><title>${page[1]}</title><script src="/bundles/${page[1]}.js"></script>`);
      return;
    }
    if (bundle) {
      bundlePage(bundle[1]).then(
        (js) => {
          res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
          res.end(js);
        },
        (err: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(err));
        },
      );
      return;
    }
    const handler = routes.get(url.pathname);
    if (handler) {
      Promise.resolve(handler(req, res, url)).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(err));
      });
      return;
    }
    // socket.io and sockjs, when attached, take their prefixes before this listener is called.
    res.writeHead(404);
    res.end('not found');
  });
  const upgrades = new Map<string, WebSocketServer>();
  let upgradeListening = false;
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const wss = upgrades.get(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (wss) wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    // Other paths belong to socket.io or sockjs, which listen for 'upgrade' themselves.
  };
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    http,
    origin,
    route: (path, handler) => void routes.set(path, handler),
    upgrade(path, wss) {
      upgrades.set(path, wss);
      if (!upgradeListening) http.on('upgrade', onUpgrade);
      upgradeListening = true;
    },
    pageUrl: (name, run) => `${origin}/pages/${name}?run=${encodeURIComponent(run)}`,
    close: () =>
      new Promise<void>((r) => {
        http.closeAllConnections();
        http.close(() => r());
      }),
  };
}
