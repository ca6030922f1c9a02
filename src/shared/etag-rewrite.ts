/**
 * Writes `change(current)` with the document's etag; when someone changed it first (`conflictOf`
 * gives the stored document for that error), applies the change to what is stored now and tries
 * again, `attempts` times in all. `change` returning undefined means nothing needs writing. The last
 * conflict is rethrown when every attempt lost.
 */
export async function rewriteWithEtag<T extends { _etag?: string }>(
  replace: (next: T, etag: string) => Promise<T>,
  document: T,
  change: (current: T) => T | undefined,
  conflictOf: (error: unknown) => T | undefined,
  attempts = 3,
): Promise<T> {
  let current = document;
  for (let attempt = 1; ; attempt += 1) {
    const next = change(current);
    if (!next) return current;
    try {
      return await replace(next, current._etag!);
    } catch (error) {
      const stored = conflictOf(error);
      if (!stored || attempt >= attempts) throw error;
      current = stored;
    }
  }
}
