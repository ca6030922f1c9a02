import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig, type AzureOpenAIConfig } from '../../../src/config';
import { AzureOpenAIEmbedder, EmbeddingError, unitVector, dot } from '../../../src/features/kb/search/embeddings';
import { loadKbSnapshot } from '../../../src/features/kb/kb.loader';
import { KbService } from '../../../src/features/kb/kb.service';
import { embeddingText, MAX_EMBEDDED_CHARS } from '../../../src/features/kb/search/section-vectors';
import { createLogger } from '../../../src/shared/logger';
import { startFakeAzureOpenAI, type FakeAzureOpenAI } from '../generative/fake-azure-openai';
import { toyEmbedding } from './toy-embedding';
import { writeTinyKb } from './tiny-kb';

describe('Azure OpenAI embeddings client (local endpoint speaking the real wire format)', () => {
  let fake: FakeAzureOpenAI;
  let config: AzureOpenAIConfig;
  const embedders: AzureOpenAIEmbedder[] = [];
  const embedder = (overrides: Partial<AzureOpenAIConfig> = {}) => {
    const e = new AzureOpenAIEmbedder({ ...config, ...overrides });
    embedders.push(e);
    return e;
  };
  beforeAll(async () => {
    fake = await startFakeAzureOpenAI({ embed: toyEmbedding });
    config = parseConfig(fake.embeddingEnv({ AZURE_OPENAI_TIMEOUT_MS: '1000' })).azureOpenAIEmbeddings!;
  });
  afterEach(() => {
    fake.embeddingRequests.length = 0;
    fake.behaveEmbeddings({ embed: true });
  });
  afterAll(async () => {
    embedders.forEach((e) => e.close());
    await fake.close();
  });

  it('posts { input } to the deployment with the api-key header and version, and returns unit vectors in input order', async () => {
    const inputs = ['additional unit discount', 'gate code', 'late fee'];
    const vectors = await embedder().embedBatch(inputs);
    expect(fake.embeddingRequests).toEqual([{ path: `/openai/deployments/${fake.embeddingDeployment}/embeddings`, apiVersion: fake.apiVersion, apiKey: fake.apiKey, inputs }]);
    // The fake answers items in reverse order; the client puts each where its index says.
    vectors.forEach((v, i) => {
      expect(dot(v, unitVector(toyEmbedding(inputs[i]!)))).toBeCloseTo(1, 5);
      expect(dot(v, v)).toBeCloseTo(1, 5);
    });
  });

  it('takes at most 64 inputs a request', async () => {
    expect(embedder().maxBatch).toBe(64);
    await expect(embedder().embedBatch(Array.from({ length: 65 }, (_, i) => `text ${i}`))).rejects.toThrow(EmbeddingError);
    expect(fake.embeddingRequests).toHaveLength(0);
  });

  it('embeds a KB in batches of 64, one request at a time, each with the api-key header', async () => {
    const sections = Array.from({ length: 130 }, (_, i) => `## Topic ${i}\nText number ${i} about storage topic ${i}.\n`).join('\n');
    const dir = writeTinyKb({ 'bulk.md': `# Bulk\n\n${sections}` });
    const kb = new KbService(await loadKbSnapshot(dir.path));
    try {
      let inFlight = 0;
      let most = 0;
      fake.behaveEmbeddings(() => {
        most = Math.max(most, ++inFlight);
        setTimeout(() => (inFlight -= 1), 20);
        return { embed: true, delayMs: 20 };
      });
      kb.useEmbeddings(embedder(), { logger: createLogger('silent') });
      await kb.embeddingsSettled();
      expect(kb.ranking).toBe('hybrid');
      expect(fake.embeddingRequests.map((r) => r.inputs.length)).toEqual([64, 64, 2]);
      expect(fake.embeddingRequests.every((r) => r.apiKey === fake.apiKey && r.apiVersion === fake.apiVersion)).toBe(true);
      expect(most).toBe(1);
      expect(fake.embeddingRequests[0]!.inputs[0]).toBe('Bulk › Topic 0: Text number 0 about storage topic 0.');
    } finally {
      await kb.close();
      dir.remove();
    }
  });

  it('embeds a section as "Article › Headings: text", whitespace collapsed, cut at MAX_EMBEDDED_CHARS', () => {
    const section = { id: 'a.md#b', articlePath: 'a.md', articleTitle: 'Article', headingPath: ['Part', 'Step'], anchor: 'b', text: 'One\n\n•  two' };
    expect(embeddingText(section)).toBe('Article › Part › Step: One • two');
    expect(embeddingText({ ...section, text: 'x'.repeat(5000) })).toHaveLength(MAX_EMBEDDED_CHARS);
  });

  it('trusts the endpoint only through AZURE_OPENAI_CA_FILE, like the chat mode', async () => {
    await expect(embedder({ caFile: undefined }).embedBatch(['gate'])).rejects.toThrow(/the embeddings call failed: (DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)/);
    expect(() => new AzureOpenAIEmbedder({ ...config, caFile: '/nonexistent/ca.pem' })).toThrow('AZURE_OPENAI_CA_FILE: cannot read /nonexistent/ca.pem (ENOENT)');
  });

  it('fails with the status and error code, never the texts, and with the Retry-After it was given', async () => {
    fake.behaveEmbeddings({ status: 429, retryAfter: '7' });
    const error = await embedder().embedBatch(['secret customer words']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingError);
    expect((error as EmbeddingError).message).toBe('the embeddings call answered 429 (429)');
    expect((error as EmbeddingError).retryAfterMs).toBe(7000);
    await expect(embedder({ key: 'wrong' }).embedBatch(['x'])).rejects.toThrow('the embeddings call answered 401 (401)');
    expect(fake.embeddingRequests.at(-1)!.apiKey).toBe('wrong');
  });

  it.each(['before-headers', 'mid-body'] as const)('gives up after the timeout when the service stalls %s, without retrying', async (hang) => {
    fake.behaveEmbeddings({ hang });
    const started = performance.now();
    await expect(embedder().embedBatch(['gate'], { timeoutMs: 300 })).rejects.toThrow('the embeddings call did not finish within 300 ms');
    expect(performance.now() - started).toBeLessThan(1500);
    expect(fake.embeddingRequests).toHaveLength(1);
    fake.dropConnections();
  });

  it('can be cancelled', async () => {
    fake.behaveEmbeddings({ hang: 'before-headers' });
    const abort = new AbortController();
    const pending = embedder().embedBatch(['gate'], { signal: abort.signal });
    await vi.waitFor(() => expect(fake.embeddingRequests).toHaveLength(1));
    abort.abort();
    await expect(pending).rejects.toThrow('the embeddings call was cancelled');
    fake.dropConnections();
  });
});
