import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKbSnapshot } from '../../../src/features/kb/kb.loader';
import { KbService } from '../../../src/features/kb/kb.service';
import { createMentorAnswers, indexStoredMentorAnswers, type KnowledgeCapture } from '../../../src/features/kb/mentor-answers';
import type { MentorAnswer } from '../../../src/features/kb/mentor-answers/mentor-answers.schemas';
import type { Caller } from '../../../src/features/people/people.service';
import type { Person } from '../../../src/features/people/people.schemas';
import { createBotHarness, TEST_PEOPLE } from '../../helpers/bot-harness';

const KB_DIR = resolve(__dirname, '../../../kb');
const caller = (person?: Person): Caller => ({ aadObjectId: person?.id, displayName: person?.name ?? 'Someone', person });
const mentor = caller(TEST_PEOPLE.mentor as Person);
const agent = caller(TEST_PEOPLE.agent as Person);
const QUESTION = 'May a tenant run a power cord from the hallway outlet into their unit?';
const ANSWER = 'No. Tenants may not run power cords into a unit from any outlet; point them to a unit with power if the location has one.';

describe('KnowledgeCapture (what escalations call), against the real store', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  let capture: KnowledgeCapture;
  const stored = async () => (await bot.store.containers.kbentries.items.query<MentorAnswer>('SELECT * FROM c').fetchAll()).resources;
  beforeAll(async () => {
    bot = await createBotHarness({ memoryState: true });
    capture = createMentorAnswers(bot.store, bot.kb);
  });
  afterAll(() => bot.close());

  it('refuses an agent and an unknown user, storing nothing', async () => {
    await expect(capture.capture(agent, { id: 'esc-1-answer', question: QUESTION, answer: ANSWER })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(capture.capture(caller(), { id: 'esc-1-answer', question: QUESTION, answer: ANSWER })).rejects.toMatchObject({ code: 'unknown_user' });
    expect(await stored()).toEqual([]);
  });

  it('refuses a bad id or an empty answer, storing nothing', async () => {
    await expect(capture.capture(mentor, { id: 'a/b', question: QUESTION, answer: ANSWER })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(capture.capture(mentor, { id: 'esc-2-answer', question: QUESTION, answer: '   ' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await stored()).toEqual([]);
  });

  it('captures once by id: the replay says created false and changes nothing; the KB answers from it at once', async () => {
    expect((await bot.kb.ask('can a tenant run a power cord into the unit from the hallway outlet')).kind).toBe('unsure');
    expect(await capture.capture(mentor, { id: 'esc-3-answer', question: QUESTION, answer: ANSWER, requestId: 'esc-3' })).toEqual({ entryId: 'esc-3-answer', created: true });
    expect(await capture.capture(mentor, { id: 'esc-3-answer', question: QUESTION, answer: 'Another text entirely, from a replayed decision.' })).toEqual({ entryId: 'esc-3-answer', created: false });
    const entries = await stored();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: 'esc-3-answer', answer: ANSWER, source: { origin: 'mentor-request', requestId: 'esc-3', question: QUESTION }, mentor: { name: 'Morgan Mentor' } });

    const answer = await bot.kb.ask('can a tenant run a power cord into the unit from the hallway outlet');
    expect(answer.kind).toBe('answer');
    expect(answer.kind === 'answer' && answer.parts[0]!.section.articlePath).toBe('mentor-answers/esc-3-answer');
  });

  it('indexes every capture of a burst (index rebuilds run one at a time, the last one wins)', async () => {
    const questions = ['forklift', 'generator', 'beehive', 'canoe', 'piano'].map((thing) => `Can a tenant store a ${thing} in a climate controlled unit?`);
    await Promise.all(questions.map((question, i) => capture.capture(mentor, { id: `burst-${i}`, question, answer: `Yes for the ${i}th thing: note it on the account and tell the store.` })));
    expect(bot.kb.mentorAnswerCount).toBe(6);
  });

  it('a restarted bot indexes the stored answers before taking questions', async () => {
    const restarted = new KbService(await loadKbSnapshot(KB_DIR));
    expect((await restarted.ask(QUESTION)).kind).toBe('unsure');
    expect(await indexStoredMentorAnswers(bot.store, restarted)).toBe(6);
    const answer = await restarted.ask(QUESTION);
    expect(answer.kind === 'answer' && answer.parts[0]!.section.citedAs).toMatch(/^Mentor answer by Morgan Mentor, \d{4}-\d{2}-\d{2}$/);
  });

  it('edits need the etag the form showed, and a retired answer can no longer be edited', async () => {
    const service = createMentorAnswers(bot.store, bot.kb);
    const entry = (await service.list(mentor)).find((e) => e.id === 'esc-3-answer')!;
    const saved = await service.edit(mentor, entry.id, entry._etag!, { question: QUESTION, answer: `${ANSWER} Extension cords are a fire risk.` });
    expect(saved.kind).toBe('saved');
    const stale = await service.edit(mentor, entry.id, entry._etag!, { question: QUESTION, answer: ANSWER });
    expect(stale).toMatchObject({ kind: 'conflict', current: { updatedBy: { name: 'Morgan Mentor' } } });
    await expect(service.retire(agent, entry.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await service.retire(mentor, entry.id)).active).toBe(false);
    await expect(service.edit(mentor, entry.id, entry._etag!, { question: QUESTION, answer: ANSWER })).rejects.toThrow('retired that mentor answer');
    expect((await bot.kb.ask(QUESTION)).kind).toBe('unsure');
  });
});
