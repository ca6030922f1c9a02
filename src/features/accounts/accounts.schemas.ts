import { z } from 'zod/v4';
import { cents, email, isoDate, isoDateTime, personRef, phoneDigits } from '../../shared/schema-parts';

export const UNIT_TYPES = ['Standard', 'Climate Controlled', 'Drive-up', 'Parking', 'Wine Storage'] as const;
export const CUSTOMER_STATUSES = ['Current', 'Delinquent'] as const;
export const LEAD_STATUSES = ['Active', 'Rented', 'Canceled'] as const;
export const COLLECTION_EVENT_TYPES = ['Reminder call', 'Reminder text', 'Reminder email', 'Late fee', 'Pre-lien notice', 'Lien notice', 'Auction'] as const;

export const promiseToPaySchema = z.object({
  date: isoDate,
  amountCents: cents,
  setBy: personRef,
  setAt: isoDateTime,
});

/** One rented space. Days past due are worked out from `pastDueSince` when shown. */
export const unitSchema = z.object({
  id: z.string().min(1),
  size: z.string().regex(/^\d+x\d+$/),
  type: z.enum(UNIT_TYPES),
  status: z.enum(CUSTOMER_STATUSES),
  rentCents: cents,
  moveInDate: isoDate,
  nextDueDate: isoDate,
  lastPaymentDate: isoDate.optional(),
  paidToDate: isoDate,
  /** The first unpaid due date (day 0) while the unit is delinquent. */
  pastDueSince: isoDate.optional(),
  amountDueCents: cents,
  overlock: z.boolean().default(false),
  auctionDate: isoDate.optional(),
  promiseToPay: promiseToPaySchema.optional(),
});
export type Unit = z.infer<typeof unitSchema>;

export const phoneSchema = z.object({ number: phoneDigits, label: z.enum(['mobile', 'home', 'work', 'other']), primary: z.boolean() });
export const emailSchema = z.object({ address: email, primary: z.boolean() });

/** A customer or lead in the `accounts` container (partition key /id). */
export const accountSchema = z.object({
  id: z.string().regex(/^\d{6,10}$/),
  kind: z.enum(['customer', 'lead']),
  status: z.enum([...CUSTOMER_STATUSES, ...LEAD_STATUSES]),
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  /** Lower-case name without accents, "first last", for name search. */
  searchName: z.string(),
  phones: z.array(phoneSchema),
  emails: z.array(emailSchema),
  locationId: z.string(),
  language: z.enum(['en', 'fr']),
  preferences: z.object({ marketing: z.boolean(), paymentReminders: z.boolean(), accountNotifications: z.boolean() }),
  /** The identification on file for verifying callers; often only its last 3 digits. */
  identity: z.object({ idNumber: z.string().optional(), idLast3: z.string().regex(/^\d{3}$/) }),
  units: z.array(unitSchema),
  collection: z.object({ nextEventDate: isoDate, nextEventType: z.enum(COLLECTION_EVENT_TYPES) }).optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Account = z.infer<typeof accountSchema>;

/** A point-read index entry in `lookups`: `phone:5035550134`, `email:a@b.c`, `unit:PDX1:B112`, `unit:B112`. */
export const lookupSchema = z.object({ id: z.string(), key: z.string(), accountIds: z.array(z.string()).min(1) });
export type Lookup = z.infer<typeof lookupSchema>;

/** A name lookup (see `nameStarts`): in partition `name:<start>`, the account and its `searchName`, id `name:<start>:<account id>`. */
export const nameLookupSchema = z.object({ id: z.string(), key: z.string().startsWith('name:'), accountId: z.string(), searchName: z.string() });
export type NameLookup = z.infer<typeof nameLookupSchema>;

/** One line of an account search result: enough to tell matches apart, never the full id. */
export const accountSummarySchema = z.object({
  id: accountSchema.shape.id,
  /** "First Last" as written on the account, accents kept. */
  name: z.string(),
  /** '•••' and the last 3 digits of the account id, for showing to the agent. */
  maskedId: z.string(),
  kind: accountSchema.shape.kind,
  status: accountSchema.shape.status,
  locationId: z.string(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

/** An account as read from the store, with the `_etag` an edit passes back (`IfMatch`). */
export interface AccountRecord {
  account: Account;
  etag: string;
}
