// Context: page (MAIN world) and dedicated worker. The page agent's bundle is one function,
// `__pushlensAgent(__pushlensBoot)`, wrapped around the content script by the build
// (modules/pushlens-agent-wrapper.ts). A document runs it with no argument. A worker the page
// starts runs the same function's source again, given its boot config: the agent is its own
// worker agent, so the content script carries no second, worker-only copy of the hooks (the old
// inline worker bundle was a third of the agent's size).
import { natives, call, str } from './natives';
import type { WorkerBootConfig } from './worker-protocol';

// Parameters of the wrapper function: the page cannot reach them. Outside a build (unit tests)
// they are undeclared globals, hence the typeof checks.
declare const __pushlensAgent: ((boot?: WorkerBootConfig) => void) | undefined;
declare const __pushlensBoot: WorkerBootConfig | undefined;

const HEAD = 'function __pushlensAgent(';

/** The worker's boot config when this copy of the agent runs in a worker; undefined in a document. */
export function workerBoot(): WorkerBootConfig | undefined {
  return typeof __pushlensBoot === 'object' && __pushlensBoot !== null ? __pushlensBoot : undefined;
}

/**
 * The wrapper function's source, read with the Function.prototype.toString captured before any
 * page script ran; '' when the agent is not wrapped (then workers are left uncaptured).
 */
export function agentSource(): string {
  if (typeof __pushlensAgent !== 'function') return '';
  const src = call(natives.functionToString, __pushlensAgent) as string;
  return str.slice(src, 0, HEAD.length) === HEAD ? src : '';
}
