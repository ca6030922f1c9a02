import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config';
import { createAdapter } from '../../src/bot/adapter';
import { accountServices } from '../../src/bot/services';
import { createEscalations, KB_PARTITION, type KnowledgeCapture } from '../../src/features/escalations';
import { createLinkServices } from '../../src/features/links';
import type { Person } from '../../src/features/people/people.schemas';
import { PeopleService } from '../../src/features/people/people.service';
import { PeopleStore } from '../../src/features/people/people.store';
import { createLogger } from '../../src/shared/logger';
import { TEST_PEOPLE } from '../helpers/bot-harness';
import type { Escalation } from '../../src/features/escalations/escalations.schemas';
import type { Caller } from '../../src/features/people/people.service';
import { cardOfCall, cardText, createEscalationBot, MENTORS_CHANNEL, postsTo, visibleText, type Card, type User } from './escalation-harness';

const titles = (card: Card) => (card.actions ?? []).map((a) => a.title as string);

/** A knowledge capture that keeps what it was given (the KB feature's real one is built elsewhere). */
function recordingCapture() {
  const calls: { caller: Caller; entry: { id: string; question: string; answer: string; requestId?: string } }[] = [];
  const capture: KnowledgeCapture = {
    async capture(caller, entry) {
      calls.push({ caller, entry });
      return { entryId: `mentor-${entry.id}`, created: calls.filter((c) => c.entry.id === entry.id).length === 1 };
    },
  };
  return { calls, capture };
}

type Bot = Awaited<ReturnType<typeof createEscalationBot>>;

/** Asks something the KB cannot answer and presses "Ask a mentor": the request card, the button's data and the stored request. */
async function askMentor(h: Bot, question: string, user: User = 'agent'): Promise<{ card: Card; button: Record<string, unknown>; escalation: Escalation }> {
  const unsure = await h.say(question, user);
  expect(visibleText(unsure)).toContain("couldn't find a confident answer");
  const button = ((unsure[0]!.attachments![0]!.content as Card).actions ?? []).find((a) => a.title === 'Ask a mentor')!.data as Record<string, unknown>;
  const replies = await h.send({ text: undefined, value: button } as Partial<Activity>, user);
  expect(replies).toHaveLength(1);
  const { resource } = await h.store.containers.escalations.item(`kb-${String(button.requestId)}`, KB_PARTITION).read<Escalation>();
  return { card: replies[0]!.attachments![0]!.content as Card, button, escalation: resource! };
}

