import * as connectorMappers from 'botframework-connector/lib/connectorApi/models/mappers';

/**
 * botframework-connector serializes outgoing activities through its REST mappers, and its Entity
 * mapper lists only `type`, `text` and `mentioned`, so every other field of an entity is dropped:
 * citations (`citation[]`, `@type`, `additionalType`) never reach Teams. Declaring that Entity may
 * carry additional properties makes the serializer pass them through unchanged. Idempotent.
 */
export function keepEntityProperties(): void {
  const entity = (connectorMappers as unknown as { Entity: { type: { additionalProperties?: unknown } } }).Entity;
  entity.type.additionalProperties ??= { type: { name: 'Object' } };
}
