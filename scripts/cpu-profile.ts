// Reads a V8 CPU profile (CDP Profiler.stop): where the samples in one script's functions went.

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

/** Self time per function of scripts whose URL ends with `urlSuffix`, biggest first, as printable lines. */
export function topSelfTime(profile: CpuProfile, urlSuffix: string, n: number): string[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] as number;
    self.set(id, (self.get(id) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
  }
  const perFunction = new Map<string, number>();
  let total = 0;
  for (const [id, micros] of self) {
    const frame = byNode.get(id)?.callFrame;
    if (!frame || !frame.url.endsWith(urlSuffix)) continue;
    const key = `${frame.functionName || '(anonymous)'} @${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    perFunction.set(key, (perFunction.get(key) ?? 0) + micros);
    total += micros;
  }
  const lines = [...perFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, micros]) => `${(micros / 1000).toFixed(2)} ms self  ${key}`);
  return [`${urlSuffix}: ${(total / 1000).toFixed(2)} ms self time in all`, ...lines];
}
