// Context: node (bench). Reads a CDP Profiler.Profile: how long one script's top-level
// evaluation ran (self + children), summed over every frame that evaluated it.

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * A script's top-level code is the node of that URL at line -1, column -1 (V8 reports the script
 * itself so; 0:0 in older versions; its functions start further in), called from the event loop
 * rather than from the script itself. Identical stacks
 * are merged, so the frames' evaluations share one node; its subtree time is all of them.
 */
export function agentStartupFromProfile(profile: CpuProfile, urlSuffix: string): { totalUs: number; nodes: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Self time per node: each sample's time is the delta to the next sample.
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const dt = i + 1 < deltas.length ? deltas[i + 1] : 0;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + Math.max(0, dt));
  }
  const total = (id: number): number => {
    const n = byId.get(id)!;
    let t = self.get(id) ?? 0;
    for (const c of n.children ?? []) t += total(c);
    return t;
  };
  const isTop = (n: CpuProfileNode) => n.callFrame.url.endsWith(urlSuffix) && n.callFrame.lineNumber <= 0 && n.callFrame.columnNumber <= 0;
  const insideAgent = (id: number): boolean => {
    for (let p = parent.get(id); p !== undefined; p = parent.get(p)) if (byId.get(p)!.callFrame.url.endsWith(urlSuffix)) return true;
    return false;
  };
  let totalUs = 0;
  let nodes = 0;
  for (const n of profile.nodes) {
    if (!isTop(n) || insideAgent(n.id)) continue;
    totalUs += total(n.id);
    nodes++;
  }
  return { totalUs, nodes };
}
