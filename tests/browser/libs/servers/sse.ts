// Context: node (test). POST endpoints answering with text/event-stream, as an LLM-style API does:
// a finite stream using every SSE field, a 500 error, and an endless stream whose cancellation by
// the client the server records (so the page can check that an abort reaches the network).
import type { IncomingMessage } from 'node:http';
import type { TestServer } from '../server';

// Blocks of a real stream: named events, ids, a multi-line data field, a comment line inside an
// event and a retry field; each block ends with a blank line, so each is one message for the app.
const CHAT_BLOCKS = [
  'data: {"token":"Hel"}\n\n',
  'event: delta\nid: 1\ndata: {"token":"lo"}\n\n',
  ': a comment inside an event\ndata: line one\ndata: line two\n\n',
  'retry: 5000\nid: 2\ndata: {"token":"!"}\n\n',
  'event: done\ndata: [DONE]\n\n',
];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => resolve(body));
  });
}

export function attachSseRoutes(server: TestServer): Map<string, string> {
  const endless = new Map<string, string>(); // run → 'streaming' | 'closed by client'
  server.route('/sse/chat', async (req, res) => {
    const prompt = JSON.parse(await readBody(req)) as { prompt: string };
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write(`event: echo\ndata: ${JSON.stringify(prompt)}\n\n`);
    for (const block of CHAT_BLOCKS) {
      await new Promise((r) => setTimeout(r, 40));
      res.write(block);
    }
    res.end();
  });
  server.route('/sse/fail', async (req, res) => {
    await readBody(req);
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end('{"error":"overloaded"}');
  });
  server.route('/sse/endless', async (req, res, url) => {
    const run = url.searchParams.get('run') ?? '';
    await readBody(req);
    endless.set(run, 'streaming');
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
    let n = 0;
    const timer = setInterval(() => res.write(`id: ${++n}\ndata: tick ${n}\n\n`), 150);
    res.on('close', () => {
      clearInterval(timer);
      endless.set(run, res.writableEnded ? 'ended' : 'closed by client');
    });
  });
  server.route('/sse/endless-status', (_req, res, url) => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ state: endless.get(url.searchParams.get('run') ?? '') ?? 'unknown' }));
  });
  return endless;
}
