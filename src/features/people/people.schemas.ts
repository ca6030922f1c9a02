import { z } from 'zod/v4';

/** What a person may be: DESIGN.md, Users and roles. */
export const ROLES = ['agent', 'mentor', 'admin', 'location_user', 'district_manager'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  agent: 'Agent',
  mentor: 'Mentor',
  admin: 'Admin',
  location_user: 'Location user',
  district_manager: 'District manager',
};

/** A person in the `people` container, keyed by the Teams user's AAD object id. */
export const personSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(120),
  email: z.email().optional(),
  /** Job title shown in notes, e.g. "TL" or "Supervisor". */
  title: z.string().max(40).optional(),
  roles: z.array(z.enum(ROLES)),
  team: z.string().max(80).optional(),
  /** Location ids this person serves (location users and district managers). */
  locationIds: z.array(z.string()).default([]),
  active: z.boolean().default(true),
});
export type Person = z.infer<typeof personSchema>;