describe('KB questions as tracked requests ("Ask a mentor")', () => {
  let h: Bot;
  const recorded = recordingCapture();
  beforeAll(async () => {
    h = await createEscalationBot({ knowledge: recorded.capture });
    await h.linkMentors();
  }, 60_000);
  afterAll(() => h.close());

  it('an unsure answer\'s "Ask a mentor" makes a KB question in the "kb" partition, posted to the mentors; a second press makes nothing new', async () => {
    const from = h.connector.calls.length;
    const { card, button, escalation } = await askMentor(h, 'what time does the cafeteria close');
    expect(cardText(card)).toContain('Your question was recorded and sent to the mentors');
    expect(cardText(card)).toContain('what time does the cafeteria close');
    expect(escalation).toMatchObject({ accountId: 'kb', typeId: 'kb-question', status: 'open', requester: { id: 'aad-agent-1' }, fields: { question: 'what time does the cafeteria close', botAnswer: expect.stringContaining('No confident answer') } });
    expect(escalation.account).toBeUndefined();
    expect(postsTo(h.callsSince(from), MENTORS_CHANNEL)).toHaveLength(1);

    const again = await h.send({ text: undefined, value: button } as Partial<Activity>);
    expect(visibleText(again)).toContain('Your question was recorded earlier');
    const all = (await h.store.containers.escalations.items.query<Escalation>({ query: 'SELECT * FROM c WHERE c.accountId = @kb', parameters: [{ name: '@kb', value: 'kb' }] }).fetchAll()).resources;
    expect(all.filter((e) => e.fields.question === 'what time does the cafeteria close')).toHaveLength(1);
    expect(postsTo(h.callsSince(from), MENTORS_CHANNEL)).toHaveLength(1);
  });

  it('a mentor answers with "Add to KB": the answer goes to the knowledge capture once, the agent gets it in their chat', async () => {
    const { escalation } = await askMentor(h, 'can we store a boat trailer in a drive-up unit overnight');
    const ref = { accountId: escalation.accountId, escalationId: escalation.id };
    const view = await h.execute('escalation.view', ref, 'mentor');
    expect(titles(view)).toEqual(['Answer', 'Reject', 'Need info']);
    const from = h.connector.calls.length;
    const answered = await h.press(view, 'Send answer', { answerText: 'Yes, in a drive-up unit it fits in; never in the aisles.', addToKb: 'true' }, 'mentor');
    expect(cardText(answered)).toContain('Answered. Avery Agent was told in their chat with Deskmate. Added to the KB.');
    expect(recorded.calls).toHaveLength(1);
    expect(recorded.calls[0]!.entry).toEqual({ id: escalation.id, question: 'can we store a boat trailer in a drive-up unit overnight', answer: 'Yes, in a drive-up unit it fits in; never in the aisles.', requestId: escalation.id.slice(3) });
    expect(recorded.calls[0]!.caller.person?.id).toBe('aad-mentor-1');
    const { resource } = await h.store.containers.escalations.item(escalation.id, 'kb').read<Escalation>();
    expect(resource!.decision).toMatchObject({ outcome: 'answered', kb: { entryId: `mentor-${escalation.id}`, created: true } });
    const told = postsTo(h.callsSince(from), 'conv-aad-agent-1');
    expect(told).toHaveLength(1);
    expect(cardText(cardOfCall(told[0]!))).toContain('Yes, in a drive-up unit it fits in');

    const replay = await h.press(view, 'Send answer', { answerText: 'Yes.', addToKb: 'true' }, 'mentor');
    expect(cardText(replay)).toContain('already recorded');
    expect(recorded.calls).toHaveLength(1);
  });

  it('an answer without the toggle is not added to the KB; the agent cannot answer their own question as a mentor would', async () => {
    const { escalation } = await askMentor(h, 'is the office closed on the day after thanksgiving');
    const ref = { accountId: escalation.accountId, escalationId: escalation.id };
    const refused = await h.execute('escalation.decide', { ...ref, outcome: 'answered', submissionId: '00000000-aaaa', answerText: 'Sure.' }, 'agent');
    expect(cardText(refused)).toContain('Your role does not allow this');
    const answered = await h.press(await h.execute('escalation.view', ref, 'mentor'), 'Send answer', { answerText: 'Closed; phones are covered.' }, 'mentor');
    expect(cardText(answered)).toContain('Answered. Avery Agent was told');
    expect(cardText(answered)).not.toMatch(/added to the KB/i);
    expect(recorded.calls.map((c) => c.entry.id)).not.toContain(escalation.id);
  });

  it('"queue" lists the requests waiting for a mentor, oldest first, five at a time with "Show more"; agents may not', async () => {
    const questions = ['which microwave in the breakroom is fastest', 'where do we park the golf cart', 'who waters the lobby plants', 'what is the guest wifi name at the office', 'how many chairs are in room b', 'when is the fire drill this month'];
    for (const question of questions) await askMentor(h, question);
    // Decided or waiting-for-the-agent requests are not in the queue.
    const decided = await askMentor(h, 'what brand of coffee do we buy');
    await h.execute('escalation.decide', { accountId: 'kb', escalationId: decided.escalation.id, outcome: 'rejected', submissionId: 'reject-0001', rejectComment: 'Not a policy question.' }, 'mentor');

    const open = (await h.store.containers.escalations.items.query<Escalation>("SELECT * FROM c WHERE c.status = 'open'").fetchAll()).resources.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const first = (await h.say('queue', 'mentor'))[0]!.attachments![0]!.content as Card;
    const shown = (card: Card) => cardText(card).split('\n').filter((line) => line.startsWith('"')).map((line) => line.split('"')[1]);
    expect(shown(first)).toEqual(open.slice(0, 5).map((e) => e.fields.question));
    expect(titles(first)).toEqual(['Show more']);
    const more = await h.press(first, 'Show more', {}, 'mentor');
    expect(shown(more)).toEqual(open.slice(5).map((e) => e.fields.question));
    expect(shown(more)).toContain('when is the fire drill this month');
    expect([...shown(first), ...shown(more)]).not.toContain('what brand of coffee do we buy');
    expect(visibleText(await h.say('queue', 'agent'))).toContain('Your role does not allow this');
  });
});

