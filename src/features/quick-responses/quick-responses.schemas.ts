import { z } from 'zod/v4';
import { isoDateTime, personRef, headerToken } from '../../shared/schema-parts';

/** Card verbs of the quick responses cards; the cards and the routes use the same constants. */
export const QUICK_RESPONSE_VERBS = {
  /** A mentor's "Add" or "Edit": the form, empty or filled. */
  edit: 'quick.edit',
  /** The form's "Save". */
  save: 'quick.save',
  /** "Retire": agents no longer see it. */
  retire: 'quick.retire',
  /** Back to the list. */
  list: 'quick.list',
} as const;
export const QUICK_RESPONSE_VERB_PREFIX = /^quick\./;

export const QUICK_RESPONSE_LIMITS = { title: 80, reason: 1000, resolution: 2000, followUp: 500 } as const;

/**
 * A ready-made note text for a common scenario, in the 4E fields, that fills the note form. Mentors
 * add, edit and retire them; agents pick the active ones.
 */
export const quickResponseSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().min(1).max(QUICK_RESPONSE_LIMITS.title),
  reason: z.string().max(QUICK_RESPONSE_LIMITS.reason),
  resolution: z.string().max(QUICK_RESPONSE_LIMITS.resolution),
  followUp: z.string().max(QUICK_RESPONSE_LIMITS.followUp),
  /** "Category › Name" of the disposition it usually takes, or empty. */
  disposition: z.string().max(200),
  active: z.boolean(),
  updatedBy: personRef,
  updatedAt: isoDateTime,
  _etag: z.string().optional(),
});
export type QuickResponse = z.infer<typeof quickResponseSchema>;

const field = (max: number) => z.union([z.string().max(max), z.number().finite().transform(String)]).nullish().transform((v) => v ?? '');

/** The edit form's submit: which one (a new one's id is made with the form), the etag it showed, and the fields. */
export const quickResponseSaveSchema = z.object({
  id: z.string().regex(/^[\w-]{1,64}$/),
  etag: headerToken(200).optional(),
  title: field(QUICK_RESPONSE_LIMITS.title),
  reason: field(QUICK_RESPONSE_LIMITS.reason),
  resolution: field(QUICK_RESPONSE_LIMITS.resolution),
  followUp: field(QUICK_RESPONSE_LIMITS.followUp),
  disposition: field(200),
});
export type QuickResponseSave = z.infer<typeof quickResponseSaveSchema>;

export const quickResponseRefSchema = z.object({ id: z.string().regex(/^[\w-]{1,64}$/).optional() });
