import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inChannel } from '../links/links-helpers';
import type { Account } from '../../src/features/accounts/accounts.schemas';
import type { Escalation } from '../../src/features/escalations/escalations.schemas';
import {
  BYSTANDER, cardOfCall, cardText, createEscalationBot, elementById, GROUP_AGENT, GROUP_CHAT, MENTORS_CHANNEL, postsTo, SECOND_MENTOR, updatesIn, visibleText, type Card, type User,
} from './escalation-harness';

const REFUND = { f_kind: 'Refund', f_amount: '49.98', f_why: 'Charged two months after the move-out.' };
/** The card's own buttons (not fallbacks or the refresh action). */
const titles = (card: Card) => (card.actions ?? []).map((a) => a.title as string);
const AGENT_CHAT = 'conv-aad-agent-1';

describe('escalations in the bot (real Application, demo data, loopback Bot Connector)', () => {
  let h: Awaited<ReturnType<typeof createEscalationBot>>;
  beforeAll(async () => {
    h = await createEscalationBot({ demo: true });
    await h.linkMentors();
  }, 90_000);
  afterAll(() => h.close());

  /** The customer card's "Request approval": the type picker. */
  async function openPicker(account: Account, user: User = 'agent', where: Partial<Activity> = {}): Promise<Card> {
    const replies = await h.send({ text: undefined, value: { verb: 'account.open', accountId: account.id }, ...where }, user);
    return h.press(replies[0]!.attachments![0]!.content as Card, 'Request approval', {}, user, where);
  }

  async function requestRefund(account: Account, user: User = 'agent', where: Partial<Activity> = {}): Promise<{ escalation: Escalation; created: Card; ref: { accountId: string; escalationId: string } }> {
    const form = await h.press(await openPicker(account, user, where), 'Next', { typeId: 'refund' }, user, where);
    const created = await h.press(form, 'Send to the mentors', REFUND, user, where);
    const [escalation] = await h.escalationsOf(account.id);
    return { escalation: escalation!, created, ref: { accountId: account.id, escalationId: escalation!.id } };
  }

  it('"Request approval" on the customer card: pick, fill in, send; bad values come back; posted to the mentors; a replay sends nothing new', async () => {
    const account = h.take();
    const picker = await openPicker(account);
    expect(cardText(picker)).toContain('Ask the mentors');
    expect(elementById(picker, 'typeId')?.choices).toHaveLength(5);
    const form = await h.press(picker, 'Next', { typeId: 'refund' });
    const bad = await h.press(form, 'Send to the mentors', { f_kind: 'Refund', f_amount: '0', f_why: '' });
    expect(cardText(bad)).toContain('The amount must be more than $0.00.');
    expect(cardText(bad)).toContain('Fill this in.');
    expect(elementById(bad, 'f_kind')?.value).toBe('Refund');
    expect(await h.escalationsOf(account.id)).toHaveLength(0);

    const from = h.connector.calls.length;
    const created = await h.press(bad, 'Send to the mentors', { f_amount: '49.98', f_why: REFUND.f_why });
    expect(cardText(created)).toContain('Your request was recorded and sent to the mentors');
    expect(cardText(created)).toContain('Refund of $49.98');
    expect(titles(created)).toEqual(['Refresh', 'Open the account']);
    const [stored] = await h.escalationsOf(account.id);
    expect(stored).toMatchObject({ typeId: 'refund', status: 'open', fields: { kind: 'Refund', amount: 4998, why: REFUND.f_why }, requester: { id: 'aad-agent-1' }, account: { id: account.id, unitId: account.units[0]!.id } });
    const posted = postsTo(h.callsSince(from), MENTORS_CHANNEL);
    expect(posted).toHaveLength(1);
    expect(stored!.posts).toEqual([{ linkId: 'mentors', activityId: expect.any(String) }]);
    const channelCard = cardOfCall(posted[0]!) as Card & { refresh: { userIds: string[]; action: { verb: string } } };
    expect(channelCard.refresh.userIds).toEqual(expect.arrayContaining(['aad-agent-1', 'aad-mentor-1', SECOND_MENTOR.id, 'aad-admin-1']));
    expect(channelCard.refresh.userIds).not.toContain(BYSTANDER.id);
    expect(channelCard.refresh.action.verb).toBe('escalation.view');
    expect(titles(channelCard)).toEqual(['My view']);

    const replay = await h.press(bad, 'Send to the mentors', { f_amount: '49.98', f_why: REFUND.f_why });
    expect(cardText(replay)).toContain('recorded earlier');
    expect(await h.escalationsOf(account.id)).toHaveLength(1);
    expect(postsTo(h.callsSince(from), MENTORS_CHANNEL)).toHaveLength(1);
  });

  it('"escalate <account>" opens the same picker; an unknown account is said plainly', async () => {
    const account = h.take();
    expect(visibleText(await h.say(`escalate ${account.id}`))).toContain('Ask the mentors');
    expect(visibleText(await h.say('escalate 99999999'))).toContain('No account matches');
  });

  it('roles: the requester and bystanders get no decision buttons and a forged press is refused; mentors get them; a mentor cannot decide their own', async () => {
    const { ref } = await requestRefund(h.take());
    expect(titles(await h.execute('escalation.view', ref, 'agent'))).toEqual(['Refresh']);
    expect(titles(await h.execute('escalation.view', ref, BYSTANDER))).toEqual(['My view']);
    const forged = await h.execute('escalation.decide', { ...ref, outcome: 'approved', submissionId: randomUUID() }, 'agent');
    expect(cardText(forged)).toContain('Your role does not allow this');
    const forgedAsk = await h.execute('escalation.ask', { ...ref, submissionId: randomUUID(), infoQuestion: 'x' }, BYSTANDER);
    expect(cardText(forgedAsk)).toContain('Your role does not allow this');
    expect(titles(await h.execute('escalation.view', ref, 'mentor'))).toEqual(['Approve', 'Reject', 'Need info']);

    const mentorsOwn = await requestRefund(h.take(), 'mentor');
    const ownView = await h.execute('escalation.view', mentorsOwn.ref, 'mentor');
    expect(titles(ownView)).toEqual(['Refresh']);
    const refused = await h.execute('escalation.decide', { ...mentorsOwn.ref, outcome: 'approved', submissionId: randomUUID() }, 'mentor');
    expect(cardText(refused)).toContain('This is your own request, so another mentor has to decide it.');
    expect((await h.escalationsOf(mentorsOwn.ref.accountId))[0]!.status).toBe('open');
    expect(titles(await h.execute('escalation.view', mentorsOwn.ref, SECOND_MENTOR))).toContain('Approve');
  });

  it('two mentors at once: the first decision wins, the other sees who decided and when; one note, one decision', async () => {
    const account = h.take();
    const { ref } = await requestRefund(account);
    const [a, b] = await Promise.all([
      h.execute('escalation.decide', { ...ref, outcome: 'approved', submissionId: randomUUID(), approveComment: 'Fine.' }, 'mentor'),
      h.execute('escalation.decide', { ...ref, outcome: 'rejected', submissionId: randomUUID(), rejectComment: 'Policy says no.' }, SECOND_MENTOR),
    ]);
    const texts = [cardText(a), cardText(b)];
    const losers = texts.filter((t) => t.includes('Already decided:'));
    expect(losers).toHaveLength(1);
    const [stored] = await h.escalationsOf(account.id);
    const winner = stored!.decision!.by.name;
    expect(losers[0]).toContain(`by ${stored!.decision!.by.title} ${winner} on `);
    expect(losers[0]).toContain('Nothing was changed.');
    expect(stored!.history.filter((e) => e.action === 'approved' || e.action === 'rejected')).toHaveLength(1);
    expect((await h.notesOf(account.id)).filter((n) => n.id === `${ref.escalationId}:decided`)).toHaveLength(1);
  });

  it('a decision writes the account note, tells the requester in their personal chat and updates the mentors\' card in place', async () => {
    const account = h.take();
    const { ref, escalation } = await requestRefund(account);
    const from = h.connector.calls.length;
    const view = await h.execute('escalation.view', ref, 'mentor');
    const decided = await h.press(view, 'Approve', { approveComment: 'Goodwill, first time.' }, 'mentor');
    expect(cardText(decided)).toContain('Approved. Avery Agent was told in their chat with Deskmate. A note is on the account.');
    expect(cardText(decided)).toContain('Approved by TL Morgan Mentor');
    expect(titles(decided)).toEqual([]);

    const note = (await h.notesOf(account.id)).find((n) => n.id === `${ref.escalationId}:decided`)!;
    expect(note.resolution).toBe('Refund of $49.98 approved by TL Morgan Mentor. Comment: Goodwill, first time.');
    expect(note).toMatchObject({ disposition: { category: 'Deskmate', name: 'Escalation Decided' }, author: { id: 'aad-mentor-1', title: 'TL' }, unitIds: [account.units[0]!.id] });

    const calls = h.callsSince(from);
    const told = postsTo(calls, AGENT_CHAT);
    expect(told).toHaveLength(1);
    expect(cardText(cardOfCall(told[0]!))).toContain('Your request: Refund of $49.98 approved by TL Morgan Mentor.');
    expect(told[0]!.body.summary).toBe('Refund of $49.98 approved by TL Morgan Mentor.');
    const updated = updatesIn(calls, MENTORS_CHANNEL);
    expect(updated).toHaveLength(1);
    expect(updated[0]!.url).toContain(encodeURIComponent(escalation.posts[0]!.activityId));
    expect(cardText(cardOfCall(updated[0]!))).toContain('Approved by TL Morgan Mentor');
    expect(titles(cardOfCall(updated[0]!))).toEqual([]);
    // A decided request never changes again, so the news post is not kept for updates.
    const [stored] = await h.escalationsOf(account.id);
    expect(stored!.posts.map((p) => p.linkId)).toEqual(['mentors']);
  });

  it('a requester Deskmate cannot reach in a personal chat does not fail the decision', async () => {
    const account = h.take();
    const { ref } = await requestRefund(account, GROUP_AGENT, GROUP_CHAT);
    const decided = await h.execute('escalation.decide', { ...ref, outcome: 'rejected', submissionId: randomUUID(), rejectComment: 'Not within policy.' }, 'mentor');
    expect(cardText(decided)).toContain('Quinn Group could not be told in Teams (they have not chatted with Deskmate yet); tell them another way.');
    const [stored] = await h.escalationsOf(account.id);
    expect(stored!.status).toBe('rejected');
    expect((await h.notesOf(account.id)).find((n) => n.id === `${ref.escalationId}:decided`)?.resolution).toBe('Refund of $49.98 rejected by TL Morgan Mentor. Comment: Not within policy.');
  });

  it('need info: the mentor asks, the agent answers from their card, the request is open again with the Q&A, every copy is updated', async () => {
    const account = h.take();
    const { ref } = await requestRefund(account);
    let from = h.connector.calls.length;
    const asked = await h.press(await h.execute('escalation.view', ref, 'mentor'), 'Ask the agent', { infoQuestion: 'Which months were charged?' }, 'mentor');
    expect(cardText(asked)).toContain('Your question was sent to Avery Agent. Avery Agent was told in their chat with Deskmate.');
    expect((await h.escalationsOf(account.id))[0]!.status).toBe('needs_info');
    const toAgent = postsTo(h.callsSince(from), AGENT_CHAT);
    expect(toAgent).toHaveLength(1);
    expect(elementById(cardOfCall(toAgent[0]!), 'reply')).toBeDefined();
    expect(cardText(cardOfCall(updatesIn(h.callsSince(from), MENTORS_CHANNEL)[0]!))).toContain('Needs info from Avery Agent');
    expect(titles(await h.execute('escalation.view', ref, 'mentor'))).not.toContain('Need info');

    const agentCard = await h.execute('escalation.view', ref, 'agent');
    expect(cardText(agentCard)).toContain('Morgan Mentor needs more information: Which months were charged?');
    expect(titles(agentCard)).toEqual(['Send']);
    from = h.connector.calls.length;
    const sent = await h.press(agentCard, 'Send', { reply: 'July and August.' });
    expect(cardText(sent)).toContain('Sent to the mentors. The request is open again.');
    const [stored] = await h.escalationsOf(account.id);
    expect(stored!.status).toBe('open');
    expect(stored!.history.filter((e) => e.action.startsWith('info_')).map((e) => [e.action, e.by.name, e.detail])).toEqual([
      ['info_requested', 'Morgan Mentor', 'Which months were charged?'],
      ['info_given', 'Avery Agent', 'July and August.'],
    ]);
    const updates = h.callsSince(from).filter((c) => c.method === 'PUT');
    expect(updatesIn(updates, MENTORS_CHANNEL)).toHaveLength(1);
    expect(updatesIn(updates, AGENT_CHAT)).toHaveLength(1);
    expect(cardText(cardOfCall(updatesIn(updates, MENTORS_CHANNEL)[0]!))).toContain('Avery Agent answered');

    const replay = await h.press(agentCard, 'Send', { reply: 'July and August.' });
    expect(cardText(replay)).toContain('already recorded');
    expect((await h.escalationsOf(account.id))[0]!.history.filter((e) => e.action === 'info_given')).toHaveLength(1);
    const late = await h.execute('escalation.reply', { ...ref, submissionId: randomUUID(), reply: 'More.' }, 'agent');
    expect(cardText(late)).toContain('The mentors are not waiting for an answer from you');
    expect(titles(await h.execute('escalation.view', ref, 'mentor'))).toContain('Need info');
  });

  it('a replayed decision press records nothing new and tells the requester once', async () => {
    const account = h.take();
    const { ref } = await requestRefund(account);
    const from = h.connector.calls.length;
    const view = await h.execute('escalation.view', ref, SECOND_MENTOR);
    await h.press(view, 'Approve', {}, SECOND_MENTOR);
    const again = await h.press(view, 'Approve', {}, SECOND_MENTOR);
    expect(cardText(again)).toContain('That was already recorded; nothing new was saved.');
    const [stored] = await h.escalationsOf(account.id);
    expect(stored!.history.filter((e) => e.action === 'approved')).toHaveLength(1);
    expect(postsTo(h.callsSince(from), AGENT_CHAT)).toHaveLength(1);
    expect((await h.notesOf(account.id)).find((n) => n.id === `${ref.escalationId}:decided`)?.resolution).toBe('Refund of $49.98 approved by Supervisor Riley Reviewer.');
  });

  it('each account type goes through the form: fee waiver, auction relief, rent change, supervisor callback', async () => {
    const future = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const cases: [string, Record<string, string>, string][] = [
      ['fee-waiver', { f_fee: 'Late fee', f_amount: '25', f_why: 'Paid the same day.' }, 'Late fee waiver ($25.00)'],
      ['auction-relief', { f_auctionDate: future, f_relief: 'Payment arrangement', f_why: 'Lost their job.' }, 'Auction relief (Payment arrangement)'],
      ['rent-change', { f_newRent: '99', f_effective: future, f_why: 'Price match.' }, 'Rent change to $99.00 a month'],
      ['supervisor-callback', { f_phone: '503-555-0134', f_window: '12:00-15:00', f_why: 'Complaint about the gate.' }, 'Supervisor callback'],
    ];
    for (const [typeId, fields, headline] of cases) {
      const account = h.take();
      const form = await h.press(await openPicker(account), 'Next', { typeId });
      const created = await h.press(form, 'Send to the mentors', fields);
      expect(cardText(created)).toContain(headline);
      expect((await h.escalationsOf(account.id))[0]).toMatchObject({ typeId, status: 'open' });
    }
  });

  it('after an admin links the mentors in another channel, the next request goes there at once (the bot keeps links a short while)', async () => {
    await requestRefund(h.take());
    const elsewhere = '19:new-mentors@thread.tacv2';
    await h.send({ text: 'link mentors', ...inChannel({ id: elsewhere, name: 'New mentors' }) }, 'admin');
    try {
      const from = h.connector.calls.length;
      await requestRefund(h.take());
      expect(postsTo(h.callsSince(from), elsewhere)).toHaveLength(1);
      expect(postsTo(h.callsSince(from), MENTORS_CHANNEL)).toHaveLength(0);
    } finally {
      await h.linkMentors();
    }
  });
});
