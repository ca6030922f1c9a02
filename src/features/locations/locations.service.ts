import type { Location } from './locations.schemas';

/** What the locations feature offers other features. */
export class LocationsService {
  constructor(private readonly store: { get(id: string): Promise<Location | undefined> }) {}

  /** The location, or undefined when it is not set up. */
  get(id: string): Promise<Location | undefined> {
    return this.store.get(id);
  }
}
