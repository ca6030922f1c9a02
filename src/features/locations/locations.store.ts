import type { Container } from '@azure/cosmos';
import { locationSchema, type Location } from './locations.schemas';

const LOCATION_ID = /^[A-Z0-9]{2,12}$/;

/** Reads store locations (partition key /id). */
export class LocationsStore {
  constructor(private readonly container: Container) {}

  /** One point read; undefined when there is no such location (or the id cannot be one). */
  async get(id: string): Promise<Location | undefined> {
    if (!LOCATION_ID.test(id)) return undefined;
    const { resource } = await this.container.item(id, id).read();
    return resource ? locationSchema.parse(resource) : undefined;
  }
}
