// Context: extension contexts only (relay, background, panel): it calls the global JSON, which a
// page can replace, so the page agent must not use it (lib/page/natives.ts has the captured one).

/**
 * `value` as JSON would carry it (undefined members dropped, Dates as strings, Maps as `{}`, NaN
 * as null), or undefined when JSON cannot (a cycle, a BigInt). Messaging hops use it to hand on
 * plain data whatever the Port's own serialization is.
 */
export function jsonCopy(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return undefined;
  }
}
