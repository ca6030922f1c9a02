import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inChannel, startConnector } from '../links/links-helpers';
import { ALL_UNITS } from '../../src/features/notes/form/note-form.schemas';
import { actionsOf, createNoteBot, elementById, GOOD_NOTE, inputsOf } from './note-harness';

describe('the note form in the bot (real Application, demo data)', () => {
  let t: Awaited<ReturnType<typeof createNoteBot>>;
  beforeAll(async () => {
    t = await createNoteBot();
  }, 60_000);
  afterAll(() => t.close());

  it('the customer card has "Add note", which replaces it with the form for that account', async () => {
    const account = t.take(1);
    const replies = await t.bot.send({ text: undefined, value: { verb: 'account.open', accountId: account.id } });
    const card = replies[0]!.attachments![0]!.content as Parameters<typeof t.press>[0];
    const form = await t.press(card, 'Add note');
    const shown = t.text(form);
    expect(shown).toContain('Add a note');
    expect(shown).toContain(`${account.firstName} ${account.lastName}`);
    for (const label of ['Who called', 'Relationship to the account holder', 'Reason', 'Resolution', 'Additional info', 'Follow-up', 'Disposition']) expect(shown).toContain(label);
    expect(elementById(form, 'disposition')).toMatchObject({ type: 'Input.ChoiceSet', style: 'filtered' });
    expect((elementById(form, 'disposition')!.choices as unknown[]).length).toBe(151);
    expect(inputsOf(form).callerName).toBe(`${account.firstName} ${account.lastName}`);
  });

  it('files a good note on all units of a multi-unit account: one note per unit, and a replay writes nothing more', async () => {
    const account = t.take(2);
    const form = await t.open(account.id);
    const units = elementById(form, 'units')!;
    expect((units.choices as { value: string }[]).map((c) => c.value)).toEqual([ALL_UNITS, ...account.units.map((u) => u.id)]);
    const before = (await t.notesOf(account.id)).length;

    const saved = await t.press(form, 'Check and save', { ...GOOD_NOTE, units: ALL_UNITS });
    expect(t.text(saved)).toContain('Note saved');
    expect(t.text(saved)).toContain(`Saved on ${account.units.length} units: ${account.units.map((u) => u.id).join(', ')}`);
    const notes = (await t.notesOf(account.id)).filter((n) => n.reason === GOOD_NOTE.reason);
    expect(notes.map((n) => n.unitIds).sort()).toEqual(account.units.map((u) => [u.id]).sort());
    expect(notes[0]).toMatchObject({
      caller: { name: 'Alexander Erickson', relationship: 'Son' },
      disposition: { category: 'Billing', name: 'Credit/Refund' },
      author: { id: 'aad-agent-1', name: 'Avery Agent' },
      flags: { urgent: false, collection: false, critical: false },
    });

    const replay = await t.press(form, 'Check and save', { ...GOOD_NOTE, units: ALL_UNITS });
    expect(t.text(replay)).toContain('already saved');
    expect((await t.notesOf(account.id)).length).toBe(before + account.units.length);
  });

  it('shows what the checks found on a bad note; Edit keeps what was typed; Save anyway saves it', async () => {
    const account = t.take(1, true);
    const bad = {
      ...GOOD_NOTE,
      reason: 'Customer was rude and said "I will never pay you people another cent" on the call.',
      resolution: 'Updated the phone number. Will call back.',
    };
    const review = await t.press(await t.open(account.id), 'Check and save', bad);
    const shown = t.text(review);
    expect(shown).toContain('Check the note before saving');
    expect(review.body.length).toBeGreaterThan(3);
    expect(shown).toContain('Save anyway');
    expect(await t.notesOf(account.id).then((n) => n.some((x) => x.reason === bad.reason))).toBe(false);

    const again = await t.press(review, 'Edit');
    expect(inputsOf(again)).toMatchObject({ reason: bad.reason, resolution: bad.resolution, disposition: GOOD_NOTE.disposition, callerName: GOOD_NOTE.callerName });

    const saved = await t.press(review, 'Save anyway');
    expect(t.text(saved)).toContain('Note saved');
    expect((await t.notesOf(account.id)).filter((n) => n.reason === bad.reason)).toHaveLength(1);
  });

  it('will not save a card number, even with a forged "Save anyway"', async () => {
    const account = t.take(1, true);
    const secret = { ...GOOD_NOTE, resolution: 'Took the payment on card 4111 1111 1111 1111 for $80.00 and it went through.' };
    const form = await t.open(account.id);
    const review = await t.press(form, 'Check and save', secret);
    expect(t.text(review)).toContain('cannot be saved');
    expect(t.text(review)).not.toContain('Save anyway');
    expect(JSON.stringify(review)).not.toContain('4111 1111 1111 1111'.slice(0, 14));

    const forged = await t.execute('note.saveAnyway', { accountId: account.id, ...inputsOf(form), ...secret, submissionId: inputsOf(form).submissionId ?? crypto.randomUUID() });
    expect(t.text(forged)).not.toContain('Note saved');
    expect((await t.notesOf(account.id)).some((n) => n.resolution.includes('4111'))).toBe(false);

    const edited = await t.press(review, 'Edit');
    const masked = String(inputsOf(edited).resolution);
    expect(masked).toContain('1111');
    expect(masked).not.toContain('4111 1111');
    const saved = await t.press(edited, 'Check and save');
    expect(t.text(saved)).toContain('Note saved');
    expect((await t.notesOf(account.id)).find((n) => n.resolution === masked)).toBeDefined();
  });

  it('sends the form back with what was typed and what is missing, and saves nothing', async () => {
    const account = t.take(1, true);
    const before = (await t.notesOf(account.id)).length;
    const again = await t.press(await t.open(account.id), 'Check and save', { ...GOOD_NOTE, resolution: '   ', disposition: 'Billing › Free Money' });
    const shown = t.text(again);
    expect(shown).toContain('Say what was done on the call');
    expect(shown).toContain('That disposition is not in the list');
    expect(inputsOf(again)).toMatchObject({ reason: GOOD_NOTE.reason, callerName: GOOD_NOTE.callerName });
    expect((await t.notesOf(account.id)).length).toBe(before);

    const withCard = await t.press(await t.open(account.id), 'Check and save', { ...GOOD_NOTE, resolution: 'Took $80.00 on card 4111 1111 1111 1111.', disposition: '' });
    expect(t.text(withCard)).toContain('Pick the disposition');
    expect(JSON.stringify(withCard)).not.toContain('4111 1111 1111 1111');
  });

  it('an urgent note is saved even when no chat is linked for the store, and the agent is told', async () => {
    const account = t.take(1, true);
    const saved = await t.press(await t.open(account.id), 'Check and save', { ...GOOD_NOTE, urgent: 'true' });
    expect(t.text(saved)).toContain('Note saved');
    expect(t.text(saved)).toContain('the urgent message did not go out');
    expect((await t.notesOf(account.id)).find((n) => n.reason === GOOD_NOTE.reason)?.flags.urgent).toBe(true);
  });

  it('checks the role on the server and refuses forged payloads', async () => {
    const account = t.take(1, true);
    const form = await t.open(account.id);
    const refused = await t.press(form, 'Check and save', GOOD_NOTE, { id: 'aad-nobody', name: 'Nobody' });
    expect(t.text(refused)).toContain('You are not set up in Deskmate yet');
    expect((await t.notesOf(account.id)).some((n) => n.reason === GOOD_NOTE.reason)).toBe(false);
    expect(t.text(await t.execute('note.submit', { accountId: '../x', submissionId: 'nope' }))).toContain('That form is out of date');
    expect(t.text(await t.execute('note.whatever', { accountId: account.id }))).toContain('That form is out of date');
  });

  it('"note <phone>" opens the form for that account', async () => {
    const account = t.take(1, true);
    const replies = await t.bot.say(`note ${account.phones[0]!.number}`);
    const shown = t.visibleText(replies);
    expect(shown).toContain('Add a note');
    expect(shown).toContain(`${account.firstName} ${account.lastName}`);
    expect(t.visibleText(await t.bot.say('note Zebulon Quixotic'))).toContain('No account matches');
  });

  it('"Correct" on a note opens the form filled from it and saves a new note that names it; the original stays', async () => {
    const account = t.take(1, true);
    const original = (await t.press(await t.open(account.id), 'Check and save', GOOD_NOTE), (await t.notesOf(account.id)).find((n) => n.reason === GOOD_NOTE.reason)!);
    const replies = await t.bot.send({ text: undefined, value: { verb: 'account.open', accountId: account.id } });
    const card = replies[0]!.attachments![0]!.content as Parameters<typeof t.press>[0];
    const corrects = actionsOf(card).filter((a) => a.title === 'Correct');
    expect(corrects.length).toBeGreaterThan(0);
    const action = corrects.find((a) => a.data?.noteId === original.id)!;
    const form = await t.execute(action.verb!, action.data);
    expect(t.text(form)).toContain('Correct a note');
    expect(t.text(form)).toContain('This corrects the note of');
    expect(inputsOf(form)).toMatchObject({ reason: GOOD_NOTE.reason, callerName: GOOD_NOTE.callerName, disposition: GOOD_NOTE.disposition });

    const fixed = GOOD_NOTE.resolution.replace('$49.98', '$59.98');
    const saved = await t.press(form, 'Check and save', { resolution: fixed });
    expect(t.text(saved)).toContain('Note saved');
    const notes = await t.notesOf(account.id);
    expect(notes.find((n) => n.resolution === fixed)?.correctsNoteId).toBe(original.id);
    expect(notes.find((n) => n.id === original.id)?.resolution).toBe(GOOD_NOTE.resolution);
    const after = await t.bot.send({ text: undefined, value: { verb: 'account.open', accountId: account.id } });
    expect(t.visibleText(after)).toContain('Correction of an earlier note');

    const other = t.take(1, true);
    const forged = await t.execute('note.correct', { accountId: other.id, noteId: original.id });
    expect(t.text(forged)).toContain('That note is not on this account');
  });

  describe('urgent notes go to the store\'s linked channel', () => {
    let connector: Awaited<ReturnType<typeof startConnector>>;
    afterEach(() => connector?.close());

    async function linkStore(locationId: string, statuses: Parameters<typeof startConnector>[0] = []) {
      connector = await startConnector(statuses);
      const linked = t.visibleText(await t.bot.send({ text: `link location ${locationId}`, ...inChannel({ id: `19:${locationId}-ops@thread.tacv2`, name: 'Store ops' }, { serviceUrl: connector.url }) }, 'admin'));
      expect(linked).toContain('will be posted here');
    }

    it('posts URGENT, the note and the account to the channel, and tells the agent', async () => {
      const account = t.take(1, true);
      await linkStore(account.locationId);
      const form = await t.open(account.id);
      const saved = await t.press(form, 'Check and save', { ...GOOD_NOTE, urgent: 'true' });
      expect(t.text(saved)).toContain('The urgent note was posted to the store’s channel.');
      expect(connector.calls).toHaveLength(1);
      const posted = connector.calls[0]!.body as { attachments: { content: { body: { text?: string }[]; actions: { title: string; data: unknown }[] } }[] };
      const card = posted.attachments[0]!.content;
      expect(card.body[0]!.text).toMatch(/^URGENT · /);
      expect(JSON.stringify(card)).toContain(GOOD_NOTE.reason.slice(0, 40));
      expect(card.actions[0]).toMatchObject({ title: 'Open the account', data: { accountId: account.id } });

      const replay = await t.press(form, 'Check and save', { ...GOOD_NOTE, urgent: 'true' });
      expect(t.text(replay)).toContain('already saved');
      expect(connector.calls).toHaveLength(1);
    });

    it('keeps the note and says the message did not go out when Teams refuses it', async () => {
      const account = t.take(1, true);
      await linkStore(account.locationId, [500, 500, 500, 500, 500, 500]);
      const saved = await t.press(await t.open(account.id), 'Check and save', { ...GOOD_NOTE, reason: 'Gate will not open for the customer.', urgent: 'true' });
      expect(t.text(saved)).toContain('Note saved');
      expect(t.text(saved)).toContain('the urgent message did not go out: Teams did not take the message');
      expect((await t.notesOf(account.id)).find((n) => n.reason === 'Gate will not open for the customer.')?.flags.urgent).toBe(true);
    });
  });
});
