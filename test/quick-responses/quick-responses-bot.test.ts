import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuickResponse } from '../../src/features/quick-responses/quick-responses.schemas';
import { createNoteBot, elementById, inputsOf, type Card } from '../notes/note-harness';

describe('quick responses (real Application, demo data)', () => {
  let t: Awaited<ReturnType<typeof createNoteBot>>;
  beforeAll(async () => {
    t = await createNoteBot();
  }, 60_000);
  afterAll(() => t.close());

  const stored = async () => (await t.bot.store.containers.quickresponses.items.query<QuickResponse>('SELECT * FROM c').fetchAll()).resources;
  const listFor = async (user: 'mentor' | 'agent') => {
    const replies = await t.bot.say('quick responses', user);
    return replies[0]!.attachments![0]!.content as Card;
  };

  it('a mentor adds one; agents can fill a note from it, keeping who called and the units', async () => {
    const list = await listFor('mentor');
    expect(t.text(list)).toContain('5 offered to agents');
    const form = await t.press(list, 'Add a quick response', {}, 'mentor');
    const saved = await t.press(form, 'Save', { title: 'Unit lock cut by mistake', reason: 'Store cut the lock on unit [unit] by mistake.', resolution: 'Apologized and asked the store to fit a new lock by [date].', followUp: 'Call CT on [date].', disposition: 'Customer Service › Item Return' }, 'mentor');
    expect(t.text(saved)).toContain('Saved "Unit lock cut by mistake"');
    expect(t.text(saved)).toContain('6 offered to agents');

    const replay = await t.press(form, 'Save', { title: 'Unit lock cut by mistake', resolution: 'Apologized.' }, 'mentor');
    expect(t.text(replay)).toContain('6 offered to agents');
    expect((await stored()).filter((q) => q.title === 'Unit lock cut by mistake')).toHaveLength(1);

    const account = t.take(2);
    const noteForm = await t.open(account.id);
    const id = (elementById(noteForm, 'quickResponse')!.choices as { title: string; value: string }[]).find((c) => c.title === 'Unit lock cut by mistake')!.value;
    const filled = await t.press(noteForm, 'Fill in', { quickResponse: id, callerName: 'Pat Doe', callerRelationship: 'Spouse', units: '*all', urgent: 'true' });
    expect(inputsOf(filled)).toMatchObject({
      callerName: 'Pat Doe', callerRelationship: 'Spouse', units: '*all', urgent: 'true',
      reason: 'Store cut the lock on unit [unit] by mistake.', disposition: 'Customer Service › Item Return',
    });
    expect(t.text(filled)).toContain('Filled from "Unit lock cut by mistake"');
  });

  it('editing over someone else\'s change keeps what was typed and says who changed it', async () => {
    const list = await listFor('mentor');
    const edit = t.press(list, 'Edit', {}, 'mentor');
    const form = await edit;
    const id = String(JSON.stringify(form).match(/"id":"(demo-[\w-]+)"/)?.[1]);
    const { resource } = await t.bot.store.containers.quickresponses.item(id, id).read<QuickResponse>();
    await t.bot.store.containers.quickresponses.item(id, id).replace({ ...resource!, resolution: 'Changed by the supervisor.', updatedBy: { id: 'aad-sup', name: 'Sam Supervisor' } });

    const again = await t.press(form, 'Save', { resolution: 'My better wording.' }, 'mentor');
    expect(t.text(again)).toContain('Sam Supervisor changed this quick response while you were editing');
    expect(inputsOf(again).resolution).toBe('My better wording.');
    const saved = await t.press(again, 'Save', {}, 'mentor');
    expect(t.text(saved)).toContain('Saved');
    expect((await stored()).find((q) => q.id === id)?.resolution).toBe('My better wording.');
  });

  it('a retired one is no longer offered in the note form, and can be brought back', async () => {
    const list = await listFor('mentor');
    const retired = await t.press(list, 'Retire', {}, 'mentor');
    expect(t.text(retired)).toContain('retired: agents no longer see it');
    const gone = (await stored()).find((q) => !q.active)!;
    const noteForm = await t.open(t.take(1).id);
    const offered = (elementById(noteForm, 'quickResponse')!.choices as { value: string }[]).map((c) => c.value);
    expect(offered).not.toContain(gone.id);
    const refused = await t.execute('note.fill', { accountId: t.take(1).id, submissionId: crypto.randomUUID(), quickResponse: gone.id });
    expect(t.text(refused)).toContain('no longer offered');

    const back = await t.press(retired, 'Bring back', {}, 'mentor');
    expect(t.text(back)).toContain('offered to agents again');
  });

  it('only mentors manage them: an agent is refused, and a forged save stores nothing', async () => {
    expect(t.text(await listFor('agent'))).toContain('Your role does not allow this');
    const before = (await stored()).length;
    const forged = await t.execute('quick.save', { id: 'forged-1', title: 'Free money', resolution: 'Refund everything.' }, 'agent');
    expect(t.text(forged)).toContain('Your role does not allow this');
    expect((await stored()).length).toBe(before);
    expect(t.text(await t.execute('quick.save', { id: '../../etc', title: 'x' }, 'mentor'))).toContain('That form is out of date');
  });
});
