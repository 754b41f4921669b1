// How `npm run bench` turns repeated measurements into a figure and a verdict that noise cannot flip
// (issue #21): every figure is the median of paired, alternating measurements, with its own run-to-run
// spread, and CI fails a figure only where it is over its budget by more than that spread, twice in a row.

export function median(values: readonly number[]): number {
  const sorted = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

/** A figure from repeated samples: its median and its spread (half the interquartile range). */
export interface Measured {
  value: number;
  spread: number;
  samples: number;
}

export function measured(values: readonly number[]): Measured {
  const sorted = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return { value: median(sorted), spread: (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / 2, samples: sorted.length };
}

/** Paired differences a[i] − b[i]: measured side by side, so the machine's drift between rounds cancels. */
export function paired(a: readonly number[], b: readonly number[]): number[] {
  return a.map((v, i) => v - (b[i] ?? Number.NaN));
}

export interface Budgeted {
  name: string;
  unit: string;
  budget: number;
  digits: number;
  first: Measured;
  /** The second attempt, taken only where the first was over budget by more than its spread. */
  second?: Measured;
}

/** Over budget by more than the figure's own spread: what noise alone does not explain. */
export function clearlyOver(m: Measured, budget: number): boolean {
  return m.value - budget > Math.max(m.spread, 0);
}

/** The line a figure prints: value, spread, budget, and how a second attempt went. */
export function figureLine(f: Budgeted): string {
  const show = (m: Measured): string => `${m.value.toFixed(f.digits)} ${f.unit} ±${m.spread.toFixed(f.digits)}`;
  const again = f.second ? `; second attempt ${show(f.second)}` : '';
  return `${f.name}: ${show(f.first)} (budget ≤ ${f.budget} ${f.unit}, median of ${f.first.samples}${again})`;
}

/** Fails only a figure clearly over budget on both attempts. */
export function fails(f: Budgeted): boolean {
  return clearlyOver(f.first, f.budget) && (f.second === undefined || clearlyOver(f.second, f.budget));
}
