import type { Role } from './people.schemas';

const AGENT: Role[] = ['agent', 'mentor', 'admin'];
const MENTOR: Role[] = ['mentor', 'admin'];
const ADMIN: Role[] = ['admin'];

/**
 * What each role may do (DESIGN.md, Users and roles): an agent asks, looks up accounts, files notes,
 * creates tasks and requests escalations; a mentor also decides escalations, answers KB questions and
 * manages quick responses; an admin may do everything. Checked on the server for every action.
 */
export const PERMISSIONS = {
  'kb.ask': AGENT,
  'accounts.read': AGENT,
  'accounts.update': AGENT,
  'notes.create': AGENT,
  'tasks.create': AGENT,
  'tasks.work': [...AGENT, 'location_user', 'district_manager'],
  'escalations.request': AGENT,
  'escalations.decide': MENTOR,
  'kb.answer': MENTOR,
  'quickResponses.manage': MENTOR,
  'kb.check': MENTOR,
  'kb.reload': ADMIN,
  'people.manage': ADMIN,
  'links.manage': ADMIN,
} as const satisfies Record<string, Role[]>;

export type Permission = keyof typeof PERMISSIONS;
