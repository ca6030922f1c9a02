import type { Container } from '@azure/cosmos';

/** Calls made through a container, counted by kind. */
export interface CallCounts {
  pointReads: number;
  queries: number;
}

/**
 * The same real container, with its queries (`items.query`, `items.readAll`) and item operations
 * (`item(id, pk)`, and the Read operations of a bulk call) counted: how many point reads and queries a code path costs. No Cosmos behaviour
 * is replaced.
 */
export function countingContainer(container: Container, counts: CallCounts): Container {
  const items = new Proxy(container.items, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (property === 'query' || property === 'readAll') counts.queries += 1;
        // A Read in a bulk call costs what a point read costs (readManyById sends them this way).
        if ((property === 'bulk' || property === 'executeBulkOperations') && Array.isArray(args[0])) {
          counts.pointReads += (args[0] as { operationType?: unknown }[]).filter((operation) => operation?.operationType === 'Read').length;
        }
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
