import { z } from 'zod/v4';
import { RELATIONSHIPS } from '../../notes/notes.schemas';
import { accountSchema, emailSchema, phoneSchema, type Account } from '../accounts.schemas';
import { headerToken } from '../../../shared/schema-parts';

/** Card verbs of the "Update contact" cards (Action.Execute); the routes match on the same constants. */
export const CONTACT_VERBS = {
  open: 'contact.open',
  submit: 'contact.submit',
  cancel: 'contact.cancel',
} as const;
/** Every verb the contact routes answer, known or not (unknown ones get a clear card). */
export const CONTACT_VERB_PATTERN = /^contact\./;

export const PHONE_LABELS = phoneSchema.shape.label.options;
/** The choice value that means "the phone (or email) typed in the add field". */
export const NEW_CHOICE = 'new';
/** A whole Action.Execute payload longer than this is refused without reading it further. */
export const MAX_PAYLOAD_CHARS = 20_000;

/** The contact details one form edits. */
export type ContactDetails = Pick<Account, 'phones' | 'emails' | 'language' | 'preferences'>;
export type Relationship = (typeof RELATIONSHIPS)[number];

/**
 * The account as the form showed it. `stamp` is the account's `createdAt`, which never changes: a
 * form whose stamp is not the account's was made for another account.
 */
export const seenSchema = z.object({
  stamp: z.string().min(1).max(40),
  phones: z.array(phoneSchema).max(10),
  emails: z.array(emailSchema.extend({ address: z.string().min(3).max(254) })).max(10),
  language: accountSchema.shape.language,
  preferences: accountSchema.shape.preferences,
});
export type SeenContact = z.infer<typeof seenSchema>;

const typed = (max: number) => z.string().max(max).optional();
// Input.Toggle sends "true"/"false"; a boolean is read the same way.
const toggle = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');
// A multi-select Input.ChoiceSet sends its values joined with commas.
const multiSelect = (max: number) => z.string().max(max).optional().transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

/** What the form's "Save" button sends: its data plus every input. Sizes are capped; content is checked later. */
export const contactSubmitSchema = z.object({
  accountId: accountSchema.shape.id,
  etag: headerToken(100),
  submissionId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  seen: seenSchema,
  callerName: typed(500),
  callerRelationship: z.enum(RELATIONSHIPS).optional(),
  primaryPhone: typed(20),
  removePhones: multiSelect(500),
  newPhone: typed(500),
  newPhoneLabel: z.enum(PHONE_LABELS).optional(),
  primaryEmail: typed(260),
  removeEmails: multiSelect(3000),
  newEmail: typed(500),
  language: accountSchema.shape.language,
  marketing: toggle,
  paymentReminders: toggle,
  accountNotifications: toggle,
});
export type ContactSubmit = z.infer<typeof contactSubmitSchema>;

/** What the "Update contact" and "Cancel" buttons send. */
export const contactOpenSchema = z.object({ accountId: accountSchema.shape.id });

/** The values an agent sees (or typed) in the form's inputs. */
export interface ContactFormValues {
  callerName: string;
  callerRelationship: Relationship;
  primaryPhone: string;
  removePhones: string[];
  newPhone: string;
  newPhoneLabel: (typeof PHONE_LABELS)[number];
  primaryEmail: string;
  removeEmails: string[];
  newEmail: string;
  language: Account['language'];
  preferences: Account['preferences'];
}
export type ContactField = keyof ContactFormValues;
/** A message to show next to each input the agent has to fix. */
export type ContactErrors = Partial<Record<ContactField, string>>;
