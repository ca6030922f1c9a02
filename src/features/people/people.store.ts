import type { Container } from '@azure/cosmos';
import { personSchema, type Person } from './people.schemas';

/** Reads and writes people documents (partition key /id = AAD object id). */
export class PeopleStore {
  constructor(private readonly container: Container) {}

  /** One point read; undefined when the person is not set up. */
  async get(aadObjectId: string): Promise<Person | undefined> {
    const { resource } = await this.container.item(aadObjectId, aadObjectId).read();
    return resource ? personSchema.parse(resource) : undefined;
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
