import { z } from 'zod/v4';

/** A calendar date as YYYY-MM-DD. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
/** A timestamp as an ISO 8601 string. */
export const isoDateTime = z.iso.datetime({ offset: true });
/** Money in whole cents, never floating dollars. */
export const cents = z.number().int().min(0);
/** Ten-digit North American phone number, digits only (the country code is dropped). */
export const phoneDigits = z.string().regex(/^\d{10}$/, 'expected a 10-digit phone number');
export const email = z.email();
/** A person's reference as stored on records: the AAD object id and the display name at that time. */
export const personRef = z.object({ id: z.string().min(1), name: z.string().min(1) });
export type PersonRef = z.infer<typeof personRef>;

/**
 * A continuation token or etag a card carries back: it goes into a Cosmos request header, so only
 * printable ASCII (a forged one with other characters is refused as out of date, not a crash).
 */
export const headerToken = (max: number) => z.string().min(1).max(max).regex(/^[\x20-\x7E]+$/);
