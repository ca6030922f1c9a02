import { writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createLoopbackCertificate } from '../../../src/store/embedded/tls';
import { tempDir } from '../../helpers/temp-dir';

/** A chat-completions request as the fake received it. */
export interface RecordedRequest {
  path: string;
  apiVersion: string | null;
  body: { model?: string; messages: { role: string; content: string }[]; max_tokens?: number; temperature?: number };
}

/** What the fake does with the next requests: reply with text, fail with a status, or never answer. */
export type Behaviour = { reply: string } | { status: number } | { hang: 'before-headers' | 'mid-body' };

/** An embeddings request as the fake received it (whatever its api-key, so tests can check the header). */
export interface RecordedEmbeddingRequest {
  path: string;
  apiVersion: string | null;
  apiKey: string | undefined;
  inputs: string[];
}

/**
 * What the fake does with an embeddings request: embed (after `delayMs`), fail with a status (and
 * a Retry-After), or never answer. A function decides per request, from its inputs.
 */
export type EmbeddingBehaviour = { embed: true; delayMs?: number } | { status: number; retryAfter?: string } | { hang: 'before-headers' | 'mid-body' };

const DEPLOYMENT = 'gpt-4o-kb';
const EMBEDDING_DEPLOYMENT = 'text-embedding-kb';
const API_KEY = 'test-azure-openai-key';
const API_VERSION = '2024-10-21';

/**
 * A local Azure OpenAI endpoint: chat completions (`POST /openai/deployments/<deployment>/chat/completions
 * ?api-version=...`) and, when given an `embed` function, embeddings (`POST /openai/deployments/
 * <embedding deployment>/embeddings`, body `{ input: [...] }`, answer `{ data: [{ index, embedding }] }`),
 * both with the `api-key` header. It speaks the real wire format; the vectors are whatever `embed`
 * makes (tests pass a toy). HTTPS, because teams-ai's OpenAIModel refuses any other Azure endpoint;
 * its certificate is made for 127.0.0.1 and handed to the bot through AZURE_OPENAI_CA_FILE.
 */
export async function startFakeAzureOpenAI(options: { embed?: (text: string) => number[] } = {}) {
  const dir = tempDir('deskmate-aoai-');
  const { cert, key } = await createLoopbackCertificate();
  const caFile = join(dir.path, 'ca.pem');
  writeFileSync(caFile, cert);
  const requests: RecordedRequest[] = [];
  let behaviour: Behaviour = { reply: 'NO_ANSWER' };
  let served = 0;
  const embeddingRequests: RecordedEmbeddingRequest[] = [];
  let embeddingBehaviour: (inputs: string[]) => EmbeddingBehaviour = () => ({ embed: true });

  const server: Server = createServer({ cert, key }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST' && url.pathname === `/openai/deployments/${EMBEDDING_DEPLOYMENT}/embeddings` && options.embed) {
      serveEmbeddings(req, res, url, options.embed);
      return;
    }
    if (req.method !== 'POST' || url.pathname !== `/openai/deployments/${DEPLOYMENT}/chat/completions`) {
      send(404, { error: { code: 'DeploymentNotFound', message: 'The API deployment for this resource does not exist.' } });
      return;
    }
    if (req.headers['api-key'] !== API_KEY) {
      send(401, { error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint.' } });
      return;
    }
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      requests.push({ path: url.pathname, apiVersion: url.searchParams.get('api-version'), body: JSON.parse(raw) as RecordedRequest['body'] });
      const now = behaviour;
      if ('status' in now) return send(now.status, { error: { code: 'InternalServerError', message: 'The server had an error while processing your request.' } });
      if ('hang' in now) {
        if (now.hang === 'mid-body') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"id":"chatcmpl-stalled","object":"chat.completion",');
        }
        return; // never finishes
      }
      served += 1;
      const completionTokens = Math.ceil(now.reply.length / 4);
      send(200, {
        id: `chatcmpl-test-${served}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: 'gpt-4o-2024-08-06',
        system_fingerprint: 'fp_test',
        choices: [{ index: 0, message: { role: 'assistant', content: now.reply }, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: completionTokens, total_tokens: Math.ceil(raw.length / 4) + completionTokens },
      });
    });
  });

  function serveEmbeddings(req: IncomingMessage, res: ServerResponse, url: URL, embed: (text: string) => number[]) {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const { input } = JSON.parse(raw) as { input: string[] };
      const apiKey = req.headers['api-key'];
      embeddingRequests.push({ path: url.pathname, apiVersion: url.searchParams.get('api-version'), apiKey: typeof apiKey === 'string' ? apiKey : undefined, inputs: input });
      if (apiKey !== API_KEY) return send(401, { error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint.' } });
      const now = embeddingBehaviour(input);
      if ('status' in now) return send(now.status, { error: { code: now.status === 429 ? '429' : 'InternalServerError', message: 'Requests to the Embeddings_Create Operation have exceeded the rate limit.' } }, now.retryAfter ? { 'retry-after': now.retryAfter } : {});
      if ('hang' in now) {
        if (now.hang === 'mid-body') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"object":"list","data":[');
        }
        return; // never finishes
      }
      // Items in reverse order: the format names each item's index, so a client must not rely on order.
      const data = input.map((text, index) => ({ object: 'embedding', index, embedding: embed(text) })).reverse();
      const tokens = input.reduce((n, text) => n + Math.ceil(text.length / 4), 0);
      const reply = () => send(200, { object: 'list', data, model: 'text-embedding-3-small', usage: { prompt_tokens: tokens, total_tokens: tokens } });
      if (now.delayMs) setTimeout(reply, now.delayMs);
      else reply();
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    requests,
    /** Sets what the fake does from now on. */
    behave(next: Behaviour) {
      behaviour = next;
    },
    /** The AZURE_OPENAI_* settings that point the bot at this fake. */
    env(extra: Record<string, string> = {}): Record<string, string> {
      return { AZURE_OPENAI_ENDPOINT: endpoint, AZURE_OPENAI_API_KEY: API_KEY, AZURE_OPENAI_DEPLOYMENT: DEPLOYMENT, AZURE_OPENAI_API_VERSION: API_VERSION, AZURE_OPENAI_CA_FILE: caFile, ...extra };
    },
    /** Settings for hybrid ranking only: the embedding deployment, no chat deployment. */
    embeddingEnv(extra: Record<string, string> = {}): Record<string, string> {
      return { AZURE_OPENAI_ENDPOINT: endpoint, AZURE_OPENAI_API_KEY: API_KEY, AZURE_OPENAI_EMBEDDING_DEPLOYMENT: EMBEDDING_DEPLOYMENT, AZURE_OPENAI_API_VERSION: API_VERSION, AZURE_OPENAI_CA_FILE: caFile, ...extra };
    },
    embeddingRequests,
    /** Sets what the fake does with embeddings requests from now on. */
    behaveEmbeddings(next: EmbeddingBehaviour | ((inputs: string[]) => EmbeddingBehaviour)) {
      embeddingBehaviour = typeof next === 'function' ? next : () => next;
    },
    apiKey: API_KEY,
    embeddingDeployment: EMBEDDING_DEPLOYMENT,
    apiVersion: API_VERSION,
    /** Cuts every open connection, ending requests the fake left hanging. */
    dropConnections() {
      server.closeAllConnections();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      dir.remove();
    },
  };
}

export type FakeAzureOpenAI = Awaited<ReturnType<typeof startFakeAzureOpenAI>>;
