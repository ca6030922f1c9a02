import type { Container } from '@azure/cosmos';
import { DomainError } from '../../shared/errors';
import { lookupSchema, type Lookup } from './accounts.schemas';

/** Keeps `lookups` documents right when an account's phones, emails or units change. */

/** Characters Cosmos DB does not allow in a document id. */
const FORBIDDEN_ID_CHARACTERS = /[/\\?#]/;
const MAX_ATTEMPTS = 8;

/** The HTTP status of a failed Cosmos call (0 when it is not a Cosmos error). */
export function cosmosStatus(error: unknown): number {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'number' ? code : 0;
}

/** True when the key can be a document id; keys that cannot are never stored, so never found. */
export function isStorableKey(key: string): boolean {
  return key.length > 0 && key.length <= 255 && !FORBIDDEN_ID_CHARACTERS.test(key);
}

/**
 * Reads the lookup, applies `change` to its account ids and writes the result with the etag it read
 * (create when missing, delete when empty). A write that lost a race is retried from the read.
 */
export async function updateLookup(container: Container, key: string, change: (accountIds: readonly string[]) => string[]): Promise<void> {
  if (!isStorableKey(key)) throw new DomainError('invalid_input', `"${key}" cannot be stored as a lookup key.`, { key });
  for (let attempt = 1; ; attempt += 1) {
    try {
      await applyOnce(container, key, change);
      return;
    } catch (error) {
      // 409: someone created it first; 412: someone changed it; 404: someone deleted it.
      if (attempt >= MAX_ATTEMPTS || ![404, 409, 412].includes(cosmosStatus(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}

async function applyOnce(container: Container, key: string, change: (accountIds: readonly string[]) => string[]): Promise<void> {
  const item = container.item(key, key);
  const { resource } = await item.read<Lookup>();
  const current = resource ? lookupSchema.parse(resource).accountIds : [];
  const next = [...new Set(change(current))];
  if (next.length === current.length && next.every((id, i) => id === current[i])) return;
  if (!resource) {
    await container.items.create<Lookup>({ id: key, key, accountIds: next });
    return;
  }
  const ifMatch = { accessCondition: { type: 'IfMatch', condition: resource._etag } };
  if (next.length === 0) await item.delete(ifMatch);
  else await item.replace<Lookup>({ id: key, key, accountIds: next }, ifMatch);
}
