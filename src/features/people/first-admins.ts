import type { Logger } from '../../shared/logger';
import type { PeopleStore } from './people.store';

/** The name a first admin has until they first talk to Deskmate; then their Teams name replaces it. */
export const FIRST_ADMIN_NAME = 'First admin (not seen in Teams yet)';

/**
 * FIRST_ADMINS: the Entra object ids that are admins from the start, so a new deployment (where the
 * people container is empty) has someone who may set up the rest. Only people with no record get
 * one; a record that exists is never changed here, so an admin who later lowers or removes the role
 * of a first admin is not overruled at the next start. Returns the ids that were added.
 */
export async function addFirstAdmins(people: PeopleStore, ids: readonly string[], logger: Logger): Promise<string[]> {
  const added: string[] = [];
  for (const id of ids) {
    const created = await people.createIfAbsent({ id, name: FIRST_ADMIN_NAME, roles: ['admin'], locationIds: [], active: true });
    if (created) added.push(id);
  }
  if (added.length > 0) logger.info({ added }, 'first admins added from FIRST_ADMINS');
  return added;
}
