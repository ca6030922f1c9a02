import type { Container } from '@azure/cosmos';
import { z } from 'zod/v4';
import { forEachBounded } from '../../shared/bounded';
import { nameLookupsOf } from './name-match';

/** What an account page gives the backfill: its id and its stored `searchName`. */
const namedAccountSchema = z.object({ id: z.string(), searchName: z.string() });

export interface BackfillProgress {
  accounts: number;
  written: number;
}

/**
 * Writes the name lookups (`nameLookupsOf`) of every account, for a store whose accounts were
 * written without them: one query over the accounts, a page at a time (`pageSize`), and an upsert
 * per name lookup (at most `concurrency` at once). Safe to run again: the same documents are
 * written over. Accounts that fail the schema are counted in `skipped`, not written.
 */
export async function backfillNameLookups(
  containers: { accounts: Container; lookups: Container },
  options: { pageSize?: number; concurrency?: number; onPage?: (progress: BackfillProgress) => void } = {},
): Promise<BackfillProgress & { skipped: number }> {
  const iterator = containers.accounts.items.query('SELECT c.id, c.searchName FROM c', { maxItemCount: options.pageSize ?? 500 });
  const progress = { accounts: 0, written: 0, skipped: 0 };
  while (iterator.hasMoreResults()) {
    const { resources } = await iterator.fetchNext();
    const lookups = resources.flatMap((resource) => {
      const account = namedAccountSchema.safeParse(resource);
      if (!account.success) {
        progress.skipped += 1;
        return [];
      }
      progress.accounts += 1;
      return nameLookupsOf(account.data);
    });
    await forEachBounded(lookups, options.concurrency ?? 16, (lookup) => containers.lookups.items.upsert(lookup));
    progress.written += lookups.length;
    options.onPage?.({ accounts: progress.accounts, written: progress.written });
  }
  return progress;
}
