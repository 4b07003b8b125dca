// Context: node (test). Compares the probe results of a page without PushLens (the reference)
// and with it. Keys starting with "~measure" are not compared for equality: the test checks
// them against a bound instead.
export interface Difference {
  path: string;
  without: unknown;
  with: unknown;
}

/** `ignore`: deep paths ("probe.field.0") whose difference is inherent; each is documented where listed. */
export function compareProbes(
  without: Record<string, unknown>,
  withExt: Record<string, unknown>,
  ignore: readonly string[] = [],
): { compared: number; differences: Difference[] } {
  const differences: Difference[] = [];
  let compared = 0;
  const keys = new Set([...Object.keys(without), ...Object.keys(withExt)]);
  for (const key of keys) {
    if (key.startsWith('~measure')) continue;
    compared++;
    const a = without[key];
    const b = withExt[key];
    const where = firstDifference(a, b, key, ignore);
    if (where) differences.push(where);
  }
  return { compared, differences };
}

/** The deepest path where two JSON values differ, with both values there. */
function firstDifference(a: unknown, b: unknown, path: string, ignore: readonly string[]): Difference | undefined {
  if (a === b || ignore.some((p) => path === p || path.startsWith(p + '.'))) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    for (const k of new Set([...ka, ...kb])) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, ignore);
      if (d) return d;
    }
    return undefined;
  }
  return { path, without: a, with: b };
}

export function formatDifference(d: Difference): string {
  return `${d.path}\n  without PushLens: ${JSON.stringify(d.without)}\n  with PushLens:    ${JSON.stringify(d.with)}`;
}
