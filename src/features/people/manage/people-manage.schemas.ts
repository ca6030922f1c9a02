import { z } from 'zod/v4';
import { headerToken } from '../../../shared/schema-parts';

/** Card verbs of the admins' people cards; the cards and the routes use the same constants. */
export const PEOPLE_VERBS = {
  /** The list, optionally narrowed by a name. */
  list: 'people.list',
  /** "Add a person" (empty form) or "Edit" (one person's form). */
  edit: 'people.edit',
  /** The form's "Save". */
  save: 'people.save',
} as const;
export const PEOPLE_VERB_PREFIX = /^people\./;

/**
 * An Entra (AAD) user object id, as Teams sends it and `whoami` shows it, for adding a person. The
 * Agents Playground's built-in users have 13 digits in the last group, so 13 is accepted too.
 */
export const OBJECT_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12,13}$/;
/** A person's id as a card carries it back: only a lookup key, checked against the store. */
const PERSON_ID = /^[\w-]{1,64}$/;

export const PERSON_LIMITS = { name: 120, title: 40, team: 80, locations: 500 } as const;

const field = (max: number) => z.union([z.string().max(max), z.number().finite().transform(String)]).nullish().transform((v) => (v ?? '').trim());

/** The list's filter box. */
export const peopleListSchema = z.object({ find: field(60) });

/** Which person's form to open: none for a new one. */
export const personRefSchema = z.object({ id: z.string().regex(PERSON_ID).optional() });

/**
 * The form's submit. A new person's object id is typed into the form (`objectId`); an existing one's
 * comes with the card (`id`, with the etag it showed). Roles come from a multi-select as "a,b";
 * locations are typed as store ids, comma-separated; `active` from a toggle as "true"/"false".
 */
export const personSaveSchema = z.object({
  id: z.string().regex(PERSON_ID).optional(),
  etag: headerToken(200).optional(),
  objectId: field(60),
  name: field(PERSON_LIMITS.name),
  roles: field(200),
  title: field(PERSON_LIMITS.title),
  team: field(PERSON_LIMITS.team),
  locationIds: field(PERSON_LIMITS.locations),
  active: z.enum(['true', 'false']).or(z.boolean().transform(String)).default('true'),
});
export type PersonSave = z.infer<typeof personSaveSchema>;
