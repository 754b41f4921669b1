import { z } from '@/utils/zod';

const FindingDataSchema = z.object({
  id: z.string().max(300),
  subject: z.string().max(2000),
  status: z.enum(['ok', 'missing', 'wrong', 'excess']),
  found: z.string().max(5000),
  expected: z.string().max(5000),
  message: z.string().max(5000),
  fix: z.string().max(5000),
  group: z.string().max(500),
  stepId: z.string().max(64).optional(),
});

/** The overlay asks the background to save the audit it shows (the background holds the downloads permission). */
export const ExportAuditSchema = z.object({
  type: z.literal('ish/export-audit'),
  meta: z.object({
    company: z.string().max(200),
    subject: z.object({ kind: z.enum(['role', 'user']), name: z.string().max(500) }).nullable(),
    integration: z.string().max(200),
    options: z.array(z.object({ label: z.string().max(500), value: z.string().max(500) })).max(50),
    date: z.string().max(40),
    pageKind: z.string().max(40),
  }),
  findings: z.array(FindingDataSchema).max(20000),
});
export type ExportAudit = z.infer<typeof ExportAuditSchema>;
