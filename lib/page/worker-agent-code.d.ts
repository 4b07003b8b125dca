// Context: types only. The worker agent's bundled code, provided at build time by
// modules/pushlens-worker-agent.ts (a WXT module that bundles lib/page/worker-main.ts).
declare module 'virtual:pushlens-worker-agent' {
  const code: string;
  export default code;
}
