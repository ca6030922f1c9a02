import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { createBotHarness, visibleText } from '../../helpers/bot-harness';
import { answerView, citationTitle } from '../../../src/features/kb/kb.cards';
import { loadKbSnapshot } from '../../../src/features/kb/kb.loader';
import { KbService } from '../../../src/features/kb/kb.service';
import { startFakeAzureOpenAI, type FakeAzureOpenAI } from '../generative/fake-azure-openai';
import { toyEmbedding } from './toy-embedding';
import { LEXICAL_QUESTION, PARAPHRASE, PARAPHRASE_SECTION, TOY_MIN_SIMILARITY, writeTinyKb } from './tiny-kb';

const UNSURE = "I couldn't find a confident answer";

type MessageEntity = { additionalType?: string[]; citation: { position: number; appearance: { name: string } }[] };
const messageEntity = (reply: Partial<Activity>) => reply.entities?.find((e) => e.type === 'https://schema.org/Message') as MessageEntity | undefined;

describe('hybrid ranking in the bot (real Application, embeddings only, local Azure OpenAI endpoint)', () => {
  let fake: FakeAzureOpenAI;
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  let kbDir: ReturnType<typeof writeTinyKb>;
  beforeAll(async () => {
    fake = await startFakeAzureOpenAI({ embed: toyEmbedding });
    kbDir = writeTinyKb();
    bot = await createBotHarness({ kbDir: kbDir.path, env: fake.embeddingEnv({ AZURE_OPENAI_TIMEOUT_MS: '1000', KB_MIN_SIMILARITY: TOY_MIN_SIMILARITY }) });
    await bot.kb.embeddingsSettled();
  });
  afterEach(() => {
    fake.embeddingRequests.length = 0;
    fake.behaveEmbeddings({ embed: true });
  });
  afterAll(async () => {
    await bot.kb.close();
    await bot.close();
    await fake.close();
    kbDir.remove();
  });

  it('embedded the KB when the bot was built, and logged counts only', () => {
    expect(bot.kb.ranking).toBe('hybrid');
    expect(bot.logs.find((l) => l.msg === 'kb embeddings ready: ranking is hybrid')).toMatchObject({ level: 30, sections: 4, embedded: 4 });
    const embeddingLogs = bot.logs.filter((l) => String(l.msg).startsWith('kb embeddings'));
    expect(embeddingLogs.some((l) => JSON.stringify(l).includes('15% less'))).toBe(false);
  });

  it('answers the paraphrase from the right section, extractively (no AI label)', async () => {
    const replies = await bot.say(PARAPHRASE);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain('15% less on the additional unit');
    const entity = messageEntity(replies[0]!)!;
    expect(entity.additionalType).toBeUndefined();
    expect(entity.citation[0]!.appearance.name).toBe('Multiple Rentals › Discount for an additional unit');
    expect(fake.embeddingRequests.map((r) => r.inputs)).toEqual([[PARAPHRASE]]);
  });

  it.each([
    ['times out', { hang: 'before-headers' }],
    ['fails', { status: 500 }],
  ] as const)('completes the turn with the lexical answer when the question embedding %s', async (_label, behaviour) => {
    fake.behaveEmbeddings(behaviour);
    const lexical = await new KbService(await loadKbSnapshot(kbDir.path)).ask(LEXICAL_QUESTION);
    if (lexical.kind !== 'answer') throw new Error('the tiny KB should answer this lexically');
    const started = performance.now();
    const replies = await bot.say(LEXICAL_QUESTION);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toBe(answerView(lexical).text);
    expect(bot.logs.findLast((l) => l.msg === 'question embedding failed; ranking lexically')).toMatchObject({ level: 40 });
    expect(bot.logs.findLast((l) => l.msg === 'turn')).toMatchObject({ route: 'kb.ask', outcome: 'ok' });
    expect(bot.logs.some((l) => JSON.stringify(l).includes(LEXICAL_QUESTION))).toBe(false);

    // The paraphrase, meanwhile, gets the unsure card, as without embeddings.
    expect(visibleText(await bot.say(PARAPHRASE))).toContain(UNSURE);
    fake.dropConnections();
  });

  it('re-embeds only what changed when an admin reloads the KB', async () => {
    kbDir.write('late-fees.md', "# Late Fees\n\n## When a late fee is charged\nA late fee of $25 is charged when rent is 5 days past due. Waive it only with a manager's approval.\n");
    expect(visibleText(await bot.say('reload kb', 'admin'))).toContain('Reloaded the knowledge base: 3 articles, 4 sections');
    await bot.kb.embeddingsSettled();
    expect(fake.embeddingRequests.map((r) => r.inputs.length)).toEqual([1]);
    expect(fake.embeddingRequests[0]!.inputs[0]).toContain('$25');
    expect(bot.kb.ranking).toBe('hybrid');
  });
});

describe('hybrid ranking with generative answers', () => {
  it('gives the model the sections the hybrid ranking found', async () => {
    const fake = await startFakeAzureOpenAI({ embed: toyEmbedding });
    const kbDir = writeTinyKb();
    const bot = await createBotHarness({ kbDir: kbDir.path, env: fake.env({ AZURE_OPENAI_EMBEDDING_DEPLOYMENT: fake.embeddingDeployment, KB_MIN_SIMILARITY: TOY_MIN_SIMILARITY }) });
    try {
      await bot.kb.embeddingsSettled();
      const section = (await bot.kb.ask(PARAPHRASE)).kind === 'answer' ? bot.kb.current.articles.flatMap((a) => a.sections).find((s) => s.id === PARAPHRASE_SECTION)! : undefined;
      expect(section).toBeDefined();
      fake.behave({ reply: 'Yes: the additional unit costs 15% less [1].' });
      const replies = await bot.say(PARAPHRASE);
      expect(fake.requests).toHaveLength(1);
      expect(fake.requests[0]!.body.messages[0]!.content).toContain(`[1] ${citationTitle(section!)}: `);
      expect(replies[0]!.text).toBe('Yes: the additional unit costs 15% less [1].');
      expect(messageEntity(replies[0]!)!.additionalType).toEqual(['AIGeneratedContent']);
    } finally {
      await bot.kb.close();
      await bot.close();
      await fake.close();
      kbDir.remove();
    }
  });
});
