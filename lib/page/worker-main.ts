// Context: dedicated worker. Entry of the worker agent bundle (built to a string by
// modules/pushlens-worker-agent.ts). The bootstrap blob wraps this code in a function that
// declares __pushlensWorkerBoot, so nothing of ours is left on the worker's global scope.
import { installWorkerAgent } from './worker-agent';
import type { WorkerBootConfig } from './worker-protocol';

declare const __pushlensWorkerBoot: WorkerBootConfig;

try {
  installWorkerAgent(__pushlensWorkerBoot);
} catch {
  /* never break the page's worker */
}
