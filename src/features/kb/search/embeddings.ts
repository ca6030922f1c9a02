import { request, type Agent as HttpsAgent } from 'node:https';
import { z } from 'zod/v4';
import type { AzureOpenAIConfig } from '../../../config';
import { azureOpenAIAgent } from '../azure-openai-tls';

/** Turns texts into unit-length vectors, so that cosine similarity is a dot product. */
export interface Embedder {
  /** Most inputs one `embedBatch` call takes. */
  readonly maxBatch: number;
  /** "deployment at host", for logs. */
  readonly description: string;
  /** Limit for one call unless the caller gives another (AZURE_OPENAI_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /**
   * One vector per input, in order, from a single request: no retries. Rejects with EmbeddingError
   * when the call fails, times out (`timeoutMs`, else the embedder's own limit) or is aborted.
   */
  embedBatch(inputs: readonly string[], options?: { timeoutMs?: number; signal?: AbortSignal }): Promise<Float32Array[]>;
  /** Lets idle connections go. */
  close(): void;
}

/**
 * Why an embedding call failed, in words that never include the texts sent. `retryAfterMs` is the
 * service's Retry-After, when it sent one (429, 503).
 */
export class EmbeddingError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'EmbeddingError';
  }
}

/** Azure OpenAI takes up to 2048 inputs a request; 64 keeps each request small and quick to redo. */
export const EMBEDDING_BATCH = 64;
/** Largest response body read (64 inputs of 3072 floats are about 4 MB of JSON). */
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

const embeddingsResponseSchema = z.object({
  data: z.array(z.object({ index: z.number().int().min(0), embedding: z.array(z.number()).min(1) })),
});

/**
 * The embeddings REST API of an Azure OpenAI deployment: `POST {endpoint}/openai/deployments/
 * {deployment}/embeddings?api-version=...` with the `api-key` header and `{ input: [...] }`, read
 * from `data[].embedding`. Plain node:https (the project does not depend on the `openai` package
 * itself), over a keep-alive agent that trusts AZURE_OPENAI_CA_FILE like the chat mode does.
 */
export class AzureOpenAIEmbedder implements Embedder {
  readonly maxBatch: number;
  readonly description: string;
  readonly timeoutMs: number;
  private readonly url: URL;
  private readonly agent: HttpsAgent;

  constructor(
    private readonly config: AzureOpenAIConfig,
    options: { maxBatch?: number } = {},
  ) {
    this.maxBatch = options.maxBatch ?? EMBEDDING_BATCH;
    this.timeoutMs = config.timeoutMs;
    this.url = new URL(`${config.endpoint.replace(/\/+$/, '')}/openai/deployments/${encodeURIComponent(config.deployment)}/embeddings`);
    this.url.searchParams.set('api-version', config.apiVersion);
    this.description = `${config.deployment} at ${this.url.host}`;
    this.agent = azureOpenAIAgent(config.caFile);
  }

  async embedBatch(inputs: readonly string[], options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<Float32Array[]> {
    if (inputs.length === 0) return [];
    if (inputs.length > this.maxBatch) throw new EmbeddingError(`${inputs.length} inputs in one embeddings call; at most ${this.maxBatch}`);
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const { status, body, retryAfterMs } = await this.post(JSON.stringify({ input: inputs }), timeoutMs, options.signal);
    if (status !== 200) throw new EmbeddingError(`the embeddings call answered ${status}${errorCode(body)}`, retryAfterMs);
    let parsed: z.infer<typeof embeddingsResponseSchema>;
    try {
      parsed = embeddingsResponseSchema.parse(JSON.parse(body));
    } catch {
      throw new EmbeddingError('the embeddings call answered with a body that is not a list of embeddings');
    }
    const vectors = new Array<Float32Array | undefined>(inputs.length);
    for (const item of parsed.data) if (item.index < inputs.length) vectors[item.index] = unitVector(item.embedding);
    const dimensions = vectors[0]?.length;
    if (vectors.some((v) => !v || v.length !== dimensions)) throw new EmbeddingError(`the embeddings call answered ${parsed.data.length} embeddings of differing sizes for ${inputs.length} inputs`);
    if (vectors.some((v) => v!.every((x) => x === 0))) throw new EmbeddingError('the embeddings call answered a zero vector');
    return vectors as Float32Array[];
  }

  close(): void {
    this.agent.destroy();
  }

  private post(payload: string, timeoutMs: number, signal: AbortSignal | undefined): Promise<{ status: number; body: string; retryAfterMs?: number }> {
    const deadline = AbortSignal.timeout(timeoutMs);
    const abort = signal ? AbortSignal.any([deadline, signal]) : deadline;
    return new Promise((resolve, reject) => {
      const fail = (error: unknown) => {
        if (deadline.aborted) reject(new EmbeddingError(`the embeddings call did not finish within ${timeoutMs} ms`));
        else if (signal?.aborted) reject(new EmbeddingError('the embeddings call was cancelled'));
        else reject(new EmbeddingError(`the embeddings call failed: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message ?? 'unknown error'}`));
      };
      const req = request(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          signal: abort,
          headers: { 'api-key': this.config.key, 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_RESPONSE_BYTES) req.destroy(new Error(`response larger than ${MAX_RESPONSE_BYTES} bytes`));
            else chunks.push(chunk);
          });
          res.on('error', fail);
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), retryAfterMs: retryAfter(res.headers['retry-after']) }));
        },
      );
      req.on('error', fail);
      req.end(payload);
    });
  }
}

/** Scales a vector to length 1 (a zero vector stays zero). */
export function unitVector(values: ArrayLike<number>): Float32Array {
  let norm = 0;
  for (let i = 0; i < values.length; i += 1) norm += values[i]! * values[i]!;
  norm = Math.sqrt(norm);
  const out = new Float32Array(values.length);
  if (norm > 0) for (let i = 0; i < values.length; i += 1) out[i] = values[i]! / norm;
  return out;
}

/** Dot product; the cosine similarity of two unit vectors. */
export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i]! * b[i]!;
  return sum;
}

/** " (DeploymentNotFound)" from an Azure error body; the message is left out, it can be long. */
function errorCode(body: string): string {
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' && /^[\w.-]{1,64}$/.test(code) ? ` (${code})` : '';
  } catch {
    return '';
  }
}

function retryAfter(header: string | undefined): number | undefined {
  const seconds = Number(header);
  return header !== undefined && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** The embedder for the configured Azure OpenAI embedding deployment. */
export function createAzureOpenAIEmbedder(config: AzureOpenAIConfig): Embedder {
  return new AzureOpenAIEmbedder(config);
}
