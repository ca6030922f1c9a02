/** Timing one kind of lookup and adding up the Cosmos requests each lookup made. */
import type { Container } from '@azure/cosmos';
import { measureLatency } from '../kb/stats';
import type { SdkCounts, ServerCounts } from './instrument';
import type { KindResult } from './report';
import type { Workload } from './workload';

export interface Bounds {
  /** Lookups timed, at most. */
  lookups: number;
  /** Wall time of the timed loop, at most (checked before each lookup). */
  limitMs: number;
  warmupLookups: number;
  warmupLimitMs: number;
}

/** `container.item(id, id).read()`, the baseline: 1 when the document is there. */
export async function pointRead(container: Container, id: string): Promise<number> {
  const { resource } = await container.item(id, id).read();
  return resource ? 1 : 0;
}

/**
 * Times `lookup` (which returns how many matches it found) over the workload after a short
 * warm-up, and divides the requests counted meanwhile by the lookups timed.
 */
export async function runKind(workload: Workload, lookup: (query: string) => Promise<number>, counts: { sdk: SdkCounts; server: ServerCounts }, bounds: Bounds): Promise<KindResult> {
  const { queries } = workload;
  const { sdk, server } = counts;
  if (queries.length === 0) throw new Error(`no ${workload.kind} lookups could be made from the sample`);
  const warmup = await measureLatency(queries, bounds.warmupLookups, bounds.warmupLimitMs, lookup);
  // The timed loop starts where the warm-up stopped, so warm-up lookups are not timed again.
  const timed = [...queries.slice(warmup.completed), ...queries.slice(0, warmup.completed)];
  const sdkBefore = { ...sdk };
  const serverBefore = { ...server };
  let maxQueries = 0;
  let matches = 0;
  let none = 0;
  const latency = await measureLatency(
    timed,
    bounds.lookups,
    bounds.limitMs,
    async (query) => {
      const queriesBefore = sdk.queries;
      const found = await lookup(query);
      maxQueries = Math.max(maxQueries, sdk.queries - queriesBefore);
      matches += found;
      if (found === 0) none += 1;
    },
    workload.groupOf,
  );
  const n = Math.max(1, latency.completed);
  const per = (now: number, before: number) => (now - before) / n;
  return {
    kind: workload.kind,
    distinctQueries: new Set(queries).size,
    examples: queries.slice(0, 5),
    warmup,
    latency,
    perLookup: {
      pointReads: per(sdk.pointReads, sdkBefore.pointReads),
      queries: per(sdk.queries, sdkBefore.queries),
      maxQueries,
      server: {
        pointReads: per(server.pointReads, serverBefore.pointReads),
        queries: per(server.queries, serverBefore.queries),
        queryPlans: per(server.queryPlans, serverBefore.queryPlans),
        documentsEvaluated: per(server.documentsEvaluated, serverBefore.documentsEvaluated),
        other: per(server.other, serverBefore.other),
      },
    },
    matches: { mean: matches / n, noneShare: none / n },
  };
}

/** One point read must show as one SDK point read and one server GET, or the counts are not trusted. */
export async function checkInstrumentation(container: Container, id: string, counts: { sdk: SdkCounts; server: ServerCounts }, wrapped: boolean): Promise<{ ok: boolean; detail: string }> {
  const sdkBefore = counts.sdk.pointReads;
  const serverBefore = counts.server.pointReads;
  await container.item(id, id).read();
  const sdkSeen = counts.sdk.pointReads - sdkBefore;
  const serverSeen = counts.server.pointReads - serverBefore;
  const detail = `one point read counted ${sdkSeen} at the store boundary and ${serverSeen} at the server (router wrapped: ${wrapped})`;
  return { ok: wrapped && sdkSeen === 1 && serverSeen === 1, detail };
}
