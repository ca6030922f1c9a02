/**
 * Writing the benchmark data into the embedded store, with a bound on what is in flight:
 *   - bulk: the SDK's `executeBulkOperations`, one slice of documents per call, at most
 *     `inFlight` calls at a time (the SDK packs each slice into batches of up to 100 operations);
 *   - item: one `items.create` per document, at most `concurrency` at a time (how the demo seeding
 *     writes), used for the calibration and when BENCH_LOAD=item.
 */
import type { Container, OperationInput } from '@azure/cosmos';

export interface WriteStats {
  documents: number;
  ms: number;
  /** Requests the writes took (bulk: one per batch of up to 100 operations, as counted by the server). */
  requests?: number;
}

export interface BulkOptions {
  /** Documents per `executeBulkOperations` call. */
  sliceSize: number;
  /** `executeBulkOperations` calls at a time. */
  inFlight: number;
}

import { forEachBounded as boundedEach } from '../../src/shared/bounded';

/** Creates every document with bulk calls; throws on the first operation that failed. */
export async function bulkCreate<T extends { id: string }>(container: Container, documents: readonly T[], partitionKey: (document: T) => string, options: BulkOptions): Promise<WriteStats> {
  const started = performance.now();
  const slices: T[][] = [];
  for (let i = 0; i < documents.length; i += options.sliceSize) slices.push(documents.slice(i, i + options.sliceSize));
  await boundedEach(slices, options.inFlight, async (slice) => {
    const operations: OperationInput[] = slice.map((document) => ({ operationType: 'Create', partitionKey: partitionKey(document), resourceBody: document }));
    const results = await container.items.executeBulkOperations(operations);
    const failure = results.find((r) => r.error || !r.response || r.response.statusCode >= 400);
    if (failure) {
      const status = failure.response?.statusCode ?? failure.error?.code ?? 'no response';
      throw new Error(`bulk create in ${container.id} failed for ${(failure.operationInput as { resourceBody?: { id?: string } }).resourceBody?.id}: ${status} ${failure.error?.message ?? ''}`);
    }
  });
  return { documents: documents.length, ms: performance.now() - started };
}

/** Creates every document with one request each, `concurrency` at a time. */
export async function itemCreate<T extends { id: string }>(container: Container, documents: readonly T[], concurrency: number): Promise<WriteStats> {
  const started = performance.now();
  await boundedEach(documents, concurrency, async (document) => {
    await container.items.create(document);
  });
  return { documents: documents.length, ms: performance.now() - started };
}
