/**
 * `npm run backfill:names`: writes the name lookups of every account in the configured store
 * (Azure Cosmos DB with COSMOS_ENDPOINT, else the embedded store's data file), for accounts that
 * were imported without them. Same configuration as the bot; safe to run again. Until it has run,
 * name search still finds those accounts, through the slower query over all accounts. With the
 * embedded store, stop the bot first: nothing stops two processes from saving the same data file.
 */
import { ConfigError, parseConfig } from '../src/config';
import { readEnvironment } from '../src/env-files';
import { backfillNameLookups } from '../src/features/accounts/name-lookup-backfill';
import { createLogger } from '../src/shared/logger';
import { openStore } from '../src/store/cosmos-store';

async function main(): Promise<number> {
  let config;
  try {
    config = parseConfig(readEnvironment(process.cwd(), process.env));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`The configuration is invalid:\n${error.problems.map((p) => `  ${p}`).join('\n')}`);
    return 1;
  }
  const store = await openStore(config.cosmos, createLogger('warn'));
  try {
    console.log(`Writing name lookups in ${store.description}…`);
    const done = await backfillNameLookups(store.containers, {
      onPage: ({ accounts, written }) => process.stdout.write(`\r${accounts.toLocaleString('en-US')} accounts, ${written.toLocaleString('en-US')} name lookups written`),
    });
    console.log(`\nDone: ${done.accounts.toLocaleString('en-US')} accounts, ${done.written.toLocaleString('en-US')} name lookups${done.skipped ? `, ${done.skipped} documents without an id and searchName skipped` : ''}.`);
    await store.flush();
    return 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Backfill failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
