import { join } from 'node:path';
import { generateAccounts } from '../../src/demo/demo-accounts';
import { DEMO_LOCATIONS } from '../../src/demo/demo-locations';
import { generateNotes } from '../../src/demo/demo-notes';
import { DEMO_DEFAULTS, seedDemoData } from '../../src/demo/seed-demo-data';
import { silentLogger } from '../../src/shared/logger';
import { openStore, type Store } from '../../src/store/cosmos-store';
import { tempDir } from '../helpers/temp-dir';
import { countingContainer, type CallCounts } from '../../src/store/counting-container';

export const TODAY = '2026-11-22';

/** The demo data that `seedDemoData` writes for TODAY, generated again to pick real examples. */
export function demoData() {
  const { accounts, lookups } = generateAccounts({ seed: DEMO_DEFAULTS.seed, customers: DEMO_DEFAULTS.customers, leads: DEMO_DEFAULTS.leads, today: TODAY, locations: DEMO_LOCATIONS });
  return { accounts, lookups, notes: generateNotes({ seed: DEMO_DEFAULTS.seed, today: TODAY, accounts }), locations: DEMO_LOCATIONS };
}

/** A fresh embedded store (in memory) seeded with the demo data. */
export async function openSeededStore(): Promise<{ store: Store; close: () => Promise<void> }> {
  const dir = tempDir('deskmate-accounts-');
  const store = await openStore({ kind: 'embedded', dataFile: join(dir.path, 'cosmos.json'), database: 'accounts-test' }, silentLogger(), { persist: false });
  await seedDemoData(store, { today: TODAY });
  return {
    store,
    close: async () => {
      await store.close();
      dir.remove();
    },
  };
}

export { countingContainer, type CallCounts };
