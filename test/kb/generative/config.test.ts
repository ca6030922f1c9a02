import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config';
import { configProblems } from '../../helpers/config-problems';

const AZURE = { AZURE_OPENAI_ENDPOINT: 'https://myresource.openai.azure.com/', AZURE_OPENAI_API_KEY: 'k', AZURE_OPENAI_DEPLOYMENT: 'gpt-4o' };


describe('Azure OpenAI settings', () => {
  it('leave answers extractive when none is set, or all are blank', () => {
    expect(parseConfig({}).azureOpenAI).toBeUndefined();
    expect(parseConfig({ AZURE_OPENAI_ENDPOINT: '', AZURE_OPENAI_API_KEY: ' ', AZURE_OPENAI_DEPLOYMENT: '' }).azureOpenAI).toBeUndefined();
  });

  it('turn generative answers on when all three are set, with a GA API version and a 10 s limit by default', () => {
    const config = parseConfig(AZURE);
    expect(config.azureOpenAI).toEqual({ endpoint: 'https://myresource.openai.azure.com/', key: 'k', deployment: 'gpt-4o', apiVersion: '2024-10-21', timeoutMs: 10000, caFile: undefined });
    expect(Object.isFrozen(config.azureOpenAI)).toBe(true);
    expect(parseConfig({ ...AZURE, AZURE_OPENAI_API_VERSION: '2025-01-01-preview', AZURE_OPENAI_TIMEOUT_MS: '8000' }).azureOpenAI).toMatchObject({ apiVersion: '2025-01-01-preview', timeoutMs: 8000 });
  });

  it('stop the start with one line per missing setting when only some are set', () => {
    expect(configProblems({ AZURE_OPENAI_ENDPOINT: AZURE.AZURE_OPENAI_ENDPOINT })).toEqual([
      expect.stringMatching(/^AZURE_OPENAI_API_KEY: expected the Azure OpenAI API key too when AZURE_OPENAI_ENDPOINT is set \(set AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY with .* or none of them\)$/),
      expect.stringMatching(/^AZURE_OPENAI_DEPLOYMENT: expected the Azure OpenAI deployment name too when AZURE_OPENAI_ENDPOINT is set/),
    ]);
    expect(configProblems({ AZURE_OPENAI_API_KEY: 'k', AZURE_OPENAI_DEPLOYMENT: 'gpt-4o', AZURE_OPENAI_ENDPOINT: '' })).toEqual([
      expect.stringMatching(/^AZURE_OPENAI_ENDPOINT: expected the Azure OpenAI endpoint too when AZURE_OPENAI_API_KEY and AZURE_OPENAI_DEPLOYMENT are set/),
    ]);
  });

  it('reject an endpoint that is not https, a bad version and a limit that would not fit in a Teams turn', () => {
    expect(configProblems({ ...AZURE, AZURE_OPENAI_ENDPOINT: 'http://myresource.openai.azure.com/', AZURE_OPENAI_API_VERSION: 'latest', AZURE_OPENAI_TIMEOUT_MS: '30000' })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^AZURE_OPENAI_ENDPOINT: expected an https URL/),
        expect.stringMatching(/^AZURE_OPENAI_API_VERSION: expected an API version such as 2024-10-21/),
        expect.stringMatching(/^AZURE_OPENAI_TIMEOUT_MS: expected milliseconds from 1000 to 12000/),
      ]),
    );
  });
});
