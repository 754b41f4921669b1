import { z } from '@/utils/zod';

/** The integration the admin is setting up and its options (e.g. export as expense reports). */
export const IntegrationSelectionSchema = z.object({
  profileId: z.string().min(1).max(64),
  options: z.record(z.string(), z.string()),
});
export type IntegrationSelection = z.infer<typeof IntegrationSelectionSchema>;

export const DEFAULT_SELECTION: IntegrationSelection = { profileId: 'expensify', options: {} };

export function parseSelection(value: unknown): IntegrationSelection {
  const parsed = IntegrationSelectionSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_SELECTION;
}
