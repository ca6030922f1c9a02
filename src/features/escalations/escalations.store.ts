import { rewriteWithEtag } from '../../shared/etag-rewrite';
import type { Container } from '@azure/cosmos';
import { DomainError } from '../../shared/errors';
import { escalationSchema, type Escalation } from './escalations.schemas';

/** Someone else changed the request since it was read. */
export class EscalationConflictError extends Error {
  constructor(readonly current: Escalation) {
    super('the request changed since it was read');
    this.name = 'EscalationConflictError';
  }
}

export interface EscalationPage {
  escalations: Escalation[];
  continuation?: string;
}

const status = (error: unknown) => (error as { code?: unknown }).code;

/**
 * The `escalations` container (partition key /accountId; KB questions use KB_PARTITION). The queue
 * and the SLA scan are cross-partition queries over open requests.
 */
export class EscalationsStore {
  constructor(private readonly container: Container) {}

  /** Creates the request; a replayed create (same id) returns the stored one with `created: false`. */
  async create(escalation: Escalation): Promise<{ escalation: Escalation; created: boolean }> {
    const { _etag: _ignored, ...body } = escalationSchema.parse(escalation);
    try {
      return { escalation: escalationSchema.parse((await this.container.items.create(body)).resource), created: true };
    } catch (error) {
      const current = status(error) === 409 ? await this.get(escalation.accountId, escalation.id) : undefined;
      if (current) return { escalation: current, created: false };
      throw error;
    }
  }

  async get(accountId: string, id: string): Promise<Escalation | undefined> {
    const { resource } = await this.container.item(id, accountId).read();
    return resource ? escalationSchema.parse(resource) : undefined;
  }

  /** Replaces the request if it is still at `etag`; otherwise throws EscalationConflictError with the stored one. */
  async replace(escalation: Escalation, etag: string): Promise<Escalation> {
    const { _etag: _ignored, ...body } = escalationSchema.parse(escalation);
    try {
      const options = { accessCondition: { type: 'IfMatch', condition: etag } };
      return escalationSchema.parse((await this.container.item(escalation.id, escalation.accountId).replace(body, options)).resource);
    } catch (error) {
      const current = status(error) === 412 ? await this.get(escalation.accountId, escalation.id) : undefined;
      if (current) throw new EscalationConflictError(current);
      throw error;
    }
  }

  /** Requests waiting for a mentor, oldest first, a page at a time. */
  async open(options: { pageSize: number; continuation?: string }): Promise<EscalationPage> {
    const spec = { query: "SELECT * FROM c WHERE c.docType = 'escalation' AND c.status = 'open' ORDER BY c.createdAt ASC" };
    let response;
    try {
      response = await this.container.items.query(spec, { maxItemCount: options.pageSize, continuationToken: options.continuation }).fetchNext();
    } catch (error) {
      if (options.continuation && status(error) === 400) throw new DomainError('invalid_input', 'That list can no longer be continued. Type "queue" again.');
      throw error;
    }
    const escalations = response.resources.map((r) => escalationSchema.parse(r));
    return response.continuationToken ? { escalations, continuation: response.continuationToken } : { escalations };
  }

  /** Open requests whose SLA clock started at or before `cutoff`, longest waiting first, at most `limit`. */
  async waitingSince(cutoff: Date, limit: number): Promise<Escalation[]> {
    const spec = {
      query: "SELECT * FROM c WHERE c.docType = 'escalation' AND c.status = 'open' AND c.slaFrom <= @cutoff ORDER BY c.slaFrom ASC",
      parameters: [{ name: '@cutoff', value: cutoff.toISOString() }],
    };
    const { resources } = await this.container.items.query(spec, { maxItemCount: limit }).fetchNext();
    return resources.slice(0, limit).map((r) => escalationSchema.parse(r));
  }
}

/**
 * Writes `change(current)` with the request's etag; when someone changed it first, applies the change
 * to what is stored now and tries again, `attempts` times in all. `change` returning undefined means
 * nothing needs writing. Throws EscalationConflictError when every attempt lost.
 */
export function rewriteEscalation(store: Pick<EscalationsStore, 'replace'>, escalation: Escalation, change: (current: Escalation) => Escalation | undefined, attempts = 3): Promise<Escalation> {
  const conflictOf = (error: unknown) => (error instanceof EscalationConflictError ? error.current : undefined);
  return rewriteWithEtag((next, etag) => store.replace(next, etag), escalation, change, conflictOf, attempts);
}
