import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKbSnapshot } from '../../../src/features/kb/kb.loader';
import { KbFeedbackStore } from '../../../src/features/kb/kb.store';
import { actionsOf, citationsOf, createMentorBot, inputsOf, type Card } from './mentor-bot';

/** Not in the sample KB: the bot abstains until a mentor answers it. */
const TRAILER = 'Can a customer keep a boat trailer parked overnight in the visitor lot?';
/** The same question in other words, sharing its key words. */
const SIMILAR = 'customer wants to park their boat trailer in the visitor lot overnight';
const WIFI = 'whats the guest wifi password at the store office';
const ANSWER = 'No. The visitor lot is for loading and unloading only, and trailers must leave by gate close. Offer the customer a parking space rental instead.';
const ABSTAINED = "couldn't find a confident answer";
const REFUSED = 'Your role does not allow this';
const today = () => new Date().toISOString().slice(0, 10);

describe('mentor answers in the KB (real Application, real store, sample KB)', () => {
  let t: Awaited<ReturnType<typeof createMentorBot>>;
  let answerForm: Card;
  beforeAll(async () => {
    t = await createMentorBot();
  }, 60_000);
  afterAll(() => t.close());

  it('kb gaps lists the most frequent unanswered question first, and "Answer it" opens the form with it', async () => {
    for (const asked of [TRAILER.toLowerCase(), `${TRAILER.toUpperCase()}?`, TRAILER]) expect(t.visibleText(await t.bot.say(asked))).toContain(ABSTAINED);
    expect(t.visibleText(await t.bot.say(WIFI))).toContain(ABSTAINED);
    // Five asks 40 days ago are outside the 30-day window.
    const feedback = new KbFeedbackStore(t.bot.store.containers.kbfeedback);
    for (let i = 0; i < 5; i += 1) await feedback.add({ kind: 'unanswered', question: 'where is the fax machine', confidence: 0.1, related: [] }, { now: new Date(Date.now() - 40 * 86_400_000) });
    // A thumbs-down on an answer the KB gave.
    const disliked = 'can I waive the convenience fee for a caller from another state';
    const [answer] = await t.bot.say(disliked);
    await t.bot.send({ type: 'invoke', name: 'message/submitAction', value: { actionName: 'feedback', actionValue: { reaction: 'dislike' } }, replyToId: answer!.id });

    expect(t.text(await t.command('kb gaps', 'agent'))).toContain(REFUSED);
    const gaps = await t.command('kb gaps');
    const shown = t.text(gaps);
    expect(shown).toContain('KB gaps');
    expect(shown).not.toContain('fax machine');
    const answerIts = actionsOf(gaps).filter((a) => a.title === 'Answer it' && a.type === 'Action.Execute');
    expect(answerIts.map((a) => a.data!.question)).toEqual([TRAILER, disliked, WIFI]);
    expect(shown).toContain('unanswered 3×');
    expect(shown).toContain('thumbs-down 1×');

    answerForm = await t.press(gaps, 'Answer it');
    expect(t.text(answerForm)).toContain('Answer a KB question');
    expect(inputsOf(answerForm)).toMatchObject({ question: TRAILER, answer: '' });
    expect(t.text(answerForm)).toContain(`Mentor answer by Morgan Mentor, ${today()}`);
  });

  it('"Add to KB" makes the next similar question answered from it, cited as "Mentor answer by Morgan Mentor, <date>"', async () => {
    expect(t.visibleText(await t.bot.say(SIMILAR))).toContain(ABSTAINED);

    const tooShort = await t.press(answerForm, 'Add to KB', { answer: 'No.' });
    expect(t.text(tooShort)).toContain('at least a sentence');
    expect(await t.stored()).toEqual([]);

    const added = await t.press(answerForm, 'Add to KB', { answer: ANSWER });
    expect(t.text(added)).toContain('Added to the KB');
    expect(t.text(added)).toContain(`Mentor answer by Morgan Mentor, ${today()}`);
    const [entry, ...more] = await t.stored();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ question: TRAILER, answer: ANSWER, mentor: { id: 'aad-mentor-1', name: 'Morgan Mentor' }, active: true, source: { origin: 'kb-gaps', question: TRAILER } });

    const replies = await t.bot.say(SIMILAR);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain('trailers must leave by gate close');
    expect(replies[0]!.text).toContain('[1]');
    const [first] = citationsOf(replies[0]!);
    expect(first!.appearance.name).toBe(`Mentor answer by Morgan Mentor, ${today()}`);
    expect(first!.appearance.abstract).toContain('The visitor lot is for loading');
    expect(first!.appearance.url).toBeUndefined();

    // The question is answered now, so it leaves the gaps list.
    expect(actionsOf(await t.command('kb gaps')).map((a) => a.data?.question)).not.toContain(TRAILER);
  });

  it('a replayed "Add to KB" adds nothing twice', async () => {
    const again = await t.press(answerForm, 'Add to KB', { answer: 'A different text, pressed from the same form again.' });
    expect(t.text(again)).toContain('already in the KB');
    const entries = await t.stored();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.answer).toBe(ANSWER);
  });

  it('an agent cannot capture, edit or retire: each is refused and nothing is stored or changed', async () => {
    expect(t.text(await t.command('kb answers', 'agent'))).toContain(REFUSED);
    const [entry] = await t.stored();
    const forged = [
      ['mentorAnswer.answerIt', { question: 'free money' }],
      ['mentorAnswer.capture', { id: 'forged-capture-1', question: 'Can I refund everything?', answer: 'Yes, always refund everything without asking anyone.' }],
      ['mentorAnswer.edit', { id: entry!.id }],
      ['mentorAnswer.save', { id: entry!.id, etag: entry!._etag, question: TRAILER, answer: 'Anything goes in the visitor lot, forever and ever.' }],
      ['mentorAnswer.retire', { id: entry!.id }],
    ] as const;
    for (const [verb, data] of forged) expect(t.text(await t.execute(verb, data, 'agent')), verb).toContain(REFUSED);
    expect(await t.stored()).toEqual([entry]);
    expect(t.text(await t.execute('mentorAnswer.capture', { id: '../../etc', question: 'x', answer: 'y' }))).toContain('That form is out of date');
    expect(citationsOf((await t.bot.say(SIMILAR))[0]!)[0]!.appearance.name).toContain('Mentor answer by Morgan Mentor');
  });

  it('editing over someone else\'s change keeps the typed text and says who changed it', async () => {
    const form = await t.press(await t.command('kb answers'), 'Edit');
    expect(inputsOf(form)).toMatchObject({ question: TRAILER, answer: ANSWER });
    const adminForm = await t.press(await t.command('kb answers', 'admin'), 'Edit', {}, 'admin');
    expect(t.text(await t.press(adminForm, 'Save', { answer: 'Ask the store manager first; trailers may stay one night only with a signed pass.' }, 'admin'))).toContain('Saved');

    const mine = 'No. The visitor lot is for loading only; trailers must be gone by gate close. Offer a parking space rental instead.';
    const conflict = await t.press(form, 'Save', { answer: mine });
    expect(t.text(conflict)).toContain('Ada Admin changed this answer while you were editing');
    expect(inputsOf(conflict).answer).toBe(mine);
    expect((await t.stored())[0]!.answer).toContain('signed pass');

    expect(t.text(await t.press(conflict, 'Save'))).toContain('Saved');
    const [entry] = await t.stored();
    expect(entry).toMatchObject({ answer: mine, updatedBy: { name: 'Morgan Mentor' }, mentor: { name: 'Morgan Mentor' } });
    expect((await t.bot.say(SIMILAR))[0]!.text).toContain('trailers must be gone by gate close');
  });

  it('a reload of the KB files keeps the mentor answers', async () => {
    expect(t.visibleText(await t.bot.say('reload kb', 'admin'))).toContain('Reloaded the knowledge base');
    expect(citationsOf((await t.bot.say(SIMILAR))[0]!)[0]!.appearance.name).toBe(`Mentor answer by Morgan Mentor, ${today()}`);
    t.bot.kb.replace(await loadKbSnapshot(resolve(__dirname, '../../../kb')));
    expect(citationsOf((await t.bot.say(SIMILAR))[0]!)[0]!.appearance.name).toBe(`Mentor answer by Morgan Mentor, ${today()}`);
    expect(t.visibleText(await t.bot.say('kb check', 'mentor'))).toContain('with 1 mentor answers');
  });

  it('retiring an answer takes it out of the KB and the list', async () => {
    const retired = await t.press(await t.command('kb answers'), 'Retire');
    expect(t.text(retired)).toContain('agents no longer get this answer');
    expect(t.text(retired)).toContain('There are none yet');
    expect((await t.stored())[0]!.active).toBe(false);
    expect(t.visibleText(await t.bot.say(SIMILAR))).toContain(ABSTAINED);
  });
});
