// Context: shared pure helpers (page agent, relay, background, panel). Shape checks for messages
// that cross a trust boundary. They run in the page too, so they call nothing the page can
// replace (no Array.isArray, no Object.* lookups): only operators.

/** A non-null object (arrays included): the first check of every message guard. */
export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}
