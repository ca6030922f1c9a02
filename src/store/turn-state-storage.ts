import type { Container } from '@azure/cosmos';
import type { Storage, StoreItems } from 'botbuilder';

interface StateDocument {
  id: string;
  key: string;
  state: Record<string, unknown>;
  _etag?: string;
}

/**
 * Bot turn state in Cosmos DB (the `botstate` container). Keys such as
 * `msteams/<conversation>/conversation` hold characters Cosmos ids may not, so they are encoded.
 * An item that carries an `eTag` (other than "*") is written only if nobody changed it since it was read.
 */
export class CosmosTurnStateStorage implements Storage {
  constructor(private readonly container: Container) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const id = toDocumentId(key);
        const { resource } = await this.container.item(id, id).read<StateDocument>();
        if (resource) items[key] = { ...resource.state, eTag: resource._etag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, value]) => {
        const { eTag, ...state } = (value ?? {}) as Record<string, unknown> & { eTag?: string };
        const doc: StateDocument = { id: toDocumentId(key), key, state };
        const checkEtag = typeof eTag === 'string' && eTag !== '*' && eTag !== '';
        await this.container.items.upsert(doc, checkEtag ? { accessCondition: { type: 'IfMatch', condition: eTag } } : undefined);
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        const id = toDocumentId(key);
        try {
          await this.container.item(id, id).delete();
        } catch (error) {
          if ((error as { code?: number }).code !== 404) throw error;
        }
      }),
    );
  }
}

/** Cosmos ids may not contain / \ ? # so those (and the escape character) are written as *XX. */
export function toDocumentId(key: string): string {
  return key.replace(/[/\\?#*]/g, (c) => `*${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
