import { PageKindSchema } from '@/utils/profiles/schema';
import { z } from '@/utils/zod';

/**
 * What the popup learns of each frame of the Intacct tab when it opens (issue #9): which page it is, and
 * for a page no detector knows, its structure-only signature for teaching. Injected on demand
 * (entrypoints/probe.content.ts); the answers cross from the page's frames, so they are parsed here.
 */
export const FrameProbeSchema = z.strictObject({
  /** Origin and path only: the query holds the UI session. */
  url: z.string().max(2000),
  kind: PageKindSchema.nullable(),
  /** Recognized by a built-in detector (false for a taught page or none). */
  builtIn: z.boolean(),
  /** The frameset shell around Intacct's pages, never a setup page itself. */
  shell: z.boolean(),
  title: z.string().max(200),
  /** Where no detector is sure: the kind that came closest and its score (RECOGNIZED is needed). */
  closest: z.strictObject({ kind: PageKindSchema, score: z.number().min(0).max(10) }).nullable(),
  signature: z.strictObject({
    path: z.string().max(300),
    queryKeys: z.array(z.string().max(40)).max(20),
    names: z.array(z.string().max(120)).max(6),
    labels: z.array(z.string().max(120)).max(40),
  }),
});

export type FrameProbe = z.infer<typeof FrameProbeSchema>;

export interface ProbedFrame extends FrameProbe {
  frameId: number;
}

/** The snapshot is a few tens of kB; anything far bigger is not ours. */
export const PageStructureTextSchema = z.string().max(2_000_000);

/** The injection results of the probe, one per frame that answered, malformed answers dropped. */
export function parseFrameProbes(results: readonly { frameId?: number; result?: unknown }[] | undefined): ProbedFrame[] {
  const out: ProbedFrame[] = [];
  for (const r of results ?? []) {
    const parsed = FrameProbeSchema.safeParse(r.result);
    if (parsed.success && typeof r.frameId === 'number') out.push({ ...parsed.data, frameId: r.frameId });
  }
  return out.sort((a, b) => a.frameId - b.frameId);
}
