import { randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { createBotHarness, TEST_PEOPLE, visibleText, type TestUser } from '../helpers/bot-harness';
import type { Store } from '../../src/store/cosmos-store';
import { KbFeedbackStore } from '../../src/features/kb/kb.store';
import type { KbFeedbackDoc } from '../../src/features/kb/kb.schemas';

const POLICY_QUESTION = 'caller is in Colorado paying for an Oregon unit, can I waive the convenience fee?';
const OFF_TOPIC = 'whats the wifi password at the office';

type Bot = Awaited<ReturnType<typeof createBotHarness>>;
type CardAction = { type: string; title: string; data?: Record<string, unknown> };
type CitationEntity = {
  type: string;
  '@type': string;
  citation: { '@type': string; position: number; appearance: { '@type': string; name: string; abstract: string; url?: string } }[];
};

const utcDay = (d = new Date()) => d.toISOString().slice(0, 10);

/** Every kbfeedback document written since `since` (today and, around midnight UTC, the day before). */
async function feedbackDocs(store: Store, since: Date): Promise<KbFeedbackDoc[]> {
  const feedback = new KbFeedbackStore(store.containers.kbfeedback);
  const days = [...new Set([utcDay(since), utcDay()])];
  return (await Promise.all(days.map((d) => feedback.day(d)))).flat();
}

function cardActions(reply: Partial<Activity>): CardAction[] {
  return ((reply.attachments?.[0]?.content as { actions?: CardAction[] } | undefined)?.actions ?? []) as CardAction[];
}

function citationsOf(reply: Partial<Activity>): CitationEntity | undefined {
  return (reply.entities as CitationEntity[] | undefined)?.find((e) => e['@type'] === 'Message' && Array.isArray(e.citation));
}

describe('KB questions in the bot (real Application, real store, sample KB)', () => {
  let bot: Bot;
  const started = new Date();
  beforeAll(async () => {
    bot = await createBotHarness();
  });
  afterAll(() => bot.close());

  it('answers a policy question with one message carrying citations and the feedback buttons', async () => {
    const replies = await bot.say(POLICY_QUESTION);
    expect(replies).toHaveLength(1);
    const reply = replies[0]!;
    expect(reply.type).toBe('message');
    expect(reply.text).toContain('[1]');
    expect(reply.text).toContain('AutoPay');
    expect(reply.attachments ?? []).toHaveLength(0);
    expect((reply.channelData as { feedbackLoopEnabled?: boolean }).feedbackLoopEnabled).toBe(true);

    const entity = (reply.entities as CitationEntity[])[0]!;
    expect(entity.type).toBe('https://schema.org/Message');
    expect(entity['@type']).toBe('Message');
    expect(entity.citation.length).toBeGreaterThan(0);
    const first = entity.citation[0]!;
    expect(first['@type']).toBe('Claim');
    expect(first.position).toBe(1);
    expect(typeof first.appearance.name).toBe('string');
    expect(first.appearance.name.length).toBeGreaterThan(0);
    expect(first.appearance.name.length).toBeLessThanOrEqual(80);
    expect(first.appearance.abstract.length).toBeLessThanOrEqual(160);
    const names = entity.citation.map((c) => c.appearance.name);
    expect(names.some((n) => n.startsWith('Convenience Fee Waivers'))).toBe(true);
    expect(entity.citation.some((c) => (c.appearance.url ?? '').startsWith('https://help.deskmate.example.com/scenarios/convenience-fee#'))).toBe(true);
    for (const c of entity.citation) expect(reply.text).toContain(`[${c.position}]`);

    const stored = await feedbackDocs(bot.store, started);
    expect(stored.filter((d) => 'question' in d && d.question === POLICY_QUESTION)).toEqual([]);
  });

  it('answers a question that starts with "acct" from the KB, not as an account search', async () => {
    const replies = await bot.say('acct popped up in the failsafe audit, cant figure out the reason, what do i pick');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain('[1]');
    expect(replies[0]!.text?.toLowerCase()).toContain('interactive unknown');
    expect(visibleText(replies)).not.toContain('No account found');
  });

  it('says when it is not sure, offers "Ask a mentor", and records the question as unanswered', async () => {
    const replies = await bot.say(OFF_TOPIC);
    expect(replies).toHaveLength(1);
    const reply = replies[0]!;
    expect(reply.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(visibleText(replies)).toContain("couldn't find a confident answer");
    expect(citationsOf(reply)).toBeUndefined();
    expect((reply.channelData as { feedbackLoopEnabled?: boolean } | undefined)?.feedbackLoopEnabled).not.toBe(true);
    const askMentor = cardActions(reply).find((a) => a.title === 'Ask a mentor');
    expect(askMentor).toBeDefined();
    expect(askMentor!.data).toMatchObject({ question: OFF_TOPIC });

    const unanswered = (await feedbackDocs(bot.store, started)).filter((d) => d.kind === 'unanswered' && d.question === OFF_TOPIC);
    expect(unanswered).toHaveLength(1);
    const doc = unanswered[0]! as Extract<KbFeedbackDoc, { kind: 'unanswered' }>;
    expect(doc.userId).toBe(TEST_PEOPLE.agent.id);
    expect(doc.related.length).toBeLessThanOrEqual(3);
    expect(doc.confidence).toBeGreaterThanOrEqual(0);
    expect(doc.confidence).toBeLessThan(1);
    expect(doc.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('records a mentor request when "Ask a mentor" is pressed, and confirms it', async () => {
    const question = 'what time does the cafeteria close';
    const unsure = await bot.say(question);
    const button = cardActions(unsure[0]!).find((a) => a.title === 'Ask a mentor');
    expect(button).toBeDefined();

    const replies = await bot.send({ text: undefined, value: button!.data });
    expect(replies).toHaveLength(1);
    const shown = visibleText(replies);
    expect(shown).toContain('Your question was recorded');
    expect(shown).toContain(question);

    // A second press of the same button (a replay) confirms again but records nothing new.
    expect(visibleText(await bot.send({ text: undefined, value: button!.data }))).toContain('Your question was recorded');
    const requests = (await feedbackDocs(bot.store, started)).filter((d) => d.kind === 'mentor-request' && d.question === question);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.userId).toBe(TEST_PEOPLE.agent.id);
  });

  it('refuses an "Ask a mentor" press without a question, and stores nothing', async () => {
    const before = (await feedbackDocs(bot.store, started)).length;
    const shown = visibleText(await bot.send({ text: undefined, value: { verb: 'kb.askMentor', question: '   ' } }));
    expect(shown).toContain('did not carry a question');
    expect((await feedbackDocs(bot.store, started)).length).toBe(before);
  });

  it('stores thumbs-down feedback with the question, the answer and its citations', async () => {
    const question = "ct's gate code is correct but keypad lit and still cant get in";
    const replies = await bot.say(question);
    expect(replies).toHaveLength(1);
    const answer = replies[0]!;
    expect(answer.text).toContain('[1]');
    // TestAdapter gives every reply an id, as Teams does; the bot remembers the answer under it.
    expect(answer.id).toBeTruthy();

    const invokeReplies = await bot.send({
      type: 'invoke',
      name: 'message/submitAction',
      value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: '{"feedbackText":"wrong article"}' } },
      replyToId: answer.id,
    });
    expect(invokeReplies).toEqual([]);

    const docs = (await feedbackDocs(bot.store, started)).filter((d): d is Extract<KbFeedbackDoc, { kind: 'feedback' }> => d.kind === 'feedback' && d.question === question);
    expect(docs).toHaveLength(1);
    const doc = docs[0]!;
    expect(doc.reaction).toBe('dislike');
    expect(doc.answer).toBe(answer.text);
    expect(doc.comment).toBe('wrong article');
    expect(doc.answerMatchedBy).toBe('reply');
    expect(doc.userId).toBe(TEST_PEOPLE.agent.id);
    expect(doc.citations.length).toBeGreaterThan(0);
    expect(doc.citations.map((c) => c.path)).toContain('scenarios/gate-access.md');
    expect(doc.citations[0]!.position).toBe(1);
  });

  it('without a reply id (as Agents Playground sends it) rates the latest answer and says so', async () => {
    const question = 'can I waive the convenience fee for a caller from another state';
    const [answer] = await bot.say(question);
    await bot.send({ type: 'invoke', name: 'message/submitAction', value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: 'plain words' } } });
    const docs = (await feedbackDocs(bot.store, started)).filter((d): d is Extract<KbFeedbackDoc, { kind: 'feedback' }> => d.kind === 'feedback' && d.question === question);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ answer: answer!.text, comment: 'plain words', answerMatchedBy: 'latest-answer' });
  });

  it('stores a thumbs-up on a reply it does not remember, marked as not remembered', async () => {
    await bot.send({
      type: 'invoke',
      name: 'message/submitAction',
      value: { actionName: 'feedback', actionValue: { reaction: 'like' } },
      replyToId: `unknown-reply-${randomUUID()}`,
    });
    const likes = (await feedbackDocs(bot.store, started)).filter((d): d is Extract<KbFeedbackDoc, { kind: 'feedback' }> => d.kind === 'feedback' && d.reaction === 'like');
    expect(likes).toHaveLength(1);
    expect(likes[0]!.question).toBe('(not remembered)');
    expect(likes[0]!.answer).toBe('');
    expect(likes[0]!.citations).toEqual([]);
    expect(likes[0]!.answerMatchedBy).toBe('none');
  });

  it('does not store feedback from a user who is not set up', async () => {
    const before = (await feedbackDocs(bot.store, started)).length;
    await bot.send(
      { type: 'invoke', name: 'message/submitAction', value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: 'spam' } }, replyToId: 'whatever' },
      { id: 'aad-x', name: 'X' },
    );
    expect((await feedbackDocs(bot.store, started)).length).toBe(before);
  });

  it('tells an unknown or switched-off user they are not set up, and stores nothing', async () => {
    const before = (await feedbackDocs(bot.store, started)).length;
    for (const user of [{ id: 'aad-x', name: 'X' }, 'inactive' as const] satisfies TestUser[]) {
      for (const question of [POLICY_QUESTION, OFF_TOPIC]) {
        const replies = await bot.say(question, user);
        expect(replies).toHaveLength(1);
        const shown = visibleText(replies);
        expect(shown).toContain('not set up in Deskmate');
        expect(shown).not.toContain('AutoPay');
        expect(shown).not.toContain("couldn't find a confident answer");
        expect(citationsOf(replies[0]!)).toBeUndefined();
      }
    }
    expect((await feedbackDocs(bot.store, started)).length).toBe(before);
  });

  it('lets mentors and admins run "kb check" and refuses agents', async () => {
    for (const user of ['mentor', 'admin'] as const) {
      const shown = visibleText(await bot.say('kb check', user));
      expect(shown).toContain('Knowledge base check');
      expect(shown).toMatch(/\d+ articles, \d+ sections/);
      expect(shown).not.toContain('Your role does not allow this');
    }
    const agent = visibleText(await bot.say('kb check', 'agent'));
    expect(agent).toContain('Your role does not allow this');
    expect(agent).not.toContain('Knowledge base check');
  });

  it('lets only admins "reload kb"', async () => {
    const admin = visibleText(await bot.say('reload kb', 'admin'));
    expect(admin).toContain('Reloaded the knowledge base');
    expect(admin).toMatch(/\d+ articles, \d+ sections/);
    for (const user of ['agent', 'mentor'] as const) {
      const shown = visibleText(await bot.say('reload the kb', user));
      expect(shown).toContain('Your role does not allow this');
      expect(shown).not.toContain('Reloaded');
    }
    // Still answering after the reload.
    const after = await bot.say(POLICY_QUESTION);
    expect(after[0]!.text).toContain('[1]');
  });

  it('asks for a shorter question over 1000 characters, and stores nothing', async () => {
    const before = (await feedbackDocs(bot.store, started)).length;
    const long = `${'the customer wants to know about the gate code and the convenience fee '.repeat(15)}?`;
    expect(long.length).toBeGreaterThan(1000);
    const replies = await bot.say(long);
    expect(replies).toHaveLength(1);
    const shown = visibleText(replies);
    expect(shown).toContain('too long');
    expect(shown).toContain(String(long.trim().length));
    expect(citationsOf(replies[0]!)).toBeUndefined();
    expect((await feedbackDocs(bot.store, started)).length).toBe(before);
  });
});

