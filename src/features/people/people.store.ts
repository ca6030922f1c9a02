import type { Container } from '@azure/cosmos';
import { personSchema, type Person } from './people.schemas';

/** Someone else saved the person since the form was opened. */
export class PersonConflictError extends Error {
  constructor(readonly current: Person, readonly currentEtag: string) {
    super('the person changed since the form was opened');
    this.name = 'PersonConflictError';
  }
}

/** Reads and writes people documents (partition key /id = AAD object id). */
export class PeopleStore {
  constructor(private readonly container: Container) {}

  /** One point read; undefined when the person is not set up. */
  async get(aadObjectId: string): Promise<Person | undefined> {
    const { resource } = await this.container.item(aadObjectId, aadObjectId).read();
    return resource ? personSchema.parse(resource) : undefined;
  }

  /** One person with the etag of what was read, for an edit form. */
  async getForEdit(aadObjectId: string): Promise<{ person: Person; etag: string } | undefined> {
    const { resource } = await this.container.item(aadObjectId, aadObjectId).read<Person & { _etag: string }>();
    return resource ? { person: personSchema.parse(resource), etag: resource._etag } : undefined;
  }

  /** Everyone, active or not (a few hundred people at most: read whole). */
  async all(): Promise<Person[]> {
    const { resources } = await this.container.items.query('SELECT * FROM c').fetchAll();
    return resources.map((r) => personSchema.parse(r));
  }

  /** Replaces the person if the record is still as the form showed it (`etag`). */
  async replace(person: Person, etag: string): Promise<Person> {
    try {
      const { resource } = await this.container.item(person.id, person.id).replace(personSchema.parse(person), { accessCondition: { type: 'IfMatch', condition: etag } });
      return personSchema.parse(resource);
    } catch (error) {
      const current = (error as { code?: unknown }).code === 412 ? await this.getForEdit(person.id) : undefined;
      if (current) throw new PersonConflictError(current.person, current.etag);
      throw error;
    }
  }

  /** Everyone active (a few hundred people at most: read whole). */
  async active(): Promise<Person[]> {
    const { resources } = await this.container.items.query('SELECT * FROM c WHERE c.active = true').fetchAll();
    return resources.map((r) => personSchema.parse(r));
  }

  /** Creates the record unless one with this id exists (another instance may be creating it too). */
  async createIfAbsent(person: Person): Promise<boolean> {
    try {
      await this.container.items.create(personSchema.parse(person));
      return true;
    } catch (error) {
      if ((error as { code?: unknown }).code === 409) return false;
      throw error;
    }
  }

  async upsert(person: Person): Promise<void> {
    await this.container.items.upsert(personSchema.parse(person));
  }
}
