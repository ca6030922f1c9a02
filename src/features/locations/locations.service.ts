import type { Location } from './locations.schemas';

/** What the locations feature offers other features. */
export class LocationsService {
  constructor(private readonly store: { get(id: string): Promise<Location | undefined>; list(): Promise<Location[]> }) {}

  /** Every location, by name. */
  list(): Promise<Location[]> {
    return this.store.list();
  }

  /** The location, or undefined when it is not set up. */
  get(id: string): Promise<Location | undefined> {
    return this.store.get(id);
  }
}
