import type { Container } from '@azure/cosmos';
import { locationSchema, type Location } from './locations.schemas';

const LOCATION_ID = /^[A-Z0-9]{2,12}$/;

/** Reads store locations (partition key /id). */
export class LocationsStore {
  constructor(private readonly container: Container) {}

  /** Every location (a few dozen: read whole), by name. */
  async list(): Promise<Location[]> {
    const { resources } = await this.container.items.query('SELECT * FROM c ORDER BY c.name').fetchAll();
    return resources.map((r) => locationSchema.parse(r));
  }

  /** One point read; undefined when there is no such location (or the id cannot be one). */
  async get(id: string): Promise<Location | undefined> {
    if (!LOCATION_ID.test(id)) return undefined;
    const { resource } = await this.container.item(id, id).read();
    return resource ? locationSchema.parse(resource) : undefined;
  }
}
