import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config';
import { startDeskmate, type RunningDeskmate } from '../../../src/deskmate';
import { createLogger } from '../../../src/shared/logger';
import { PeopleStore } from '../../../src/features/people/people.store';
import { logCapture, visibleText } from '../../helpers/bot-harness';
import { postExpectReplies } from '../../helpers/http';
import { startFakeAzureOpenAI, type FakeAzureOpenAI } from '../generative/fake-azure-openai';
import { toyEmbedding } from './toy-embedding';
import { LEXICAL_QUESTION, writeTinyKb } from './tiny-kb';

describe('startup with an embedding deployment that is slow to answer', () => {
  let fake: FakeAzureOpenAI;
  let deskmate: RunningDeskmate;
  let kbDir: ReturnType<typeof writeTinyKb>;
  const logs = logCapture();
  beforeAll(async () => {
    fake = await startFakeAzureOpenAI({ embed: toyEmbedding });
    fake.behaveEmbeddings({ hang: 'before-headers' });
    kbDir = writeTinyKb();
    const config = parseConfig({ PORT: '0', DEMO_DATA: 'off', COSMOS_DATABASE: 'hybrid-ready-test', KB_DIR: kbDir.path, ...fake.embeddingEnv() });
    deskmate = await startDeskmate(config, createLogger('info', logs.stream), { persist: false, watchKb: false });
    await new PeopleStore(deskmate.store.containers.people).upsert({ id: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber', roles: ['agent'], locationIds: [], active: true });
  });
  afterAll(async () => {
    await deskmate.stop();
    await fake.close();
    kbDir.remove();
  });

  it('is ready while the sections are still being embedded, and answers lexically meanwhile', async () => {
    await expect.poll(() => fake.embeddingRequests.length).toBe(1);
    const ready = await fetch(`${deskmate.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect(deskmate.kb.ranking).toBe('lexical');
    expect(logs.lines.find((l) => String(l.msg).startsWith('Deskmate is ready'))).toMatchObject({ kbAnswers: 'extractive', kbRanking: expect.stringMatching(/^hybrid \(text-embedding-kb at 127\.0\.0\.1:\d+\)$/) });

    const { status, replies } = await postExpectReplies(deskmate.url, { text: LEXICAL_QUESTION });
    expect(status).toBe(200);
    expect(visibleText(replies)).toContain('6 am to 10 pm');
    expect(fake.embeddingRequests).toHaveLength(1); // no question embedding before the sections are ready
  });

  it('cancels the embedding on stop instead of waiting for it', async () => {
    const started = performance.now();
    await deskmate.stop();
    expect(performance.now() - started).toBeLessThan(5000);
    expect(logs.lines.some((l) => l.msg === 'kb embeddings: pass cancelled (the KB changed or the bot is stopping)')).toBe(true);
  });
});
