import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type AzureOpenAIConfig } from '../../../src/config';
import { AzureOpenAIEmbedder } from '../../../src/features/kb/search/embeddings';
import { loadKbSnapshot } from '../../../src/features/kb/kb.loader';
import { KbService, type KbAnswer } from '../../../src/features/kb/kb.service';
import { answerView } from '../../../src/features/kb/kb.cards';
import { createLogger } from '../../../src/shared/logger';
import { logCapture } from '../../helpers/bot-harness';
import { startFakeAzureOpenAI, type FakeAzureOpenAI } from '../generative/fake-azure-openai';
import { toyEmbedding } from './toy-embedding';
import { LEXICAL_QUESTION, LEXICAL_SECTION, PARAPHRASE, PARAPHRASE_SECTION, TOY_MIN_SIMILARITY, writeTinyKb } from './tiny-kb';

const MIN_SIMILARITY = Number(TOY_MIN_SIMILARITY);

function answered(answer: KbAnswer): Extract<KbAnswer, { kind: 'answer' }> {
  if (answer.kind !== 'answer') throw new Error(`expected an answer to "${answer.question}", got unsure (confidence ${answer.confidence}, similarity ${answer.similarity})`);
  return answer;
}

describe('hybrid ranking in KbService (embeddings from a local Azure OpenAI endpoint, toy vectors)', () => {
  let fake: FakeAzureOpenAI;
  let config: AzureOpenAIConfig;
  const cleanups: (() => void | Promise<void>)[] = [];
  beforeAll(async () => {
    fake = await startFakeAzureOpenAI({ embed: toyEmbedding });
    config = parseConfig(fake.embeddingEnv({ AZURE_OPENAI_TIMEOUT_MS: '1000' })).azureOpenAIEmbeddings!;
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    fake.embeddingRequests.length = 0;
    fake.behaveEmbeddings({ embed: true });
  });
  afterAll(() => fake.close());

  /** A KbService over a tiny KB folder, with hybrid ranking on, and its log. */
  async function hybridKb(options: { files?: Record<string, string>; questionTimeoutMs?: number; wait?: boolean; retry?: { firstMs: number; maxMs: number } } = {}) {
    const dir = writeTinyKb(options.files);
    const logs = logCapture();
    const kb = new KbService(await loadKbSnapshot(dir.path));
    kb.useEmbeddings(new AzureOpenAIEmbedder(config), { logger: createLogger('debug', logs.stream), minSimilarity: MIN_SIMILARITY, questionTimeoutMs: options.questionTimeoutMs, retry: options.retry });
    cleanups.push(async () => {
      await kb.close();
      dir.remove();
    });
    if (options.wait !== false) await kb.embeddingsSettled();
    return { kb, dir, logs: logs.lines, reload: async () => kb.replace(await loadKbSnapshot(dir.path)) };
  }

  it('answers a paraphrase that lexical ranking cannot, from the right section', async () => {
    const dir = writeTinyKb();
    cleanups.push(dir.remove);
    const lexical = await new KbService(await loadKbSnapshot(dir.path)).ask(PARAPHRASE);
    expect(lexical).toMatchObject({ kind: 'unsure', confidence: 0, related: [] });

    const { kb } = await hybridKb();
    expect(kb.ranking).toBe('hybrid');
    const answer = answered(await kb.ask(PARAPHRASE));
    expect(answer.parts[0]!.section.id).toBe(PARAPHRASE_SECTION);
    expect(answer.parts[0]!.text).toContain('15% less');
    expect(answer.confidence).toBe(0);
    expect(answer.similarity).toBeGreaterThanOrEqual(MIN_SIMILARITY);
    expect(answer.sources[0]!.id).toBe(PARAPHRASE_SECTION);
    expect(answerView(answer).citations[0]).toMatchObject({ position: 1, title: 'Multiple Rentals › Discount for an additional unit', path: 'multiple-rentals.md' });
    // One call for the sections, one for the question.
    expect(fake.embeddingRequests.map((r) => r.inputs.length)).toEqual([4, 1]);
    expect(fake.embeddingRequests[1]!.inputs).toEqual([PARAPHRASE]);
  });

  it('still answers lexical questions from their section, and stays unsure off topic', async () => {
    const { kb } = await hybridKb();
    expect(answered(await kb.ask(LEXICAL_QUESTION)).parts[0]!.section.id).toBe(LEXICAL_SECTION);
    const offTopic = await kb.ask('whats the wifi password at the office');
    expect(offTopic).toMatchObject({ kind: 'unsure', confidence: 0 });
    expect(offTopic.similarity).toBeLessThan(MIN_SIMILARITY);
  });

  it('answers lexically, without asking for the question embedding, until the sections are embedded', async () => {
    fake.behaveEmbeddings({ embed: true, delayMs: 300 });
    const { kb } = await hybridKb({ wait: false });
    expect(kb.ranking).toBe('lexical');
    expect(await kb.ask(PARAPHRASE)).toMatchObject({ kind: 'unsure' });
    expect(answered(await kb.ask(LEXICAL_QUESTION)).parts[0]!.section.id).toBe(LEXICAL_SECTION);
    await kb.embeddingsSettled();
    expect(fake.embeddingRequests.map((r) => r.inputs.length)).toEqual([4]);
    expect(kb.ranking).toBe('hybrid');
  });

  it.each([
    ['answers 500', { status: 500 }],
    ['never answers', { hang: 'before-headers' }],
    ['stalls in the middle of its reply', { hang: 'mid-body' }],
  ] as const)('falls back to the lexical answer when the question embedding call %s, logging no question text', async (_label, behaviour) => {
    const { kb, dir, logs } = await hybridKb({ questionTimeoutMs: 400 });
    const lexical = await new KbService(await loadKbSnapshot(dir.path)).ask(LEXICAL_QUESTION);
    fake.behaveEmbeddings((inputs) => (inputs.length === 1 && inputs[0] === LEXICAL_QUESTION ? behaviour : { embed: true }));
    const started = performance.now();
    const answer = await kb.ask(LEXICAL_QUESTION);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(answer).toEqual(lexical);
    expect(logs.findLast((l) => l.msg === 'question embedding failed; ranking lexically')).toMatchObject({ level: 40, reason: expect.stringMatching(/^the embeddings call (answered 500|did not finish within 400 ms)/) });
    expect(logs.some((l) => JSON.stringify(l).includes(LEXICAL_QUESTION))).toBe(false);
    expect(kb.ranking).toBe('hybrid');
    fake.dropConnections();
  });

  it('re-embeds only the sections a reload changed or added, and none when nothing changed', async () => {
    const { kb, dir, reload } = await hybridKb();
    expect(fake.embeddingRequests.flatMap((r) => r.inputs)).toHaveLength(4);
    fake.embeddingRequests.length = 0;

    await reload();
    await kb.embeddingsSettled();
    expect(fake.embeddingRequests).toHaveLength(0);
    expect(kb.ranking).toBe('hybrid');

    dir.write('gate-access.md', "# Gate Access\n\n## Gate codes\nA tenant's gate code works from 5 am to 11 pm. Reset a gate code from the customer card when the keypad refuses it.\n");
    dir.write('parking.md', '# Parking\n\n## Trailers\nTrailers park in the back row.\n\n## Boats\nBoats need a hitch lock.\n');
    await reload();
    expect(kb.ranking).toBe('lexical'); // the new version is not embedded yet
    await kb.embeddingsSettled();
    expect(kb.ranking).toBe('hybrid');
    const inputs = fake.embeddingRequests.flatMap((r) => r.inputs);
    expect(fake.embeddingRequests).toHaveLength(1);
    expect(inputs).toHaveLength(3);
    expect(inputs).toEqual(expect.arrayContaining([expect.stringContaining('5 am to 11 pm'), expect.stringMatching(/^Parking › Trailers: /), expect.stringMatching(/^Parking › Boats: /)]));
    expect(answered(await kb.ask('another locker for less')).parts[0]!.section.id).toBe(PARAPHRASE_SECTION);
  });

  it('keeps what a failed pass embedded, tries again later (not at once), and ranks lexically meanwhile', async () => {
    const sections = Array.from({ length: 100 }, (_, i) => `## Topic ${i}\nText number ${i}.\n`).join('\n');
    let failing = true;
    fake.behaveEmbeddings(() => (failing && fake.embeddingRequests.length >= 2 ? { status: 503, retryAfter: '0' } : { embed: true }));
    const { kb, logs } = await hybridKb({ files: { 'bulk.md': `# Bulk\n\n${sections}` }, retry: { firstMs: 150, maxMs: 150 } });
    expect(kb.ranking).toBe('lexical');
    expect(fake.embeddingRequests.map((r) => r.inputs.length)).toEqual([64, 36]);
    expect(logs.find((l) => l.msg === 'kb embeddings failed; ranking lexically until they are ready')).toMatchObject({ level: 40, embedded: 64, toEmbed: 100, reason: 'the embeddings call answered 503 (InternalServerError)', retryInMs: 150 });
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.embeddingRequests).toHaveLength(2); // no retry on the spot
    failing = false;
    await expect.poll(() => kb.ranking, { timeout: 3000 }).toBe('hybrid');
    expect(fake.embeddingRequests.map((r) => r.inputs.length)).toEqual([64, 36, 36]);
  });

  it('stops embedding when closed', async () => {
    fake.behaveEmbeddings({ hang: 'before-headers' });
    const { kb, logs } = await hybridKb({ wait: false });
    await expect.poll(() => fake.embeddingRequests.length).toBe(1);
    await kb.close();
    expect(logs.some((l) => l.msg === 'kb embeddings: pass cancelled (the KB changed or the bot is stopping)')).toBe(true);
    expect(kb.ranking).toBe('lexical');
    fake.dropConnections();
  });
});