type SearchResult = {
  type: string;
  text?: string;
  attachmentLayout?: string;
  attachments?: { contentType: string; content: unknown; preview?: { content: { title: string; text: string } } }[];
};

describe('the "Search the KB" message extension', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeAll(async () => {
    bot = await createBotHarness({ memoryState: true });
  });
  afterAll(() => bot.close());

  async function search(parameters: { name: string; value: string }[] | undefined, user: TestUser = 'agent'): Promise<SearchResult> {
    const reply = await bot.sendInvoke({ name: 'composeExtension/query', value: { commandId: 'searchKb', ...(parameters ? { parameters } : {}) } }, user);
    expect(reply.status).toBe(200);
    // No chat message is posted for a search.
    expect(reply.messages).toEqual([]);
    return (reply.body as { composeExtension: SearchResult }).composeExtension;
  }

  it('returns article cards for "gate code", the gate article among them', async () => {
    const result = await search([{ name: 'query', value: 'gate code' }]);
    expect(result.type).toBe('result');
    expect(result.attachments!.length).toBeGreaterThan(0);
    expect(result.attachments!.length).toBeLessThanOrEqual(10);
    for (const a of result.attachments!) {
      expect(a.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(a.preview?.content.title.length).toBeGreaterThan(0);
    }
    const cards = result.attachments!.map((a) => visibleText([{ attachments: [a] }]));
    expect(cards.some((c) => c.includes('Gate Code Not Working'))).toBe(true);
    expect(cards[0]).toMatch(/gate/i);
    // The gate article's own card (another article's card may point to it by name).
    const gateCard = result.attachments!.find((a) => visibleText([{ attachments: [a] }]).startsWith('Gate Code Not Working'))!;
    const open = (gateCard.content as { actions?: (CardAction & { url?: string })[] }).actions ?? [];
    expect(open.some((a) => a.type === 'Action.OpenUrl' && String(a.url).startsWith('https://help.deskmate.example.com/scenarios/gate-access#'))).toBe(true);
  });

  it('tells an unknown user they are not set up, with no results', async () => {
    const result = await search([{ name: 'query', value: 'gate code' }], { id: 'aad-x', name: 'X' });
    expect(result.type).toBe('message');
    expect(result.text).toContain('not set up in Deskmate');
    expect(result.attachments ?? []).toEqual([]);
  });

  it('asks for words when the query is empty, blank or missing', async () => {
    for (const parameters of [[{ name: 'query', value: '' }], [{ name: 'query', value: '   ' }], undefined]) {
      const result = await search(parameters);
      expect(result.type).toBe('message');
      expect(result.text).toMatch(/type a few words/i);
    }
  });

  it('answers the feedback invoke with 200', async () => {
    const reply = await bot.sendInvoke({ name: 'message/submitAction', value: { actionName: 'feedback', actionValue: { reaction: 'like' } }, replyToId: 'some-reply' });
    expect(reply.status).toBe(200);
  });
});

