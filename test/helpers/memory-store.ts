import { randomUUID } from 'node:crypto';
import { silentLogger, type Logger } from '../../src/shared/logger';
import { openStore, type Store } from '../../src/store/cosmos-store';

/**
 * The embedded store in memory, in this process (no data file, nothing saved), with a database of
 * its own: `<name>-<random>` so that tests never share one.
 */
export function openMemoryStore(name = 'test', logger: Logger = silentLogger()): Promise<Store> {
  return openStore({ kind: 'embedded', dataFile: '', database: `${name}-${randomUUID().slice(0, 8)}` }, logger, { persist: false });
}
