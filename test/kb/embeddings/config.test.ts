import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config';
import { configProblems } from '../../helpers/config-problems';

const CONNECTION = { AZURE_OPENAI_ENDPOINT: 'https://myresource.openai.azure.com/', AZURE_OPENAI_API_KEY: 'k' };
const HINT = /\(set AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY with AZURE_OPENAI_DEPLOYMENT, AZURE_OPENAI_EMBEDDING_DEPLOYMENT or both, or none of them\)$/;


describe('embedding settings (hybrid KB ranking)', () => {
  it('are off without AZURE_OPENAI_EMBEDDING_DEPLOYMENT, with 0.8 as the similarity threshold', () => {
    const config = parseConfig({});
    expect(config.azureOpenAIEmbeddings).toBeUndefined();
    expect(config.kbMinSimilarity).toBe(0.8);
    expect(parseConfig({ ...CONNECTION, AZURE_OPENAI_DEPLOYMENT: 'gpt-4o' }).azureOpenAIEmbeddings).toBeUndefined();
  });

  it('may be set alone with the endpoint and key: hybrid ranking, extractive answers', () => {
    const config = parseConfig({ ...CONNECTION, AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'text-embedding-3-small', AZURE_OPENAI_TIMEOUT_MS: '4000', AZURE_OPENAI_CA_FILE: '/etc/proxy-ca.pem', KB_MIN_SIMILARITY: '0.45' });
    expect(config.azureOpenAI).toBeUndefined();
    expect(config.azureOpenAIEmbeddings).toEqual({ endpoint: CONNECTION.AZURE_OPENAI_ENDPOINT, key: 'k', deployment: 'text-embedding-3-small', apiVersion: '2024-10-21', timeoutMs: 4000, caFile: '/etc/proxy-ca.pem' });
    expect(config.kbMinSimilarity).toBe(0.45);
    expect(Object.isFrozen(config.azureOpenAIEmbeddings)).toBe(true);
  });

  it('share endpoint, key, version, timeout and CA file with the chat deployment when both are set', () => {
    const config = parseConfig({ ...CONNECTION, AZURE_OPENAI_DEPLOYMENT: 'gpt-4o', AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'emb', AZURE_OPENAI_API_VERSION: '2025-01-01-preview' });
    expect(config.azureOpenAI).toMatchObject({ deployment: 'gpt-4o', apiVersion: '2025-01-01-preview' });
    expect(config.azureOpenAIEmbeddings).toEqual({ ...config.azureOpenAI, deployment: 'emb' });
  });

  it('stop the start with one line per missing setting when the embedding deployment lacks endpoint or key', () => {
    const problems = configProblems({ AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'emb' });
    expect(problems).toEqual([
      expect.stringMatching(/^AZURE_OPENAI_ENDPOINT: expected the Azure OpenAI endpoint too when AZURE_OPENAI_EMBEDDING_DEPLOYMENT is set /),
      expect.stringMatching(/^AZURE_OPENAI_API_KEY: expected the Azure OpenAI API key too when AZURE_OPENAI_EMBEDDING_DEPLOYMENT is set /),
    ]);
    problems.forEach((p) => expect(p).toMatch(HINT));
    expect(configProblems({ AZURE_OPENAI_ENDPOINT: CONNECTION.AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'emb' })).toEqual([
      expect.stringMatching(/^AZURE_OPENAI_API_KEY: expected the Azure OpenAI API key too when AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_EMBEDDING_DEPLOYMENT are set /),
    ]);
  });

  it('say a deployment is missing, naming both kinds, when only the endpoint and key are set', () => {
    expect(configProblems(CONNECTION)).toEqual([
      expect.stringMatching(/^AZURE_OPENAI_DEPLOYMENT: expected the Azure OpenAI deployment name too when AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY are set, or AZURE_OPENAI_EMBEDDING_DEPLOYMENT for hybrid KB ranking alone /),
    ]);
  });

  it('reject a bad deployment name and a similarity outside (0, 1], each on one line', () => {
    const problems = configProblems({ ...CONNECTION, AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'my deployment!', KB_MIN_SIMILARITY: '1.5' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^AZURE_OPENAI_EMBEDDING_DEPLOYMENT: expected a deployment name of letters, digits/),
        expect.stringMatching(/^KB_MIN_SIMILARITY: expected a cosine similarity above 0 and at most 1, such as 0.8$/),
      ]),
    );
    expect(configProblems({ KB_MIN_SIMILARITY: '0' })).toEqual([expect.stringMatching(/^KB_MIN_SIMILARITY: /)]);
    expect(configProblems({ KB_MIN_SIMILARITY: 'high' })).toEqual([expect.stringMatching(/^KB_MIN_SIMILARITY: /)]);
    for (const env of [{ AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'emb' }, CONNECTION, { KB_MIN_SIMILARITY: '-1' }] as Record<string, string>[]) {
      configProblems(env).forEach((p) => expect(p).not.toContain('\n'));
    }
  });
});
