import type Account from '@vercel/cosmosdb-server/lib/account';

/**
 * The embedded server's own item maps, as far as Deskmate reaches into them: an account holds
 * databases, a database containers, a container documents; each map is keyed by _rid.
 */
export type StoredItem = Record<string, unknown> & { _rid: string };
export interface Readable {
  read(): StoredItem | undefined;
}
export interface ItemMap<T> {
  _data: Map<string, T>;
  _ridCount: number;
  _set(data: { _rid: string }): unknown;
  delete(idOrRid: string, partition?: unknown): void;
  _item(keyPath: string, value: string, partition?: unknown): Readable;
  _getPartition(data: unknown): unknown;
  _getPartitionKeyPath(): string[];
  query(params: unknown, options: unknown): unknown;
}
export interface ContainerNode extends Readable {
  documents: ItemMap<Readable>;
}
export interface DatabaseNode extends Readable {
  collections: ItemMap<ContainerNode>;
}

export function databasesOf(account: Account): ItemMap<DatabaseNode> {
  return account.databases as unknown as ItemMap<DatabaseNode>;
}

/** What an observer hears about; every callback is optional. */
export interface AccountObserver {
  /** A database was set or deleted (its _rid). */
  database?(rid: string): void;
  /** A container of `database` was set or deleted (its _rid). */
  container?(database: DatabaseNode, rid: string): void;
  /** A container is there: once for each at the start, then for each new one. */
  containerFound?(container: ContainerNode): void;
  /** A document of `container` was set (after: what it holds, and the server's item for it) or deleted (before). */
  documentSet?(container: ContainerNode, doc: StoredItem, item: Readable | undefined): void;
  documentDeleted?(container: ContainerNode, doc: StoredItem): void;
}

/**
 * Hears every change the server makes to one account, by wrapping its item maps instance by
 * instance (nothing global; another account in the same process is not touched). Replacing an item
 * is a delete and then a set, as the server does it.
 */
export function observeAccount(account: Account, observer: AccountObserver): void {
  const wrap = <T>(items: ItemMap<T>, onSet: (data: StoredItem, made: T | undefined) => void, onDelete: (before: StoredItem) => void) => {
    const set = items._set.bind(items);
    const remove = items.delete.bind(items);
    items._set = (data) => {
      const result = set(data);
      onSet(data as StoredItem, items._data.get(data._rid));
      return result;
    };
    items.delete = (idOrRid, partition) => {
      const before = items._item('/id', idOrRid, partition).read();
      remove(idOrRid, partition);
      if (before) onDelete(before);
    };
  };
  const watchContainer = (container: ContainerNode) => {
    observer.containerFound?.(container);
    wrap(container.documents, (doc, item) => observer.documentSet?.(container, doc, item), (doc) => observer.documentDeleted?.(container, doc));
  };
  const watchDatabase = (database: DatabaseNode) => {
    database.collections._data.forEach(watchContainer);
    wrap(
      database.collections,
      (data, made) => {
        observer.container?.(database, data._rid);
        if (made) watchContainer(made);
      },
      (before) => observer.container?.(database, before._rid),
    );
  };
  const databases = databasesOf(account);
  databases._data.forEach(watchDatabase);
  wrap(
    databases,
    (data, made) => {
      observer.database?.(data._rid);
      if (made) watchDatabase(made);
    },
    (before) => observer.database?.(before._rid),
  );
}
