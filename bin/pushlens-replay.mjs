#!/usr/bin/env node
// Context: node (CLI entry). Runs lib/replay/cli.ts through jiti (no build step), keeps serving
// until Ctrl+C, and turns every failure into one line on stderr and a non-zero exit code.
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const { runReplayCli, CliError } = await jiti.import('../lib/replay/cli.ts');

try {
  const server = await runReplayCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) });
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (e) {
  if (e instanceof CliError) {
    if (e.message) console.error(`pushlens-replay: ${e.message}`);
    process.exit(e.exitCode);
  }
  console.error(`pushlens-replay: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
