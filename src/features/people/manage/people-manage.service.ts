import { DomainError } from '../../../shared/errors';
import { requirePermission, type Caller } from '../people.service';
import { ROLES, type Person, type Role } from '../people.schemas';
import { PersonConflictError, type PeopleStore } from '../people.store';
import { OBJECT_ID, type PersonSave } from './people-manage.schemas';

/** The admins' form as shown: a new person (no id yet) or one with the etag it was read at, and any problems. */
export interface PersonFormView {
  id?: string;
  etag?: string;
  values: { objectId: string; name: string; roles: Role[]; title: string; team: string; locationIds: string; active: boolean };
  errors: Partial<Record<'objectId' | 'name' | 'roles' | 'locationIds', string>>;
  notice?: string;
}

export type PersonSaveOutcome = { kind: 'saved'; person: Person; created: boolean } | { kind: 'form'; view: PersonFormView };

/** The list as shown: at most LIST_LIMIT people, by name, and how many matched. */
export interface PeopleListView {
  people: Person[];
  matched: number;
  find: string;
}

export const LIST_LIMIT = 25;
const ROLES_NEEDING_LOCATIONS: Role[] = ['location_user', 'district_manager'];

/**
 * People and their roles, managed by admins (`people.manage`, checked here for every call): who may
 * use Deskmate and for what. An admin cannot take their own admin role away or switch themselves
 * off, so there is always someone left who can undo a mistake.
 */
export class PeopleAdmin {
  constructor(
    private readonly store: PeopleStore,
    private readonly locations: { list(): Promise<{ id: string }[]> },
    /** Called after a person is saved (the bot forgets its cached list of active people). */
    private readonly saved: () => void = () => {},
  ) {}

  async list(caller: Caller, find = ''): Promise<PeopleListView> {
    requirePermission(caller, 'people.manage');
    const needle = find.trim().toLowerCase();
    const matching = (await this.store.all())
      .filter((p) => !needle || p.name.toLowerCase().includes(needle) || p.id === needle)
      .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
    return { people: matching.slice(0, LIST_LIMIT), matched: matching.length, find: find.trim() };
  }

  async form(caller: Caller, id?: string): Promise<PersonFormView> {
    requirePermission(caller, 'people.manage');
    if (!id) return { values: { objectId: '', name: '', roles: ['agent'], title: '', team: '', locationIds: '', active: true }, errors: {} };
    const found = await this.store.getForEdit(id);
    if (!found) throw new DomainError('not_found', 'That person is not set up any more. Open the list again.');
    return { id: found.person.id, etag: found.etag, values: valuesOf(found.person), errors: {} };
  }

  async save(caller: Caller, submit: PersonSave): Promise<PersonSaveOutcome> {
    const admin = requirePermission(caller, 'people.manage');
    const id = submit.id ?? submit.objectId.toLowerCase();
    const roles = [...new Set(submit.roles.split(',').map((r) => r.trim()).filter(Boolean))];
    const locationIds = [...new Set(submit.locationIds.split(/[\s,;]+/).map((l) => l.trim().toUpperCase()).filter(Boolean))];
    const values: PersonFormView['values'] = {
      objectId: submit.id ? '' : submit.objectId,
      name: submit.name,
      roles: roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
      title: submit.title,
      team: submit.team,
      locationIds: locationIds.join(', '),
      active: submit.active === 'true',
    };
    const errors = await this.problems(admin, id, !submit.id, values, roles, locationIds);
    const view = { id: submit.id, etag: submit.etag, values, errors };
    if (Object.keys(errors).length) return { kind: 'form', view };
    const person: Person = {
      id,
      name: values.name,
      roles: values.roles,
      locationIds,
      active: values.active,
      ...(values.title ? { title: values.title } : {}),
      ...(values.team ? { team: values.team } : {}),
    };
    if (!submit.id || !submit.etag) {
      if (await this.store.createIfAbsent(person)) {
        this.saved();
        return { kind: 'saved', person, created: true };
      }
      const existing = await this.store.get(id);
      return { kind: 'form', view: { ...view, errors: { objectId: `${existing?.name ?? 'Someone'} is already set up with this id. Open them from the list to change them.` } } };
    }
    const current = await this.store.get(id);
    if (!current) throw new DomainError('not_found', 'That person is not set up any more. Open the list again.');
    try {
      const saved = await this.store.replace({ ...person, ...(current.email ? { email: current.email } : {}) }, submit.etag);
      this.saved();
      return { kind: 'saved', person: saved, created: false };
    } catch (error) {
      if (!(error instanceof PersonConflictError)) throw error;
      const notice = 'Someone changed this person while you were editing. Your changes are below; save again to replace theirs.';
      return { kind: 'form', view: { ...view, etag: error.currentEtag, notice } };
    }
  }

  private async problems(admin: Person, id: string, isNew: boolean, values: PersonFormView['values'], roles: string[], locationIds: string[]): Promise<PersonFormView['errors']> {
    const errors: PersonFormView['errors'] = {};
    if (isNew && !OBJECT_ID.test(id)) errors.objectId = 'Enter their Entra user object id: 36 characters such as 7a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b. "whoami" shows it to them.';
    if (!values.name) errors.name = 'Enter their name as colleagues know it.';
    const unknownRoles = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (unknownRoles.length) errors.roles = 'Pick roles from the list.';
    else if (values.roles.length === 0) errors.roles = 'Pick at least one role. To stop someone using Deskmate, switch "Can use Deskmate" off instead.';
    else if (id === admin.id && (!values.roles.includes('admin') || !values.active)) errors.roles = 'You cannot take away your own admin role or switch yourself off. Ask another admin to.';
    const known = new Set((await this.locations.list()).map((l) => l.id.toUpperCase()));
    const unknownLocations = locationIds.filter((l) => !known.has(l));
    if (unknownLocations.length) errors.locationIds = `Not a store id: ${unknownLocations.join(', ')}. Use ids such as ${[...known].slice(0, 3).join(', ')}.`;
    else if (locationIds.length === 0 && values.roles.some((r) => ROLES_NEEDING_LOCATIONS.includes(r))) errors.locationIds = 'Store staff and district managers need the stores they serve.';
    return errors;
  }
}

function valuesOf(person: Person): PersonFormView['values'] {
  return { objectId: '', name: person.name, roles: person.roles, title: person.title ?? '', team: person.team ?? '', locationIds: person.locationIds.join(', '), active: person.active };
}
