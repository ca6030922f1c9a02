import type { Container } from '@azure/cosmos';

/** Calls made through a container, counted by kind. */
export interface CallCounts {
  pointReads: number;
  queries: number;
}

/** The operations of a bulk call (`items.bulk`, `items.executeBulkOperations`), and how many are Reads. */
export function bulkOperations(operations: unknown): { total: number; reads: number } {
  if (!Array.isArray(operations)) return { total: 0, reads: 0 };
  const reads = operations.filter((operation) => (operation as { operationType?: unknown } | null)?.operationType === 'Read').length;
  return { total: operations.length, reads };
}

/**
 * The same real container, with its queries (`items.query`, `items.readAll`) and item operations
 * (`item(id, pk)`, and the Reads of a bulk call, which cost what point reads cost) counted: how
 * many point reads and queries a code path costs. No Cosmos behaviour is replaced.
 */
export function countingContainer(container: Container, counts: CallCounts): Container {
  const items = new Proxy(container.items, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (property === 'query' || property === 'readAll') counts.queries += 1;
        if (property === 'bulk' || property === 'executeBulkOperations') counts.pointReads += bulkOperations(args[0]).reads;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return new Proxy(container, {
    get(target, property) {
      if (property === 'items') return items;
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (property === 'item') counts.pointReads += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
