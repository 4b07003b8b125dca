#!/usr/bin/env node
// Context: node (demo server). CLI entry: `node demo/server.mjs [--port 5173] [--flaky] [--fast]`.
// Prints the URL to open. `--port 0` picks a free port. Ctrl+C closes every connection cleanly.

import { parseArgs } from 'node:util';
import { startDemoServer } from './server/index.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '5173' },
    flaky: { type: 'boolean', default: false },
    fast: { type: 'boolean', default: false },
  },
});

const port = Number.parseInt(values.port ?? '5173', 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port ${values.port}`);
  process.exit(2);
}

let demo;
try {
  demo = await startDemoServer({ port, flaky: values.flaky, fast: values.fast });
} catch (err) {
  if (/** @type {any} */ (err)?.code === 'EADDRINUSE') {
    console.error(`Port ${port} is in use. Try: node demo/server.mjs --port 0`);
    process.exit(1);
  }
  throw err;
}

console.log(`PushLens demo running at ${demo.url}`);
console.log(`  add ?flaky=1 to force reconnects, ?autostart=0 to start idle`);

const shutdown = async () => {
  await demo.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
