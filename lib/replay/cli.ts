// Context: node (bin/pushlens-replay.mjs). `pushlens-replay session.har [--port N] [--speed X]
// [--loop] [--static DIR]`: reads a HAR (Chrome's or PushLens's), checks it has something to
// replay and serves it on 127.0.0.1. Every failure is one line on stderr and a non-zero exit, so
// scripts and people both see what went wrong without a stack trace.

import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { jsonError, validateHarRoot } from '../har/import';
import { harToScript, realtimeEndpoints } from '../export/script';
import { startReplayServer, type ReplayServer } from './server';

export const USAGE = 'usage: pushlens-replay session.har [--port N] [--speed X] [--loop] [--static DIR]';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Starts serving; resolves with the server (the caller keeps the process alive) or throws CliError. */
export async function runReplayCli(argv: string[], io: CliIo): Promise<ReplayServer> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string', default: '0' },
        speed: { type: 'string', default: '1' },
        loop: { type: 'boolean', default: false },
        static: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new CliError(`${oneLine(e instanceof Error ? e.message : String(e))}. ${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    throw new CliError('', 0);
  }
  if (positionals.length !== 1) throw new CliError(USAGE, 2);
  const file = positionals[0];
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be an integer from 0 to 65535, not "${values.port}"`, 2);
  const speed = Number(values.speed);
  if (!Number.isFinite(speed) || speed <= 0) throw new CliError(`--speed must be a number above 0, not "${values.speed}"`, 2);

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${oneLine((e as NodeJS.ErrnoException).code ?? String(e))}`);
  }
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${file}: ${oneLine(jsonError(text, e).message)}`);
  }
  const valid = validateHarRoot(root);
  if (!valid.ok) throw new CliError(`${file}: ${oneLine(valid.error.message)}`);
  const { script } = harToScript(root);
  const live = realtimeEndpoints(script);
  if (live.length === 0)
    throw new CliError(
      `${file} has no realtime entries to replay (no WebSocket, EventSource, event stream or repeated request among its ${valid.entries.length} entries)`,
    );

  let server: ReplayServer;
  try {
    server = await startReplayServer(script, { port, speed, loop: values.loop, staticDir: values.static });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${port} on 127.0.0.1 is in use; pick another with --port N (0 = any free port)`);
    throw new CliError(`cannot listen on 127.0.0.1:${port}: ${oneLine(code ?? String(e))}`);
  }
  const count = (k: string) => script.endpoints.filter((e) => e.kind === k).length;
  io.out(
    `pushlens-replay: serving ${file} at ${server.url} (${count('ws')} WebSocket, ${count('sse')} SSE, ${count('http')} HTTP endpoints; speed ×${speed}${values.loop ? ', loop' : ''})`,
  );
  for (const e of script.endpoints) {
    const n = e.kind === 'http' ? e.answers.length : e.recordings.length;
    io.out(`  ${e.kind === 'http' ? e.method : e.kind.toUpperCase()} ${new URL(e.url, server.url).pathname}  ×${n}`);
  }
  return server;
}
