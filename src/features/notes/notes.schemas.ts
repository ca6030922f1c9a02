import { z } from 'zod/v4';
import { isoDateTime, personRef } from '../../shared/schema-parts';

export const RELATIONSHIPS = ['Account holder', 'Spouse', 'Partner', 'Son', 'Daughter', 'Parent', 'Relative', 'Employee', 'Authorized user', 'Other'] as const;

/**
 * An append-only account note in the 4E layout (customer information, reason, resolution,
 * additional information, follow-up). A correction is a new note naming the one it corrects.
 */
export const noteSchema = z.object({
  id: z.string().min(1),
  accountId: z.string().min(1),
  unitIds: z.array(z.string()).min(1),
  author: personRef.extend({ title: z.string().optional() }),
  createdAt: isoDateTime,
  caller: z.object({ name: z.string().min(1).max(120), relationship: z.enum(RELATIONSHIPS) }),
  reason: z.string().min(1).max(2000),
  resolution: z.string().min(1).max(4000),
  additionalInfo: z.string().max(2000).optional(),
  followUp: z.string().max(1000).optional(),
  disposition: z.object({ category: z.string().min(1), name: z.string().min(1) }),
  flags: z.object({ urgent: z.boolean(), collection: z.boolean(), critical: z.boolean() }),
  correctsNoteId: z.string().optional(),
});
export type Note = z.infer<typeof noteSchema>;