describe('reload kb and kb check on a KB folder that changes', () => {
  let bot: Bot;
  let dir: string;
  const question = 'can a customer keep a kayak on the rooftop rack overnight?';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'deskmate-kb-bot-'));
    await copyFile(resolve(__dirname, 'fixtures/climate-units.md'), join(dir, 'climate-units.md'));
    bot = await createBotHarness({ kbDir: dir });
  });
  afterAll(async () => {
    await bot.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers from a new article only after an admin reloads, and kb check lists a broken file', async () => {
    expect(visibleText(await bot.say(question))).toContain("couldn't find a confident answer");
    const clean = visibleText(await bot.say('kb check', 'mentor'));
    expect(clean).toContain('1 articles');
    expect(clean).toContain('No problems found');

    await writeFile(
      join(dir, 'kayak-racks.md'),
      '---\ntitle: Kayak Rooftop Racks\nurl: https://kb.example.test/kayak-racks\n---\n\n## Overnight kayak storage\nCustomers may keep a kayak on the rooftop rack overnight only with a signed rack agreement.\n\n## Rack sizes\nEach rooftop rack holds two kayaks up to 14 feet long.\n',
    );
    await writeFile(join(dir, 'scan.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]));

    // Nothing changes until someone reloads (the file watcher is not part of the bot harness).
    expect(visibleText(await bot.say(question))).toContain("couldn't find a confident answer");

    const reloaded = visibleText(await bot.say('reload kb', 'admin'));
    expect(reloaded).toContain('Reloaded the knowledge base: 2 articles');
    expect(reloaded).toMatch(/\b1 problems?\b/);

    const replies = await bot.say(question);
    expect(replies[0]!.text).toContain('signed rack agreement');
    expect(citationsOf(replies[0]!)!.citation[0]!.appearance.url).toBe('https://kb.example.test/kayak-racks#overnight-kayak-storage');

    const check = visibleText(await bot.say('kb check', 'mentor'));
    expect(check).toContain('scan.md');
    expect(check).toContain('not a text file');
  });
});
