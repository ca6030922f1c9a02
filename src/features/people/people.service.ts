import { DomainError } from '../../shared/errors';
import { ShortCache } from '../../shared/short-cache';
import { FIRST_ADMIN_NAME } from './first-admins';
import { PERMISSIONS, type Permission } from './people.permissions';
import type { Person } from './people.schemas';
import type { PeopleStore } from './people.store';

/** Who is calling: the Teams identity, and the person record when they are set up. */
export interface Caller {
  readonly aadObjectId?: string;
  readonly displayName: string;
  readonly person?: Person;
}

/** True when the caller's roles allow the action. Unknown and inactive people may do nothing. */
export function can(caller: Caller, permission: Permission): boolean {
  const person = caller.person;
  if (!person || !person.active) return false;
  const allowed: readonly string[] = PERMISSIONS[permission];
  return person.roles.some((role) => allowed.includes(role));
}

/** Throws a DomainError the user can read when the caller may not do the action. */
export function requirePermission(caller: Caller, permission: Permission): Person {
  if (!caller.person || !caller.person.active) {
    throw new DomainError('unknown_user', 'You are not set up in Deskmate yet, so you cannot use account data. Ask an admin to add you with your role (agent, mentor or admin); type "whoami" to see the id they will need.');
  }
  if (!can(caller, permission)) {
    throw new DomainError('forbidden', 'Your role does not allow this. If you need it, ask an admin or your team lead.');
  }
  return caller.person;
}

/**
 * How long this process keeps the list of active people. It only decides whose cards refresh on their
 * own in Teams (a task's or a request's `userIds`); every action still checks the caller's own record.
 */
export const ACTIVE_PEOPLE_CACHE_MS = 30_000;

/** Finds who the caller is from their AAD object id (never from anything a card claims). */
export class PeopleService {
  private readonly activeList: ShortCache<Person[]>;

  constructor(private readonly store: PeopleStore) {
    this.activeList = new ShortCache({ ttlMs: ACTIVE_PEOPLE_CACHE_MS, max: 1, read: () => store.active() });
  }

  async identify(aadObjectId: string | undefined, displayName: string | undefined): Promise<Caller> {
    let person = aadObjectId ? await this.store.get(aadObjectId) : undefined;
    if (person && person.name === FIRST_ADMIN_NAME && displayName?.trim()) person = await this.learnName(person, displayName.trim());
    return { aadObjectId, displayName: person?.name ?? displayName ?? 'there', person };
  }

  /** A first admin's record gets their Teams name the first time they talk to Deskmate. */
  private async learnName(person: Person, name: string): Promise<Person> {
    const named = { ...person, name: name.slice(0, 120) };
    await this.store.upsert(named);
    return named;
  }

  /** Everyone active (read at most every 30 s per process): whose task and request cards refresh for them. */
  async active(): Promise<readonly Person[]> {
    return (await this.activeList.get('active')) ?? [];
  }

  /** After this process added or changed someone: the next `active()` reads the store again. */
  forgetActive(): void {
    this.activeList.clear();
  }
}

export type { Permission } from './people.permissions';
