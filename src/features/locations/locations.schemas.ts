import { z } from 'zod/v4';

const hours = z.object({ days: z.string().min(1), open: z.string().regex(/^\d{2}:\d{2}$/), close: z.string().regex(/^\d{2}:\d{2}$/) });

/** A property (store location) in the `locations` container. */
export const locationSchema = z.object({
  id: z.string().regex(/^[A-Z0-9]{2,12}$/),
  name: z.string().min(1),
  address: z.object({ street: z.string(), city: z.string(), state: z.string().length(2), zip: z.string() }),
  phone: z.string(),
  email: z.email(),
  website: z.url(),
  timeZone: z.string().min(1),
  officeHours: z.array(hours),
  accessHours: z.array(hours),
  gateSystem: z.enum(['OpenTech', 'PTI Security', 'Keypad only']),
  districtManager: z.object({ id: z.string(), name: z.string(), phone: z.string(), email: z.email() }),
  notes: z.string().optional(),
});
export type Location = z.infer<typeof locationSchema>;
