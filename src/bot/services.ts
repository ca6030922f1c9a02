import type { Store } from '../store/cosmos-store';
import { AccountsService } from '../features/accounts/accounts.service';
import { AccountsStore } from '../features/accounts/accounts.store';
import { LocationsService } from '../features/locations/locations.service';
import { LocationsStore } from '../features/locations/locations.store';
import { NotesService } from '../features/notes/notes.service';
import { NotesStore } from '../features/notes/notes.store';

/** The services the account routes use, each over its own containers. */
export function accountServices(store: Store) {
  const { containers } = store;
  const accountsStore = new AccountsStore(containers.accounts, containers.lookups);
  return {
    accountsStore,
    accounts: new AccountsService(accountsStore),
    locations: new LocationsService(new LocationsStore(containers.locations)),
    notes: new NotesService(new NotesStore(containers.notes)),
  };
}
