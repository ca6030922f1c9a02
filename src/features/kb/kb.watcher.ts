import { watch, type FSWatcher } from 'chokidar';

/**
 * Calls `onChange` once things settle after files under `dir` change (added, edited, removed), so
 * the KB reloads without a restart. Returns a function that stops watching.
 */
export function watchKbFolder(dir: string, onChange: () => void, debounceMs = 400): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dir, { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 50 } });
  watcher.on('all', () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  return async () => {
    if (timer) clearTimeout(timer);
    await watcher.close();
  };
}
