import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Activity } from 'botbuilder';
import { createBotHarness, visibleText } from '../../helpers/bot-harness';
import { answerView, citationTitle } from '../../../src/features/kb/kb.cards';
import { KbFeedbackStore } from '../../../src/features/kb/kb.store';
import { startFakeAzureOpenAI, type FakeAzureOpenAI } from './fake-azure-openai';

const FEE_QUESTION = 'Who gets the convenience fee waived?';
const UNSURE = "I couldn't find a confident answer";

type MessageEntity = { additionalType?: string[]; citation: { position: number; appearance: { name: string; abstract: string; url?: string } }[] };

function messageEntity(reply: Partial<Activity>): MessageEntity | undefined {
  return reply.entities?.find((e) => e.type === 'https://schema.org/Message') as MessageEntity | undefined;
}

describe('generative KB answers through Azure OpenAI (real Application, local Azure OpenAI endpoint)', () => {
  let fake: FakeAzureOpenAI;
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeAll(async () => {
    fake = await startFakeAzureOpenAI();
    bot = await createBotHarness({ env: fake.env({ AZURE_OPENAI_TIMEOUT_MS: '1000' }) });
  });
  afterAll(async () => {
    await bot.close();
    await fake.close();
  });
  afterEach(() => {
    fake.requests.length = 0;
    vi.restoreAllMocks();
  });

  it('sends the top 3 sections as numbered sources and replies with the model text, its citations and the AI label', async () => {
    const sources = bot.kb.search(FEE_QUESTION, 3);
    fake.behave({ reply: 'Only payments made through AutoPay and accounts that have been vacated get the fee waived [1]. It is not taken off as a courtesy [2].' });
    const replies = await bot.say(FEE_QUESTION);

    expect(fake.requests).toHaveLength(1);
    const request = fake.requests[0]!;
    expect(request.apiVersion).toBe(fake.apiVersion);
    expect(request.body.temperature).toBe(0);
    const [system, user] = request.body.messages;
    expect(system!.role).toBe('system');
    expect(system!.content).toContain('NO_ANSWER');
    sources.forEach((s, i) => expect(system!.content).toContain(`[${i + 1}] ${citationTitle(s)}: ${s.text.replace(/\s+/g, ' ').trim().slice(0, 60)}`));
    expect(user).toEqual({ role: 'user', content: FEE_QUESTION });

    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toBe('Only payments made through AutoPay and accounts that have been vacated get the fee waived [1]. It is not taken off as a courtesy [2].');
    const entity = messageEntity(replies[0]!)!;
    expect(entity.additionalType).toEqual(['AIGeneratedContent']);
    expect(entity.citation.map((c) => [c.position, c.appearance.name])).toEqual([
      [1, citationTitle(sources[0]!)],
      [2, citationTitle(sources[1]!)],
    ]);
    entity.citation.forEach((c) => expect(c.appearance.abstract.length).toBeLessThanOrEqual(160));
    expect(replies[0]!.channelData).toEqual({ feedbackLoopEnabled: true });
  });

  it('keeps only markers that name a given source, renumbered in the order they first appear', async () => {
    const sources = bot.kb.search(FEE_QUESTION, 3);
    fake.behave({ reply: 'AutoPay payments qualify [3]. Vacated accounts qualify too [2, 7]. Nothing else does [9][0].' });
    const replies = await bot.say(FEE_QUESTION);
    expect(replies[0]!.text).toBe('AutoPay payments qualify [1]. Vacated accounts qualify too [2]. Nothing else does.');
    expect(messageEntity(replies[0]!)!.citation.map((c) => [c.position, c.appearance.name])).toEqual([
      [1, citationTitle(sources[2]!)],
      [2, citationTitle(sources[1]!)],
    ]);
  });

  it('sends the unsure card and records the question when the model says NO_ANSWER', async () => {
    fake.behave({ reply: 'NO_ANSWER' });
    const replies = await bot.say('Who gets the convenience fee waived on a Sunday?');
    expect(fake.requests).toHaveLength(1);
    expect(replies).toHaveLength(1);
    expect(visibleText(replies)).toContain(UNSURE);
    expect(messageEntity(replies[0]!)).toBeUndefined();
    const today = await new KbFeedbackStore(bot.store.containers.kbfeedback).day(new Date().toISOString().slice(0, 10));
    expect(today).toContainEqual(expect.objectContaining({ kind: 'unanswered', question: 'Who gets the convenience fee waived on a Sunday?' }));
  });

  it('does not call the model for a question the KB cannot answer', async () => {
    fake.behave({ reply: 'Paris [1].' });
    const replies = await bot.say('What is the capital of France?');
    expect(fake.requests).toHaveLength(0);
    expect(visibleText(replies)).toContain(UNSURE);
  });

  it.each([
    ['answers 500', { status: 500 }],
    ['never answers', { hang: 'before-headers' }],
    ['stalls in the middle of its reply', { hang: 'mid-body' }],
    ['cites no source', { reply: 'The fee can always be waived.' }],
  ] as const)('sends the extractive answer, without the AI label, when the model %s', async (_label, behaviour) => {
    const consoleLog = vi.spyOn(console, 'log').mockImplementation(() => undefined); // OpenAIModel prints failed calls
    fake.behave(behaviour);
    const started = performance.now();
    const replies = await bot.say(FEE_QUESTION);
    const elapsed = performance.now() - started;

    expect(fake.requests).toHaveLength(1);
    expect(elapsed).toBeLessThan(4000);
    const extractive = await bot.kb.ask(FEE_QUESTION);
    if (extractive.kind !== 'answer') throw new Error('the KB should answer this question');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toBe(answerView(extractive).text);
    expect(messageEntity(replies[0]!)!.additionalType).toBeUndefined();
    const warning = bot.logs.findLast((l) => l.msg === 'generative answer failed; sending the extractive answer');
    expect(warning).toMatchObject({ level: 40, route: 'kb.ask' });
    expect(bot.logs.some((l) => JSON.stringify(l).includes(FEE_QUESTION))).toBe(false);
    expect(bot.logs.findLast((l) => l.msg === 'turn')).toMatchObject({ route: 'kb.ask', outcome: 'ok' });

    // A request cut off by the deadline is still open; ending it lets OpenAIModel print its error here.
    fake.dropConnections();
    if (!('reply' in behaviour)) await vi.waitFor(() => expect(consoleLog).toHaveBeenCalled());
  });
});

describe('without Azure OpenAI settings', () => {
  it('answers extractively, with no AI label', async () => {
    const bot = await createBotHarness();
    try {
      const replies = await bot.say(FEE_QUESTION);
      expect(messageEntity(replies[0]!)!.additionalType).toBeUndefined();
      expect(messageEntity(replies[0]!)!.citation.length).toBeGreaterThan(0);
    } finally {
      await bot.close();
    }
  });
});