describe('"Add to KB" with the KB\'s own mentor answers (the default wiring)', () => {
  let h: Bot;
  beforeAll(async () => {
    h = await createEscalationBot();
  }, 60_000);
  afterAll(() => h.close());

  it('the answer becomes a KB entry named by the request, and the next agent asking gets it from the KB', async () => {
    const question = 'do we validate parking for visitors at the office';
    const { card, escalation } = await askMentor(h, question);
    expect(cardText(card)).toContain("could not be posted to the mentors' channel (no chat is linked for them yet)");
    const view = await h.execute('escalation.view', { accountId: 'kb', escalationId: escalation.id }, 'mentor');
    const answered = await h.press(view, 'Send answer', { answerText: 'No. Visitors pay at the meter; the office does not validate parking.', addToKb: 'true' }, 'mentor');
    expect(cardText(answered)).toContain('Added to the KB.');
    const { resources } = await h.store.containers.kbentries.items.query<{ id: string; source: { requestId?: string } }>('SELECT * FROM c').fetchAll();
    expect(resources).toEqual([expect.objectContaining({ id: escalation.id, source: expect.objectContaining({ requestId: escalation.id.slice(3) }) })]);
    expect(visibleText(await h.say(question, 'admin'))).toContain('Visitors pay at the meter');
  });

  it('an answer the KB refuses (too short) still decides the request and says why it was not added', async () => {
    const { escalation } = await askMentor(h, 'can agents eat at their desks');
    const view = await h.execute('escalation.view', { accountId: 'kb', escalationId: escalation.id }, 'mentor');
    const answered = await h.press(view, 'Send answer', { answerText: 'Yes.', addToKb: 'true' }, 'mentor');
    expect(cardText(answered)).toContain('Not added to the KB: Write the answer agents should get');
    const { resource } = await h.store.containers.escalations.item(escalation.id, 'kb').read<Escalation>();
    expect(resource).toMatchObject({ status: 'answered', decision: { comment: 'Yes.', kb: { skipped: expect.any(String) } } });
  });
});

describe('"Add to KB" when no knowledge capture is given', () => {
  it('records the answer and says plainly that adding to the KB is not set up', async () => {
    const h = await createEscalationBot();
    try {
      const config = parseConfig({});
      const logger = createLogger('silent');
      const accounts = accountServices(h.store);
      const { notifier } = createLinkServices({ store: h.store, adapter: createAdapter(config), botAppId: '', logger, locations: accounts.locations });
      const { escalations } = createEscalations({ container: h.store.containers.escalations, ...accounts, people: new PeopleService(new PeopleStore(h.store.containers.people)), notifier, timeZone: 'America/Los_Angeles', logger });
      const mentor: Caller = { aadObjectId: 'aad-mentor-1', displayName: 'Morgan Mentor', person: TEST_PEOPLE.mentor as Person };
      const agent: Caller = { aadObjectId: 'aad-agent-1', displayName: 'Avery Agent', person: TEST_PEOPLE.agent as Person };
      const { escalation } = await escalations.askMentor(agent, { requestId: 'no-capture-1', question: 'Is there a dress code on Fridays?' });
      const outcome = await escalations.change(mentor, { accountId: 'kb', escalationId: escalation.id }, { kind: 'decide', outcome: 'answered', comment: 'Business casual, every day of the week.', submissionId: 'answer-0001' }, { addToKb: true });
      expect(outcome.escalation.decision?.kb).toEqual({ skipped: 'Adding mentor answers to the KB is not set up yet, so the answer was not added.' });
      expect(outcome.escalation.history.at(-1)).toMatchObject({ action: 'kb_captured', detail: expect.stringContaining('not added') });
    } finally {
      await h.close();
    }
  });
});
