import { parseConfig } from '../../src/config';
import { createLogger } from '../../src/shared/logger';
import type { KbService } from '../../src/features/kb/kb.service';
import { createAzureOpenAIEmbedder } from '../../src/features/kb/search/embeddings';

/** The settings hybrid ranking reads; the rest of the environment is none of the KB tools' business. */
const SETTINGS = /^(AZURE_OPENAI_[A-Z_]+|KB_MIN_SIMILARITY)$/;

/**
 * When the environment has an Azure OpenAI embedding deployment (AZURE_OPENAI_ENDPOINT,
 * AZURE_OPENAI_API_KEY, AZURE_OPENAI_EMBEDDING_DEPLOYMENT), ranks the KB as the bot does (hybrid):
 * embeds every section, waits for it, and returns "hybrid (deployment at host, min similarity x)".
 * Without those settings, leaves the KB lexical and returns undefined. Throws when the settings are
 * invalid or the KB cannot be embedded, so a figure is never labelled hybrid when it is not.
 */
export async function useEmbeddingsFromEnv(kb: KbService, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const config = parseConfig(Object.fromEntries(Object.entries(env).filter(([name]) => SETTINGS.test(name))));
  const embeddings = config.azureOpenAIEmbeddings;
  if (!embeddings) return undefined;
  const embedder = createAzureOpenAIEmbedder(embeddings);
  // Warnings (a failed pass) go to stderr, away from the report.
  kb.useEmbeddings(embedder, { logger: createLogger('warn', process.stderr), minSimilarity: config.kbMinSimilarity });
  await kb.embeddingsSettled();
  if (kb.ranking !== 'hybrid') {
    await kb.close();
    throw new Error('could not embed the KB sections (see the warning above); not reporting lexical figures as hybrid');
  }
  return `hybrid (${embedder.description}, min similarity ${config.kbMinSimilarity})`;
}
