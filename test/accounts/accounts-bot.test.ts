import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import type { Account } from '../../src/features/accounts/accounts.schemas';
import type { Location } from '../../src/features/locations/locations.schemas';
import type { Note } from '../../src/features/notes/notes.schemas';
import { createBotHarness, visibleText } from '../helpers/bot-harness';

type CardAction = { type?: string; title: string; verb?: string; data?: Record<string, unknown> };

/** Every button of a card, of any kind. */
function actionsIn(card: unknown): CardAction[] {
  const found: CardAction[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Action.')) found.push(o as unknown as CardAction);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

function submitsOf(reply: Partial<Activity>): CardAction[] {
  const found: CardAction[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Submit') found.push(o as unknown as CardAction);
      Object.values(o).forEach(walk);
    }
  };
  walk(reply.attachments?.map((a) => a.content));
  return found;
}

describe('account lookup in the bot (real Application, demo data)', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  let sample: Account;
  beforeAll(async () => {
    bot = await createBotHarness();
    await seedDemoData(bot.store, { today: '2026-11-22', force: true });
    const { resources } = await bot.store.containers.accounts.items.query<Account>('SELECT * FROM c WHERE c.kind = "customer" AND ARRAY_LENGTH(c.units) > 1').fetchAll();
    sample = resources[0]!;
  }, 60_000);
  afterAll(() => bot.close());

  it('a phone number on its own, in any format, opens the customer card', async () => {
    const phone = sample.phones.find((p) => p.primary)!.number;
    const formatted = `(${phone.slice(0, 3)}) ${phone.slice(3, 6)}-${phone.slice(6)}`;
    const shown = visibleText(await bot.say(formatted));
    expect(shown).toContain(`${sample.firstName} ${sample.lastName}`);
    expect(shown).toContain(`•••${sample.id.slice(-3)}`);
    expect(shown).not.toContain(sample.id);
    for (const unit of sample.units) expect(shown).toContain(unit.id);
  });

  it('"account <name>" with several matches lists them, and picking one opens its card', async () => {
    const { resources } = await bot.store.containers.accounts.items.query<Account>('SELECT * FROM c').fetchAll();
    // A last name that 2 to 10 accounts share and that starts no word of any other account's name.
    const startsAWord = (account: Account, token: string) => account.searchName.split(/[\s-]+/).some((w) => w.startsWith(token));
    const lastName = [...new Set(resources.map((a) => a.lastName))].find((name) => {
      const hits = resources.filter((a) => startsAWord(a, name.toLowerCase()));
      return hits.length >= 2 && hits.length <= 10 && hits.every((a) => a.lastName === name);
    })!;
    const namesakes = resources.filter((a) => a.lastName === lastName);
    const replies = await bot.say(`account ${lastName}`);
    const rows = submitsOf(replies[0]!).filter((a) => a.data?.verb === 'account.open');
    expect(rows.map((r) => r.data?.accountId).sort()).toEqual(namesakes.map((a) => a.id).sort());
    // Each row names the account's store, not its code.
    const { resources: stores } = await bot.store.containers.locations.items.query<Location>('SELECT * FROM c').fetchAll();
    const listed = visibleText(replies);
    for (const a of namesakes) expect(listed).toContain(` · ${stores.find((l) => l.id === a.locationId)!.name}`);
    expect(listed).not.toMatch(new RegExp(` · (${namesakes.map((a) => a.locationId).join('|')})\\b`));
    const chosen = namesakes[1]!;
    const card = visibleText(await bot.send({ text: undefined, value: rows.find((r) => r.data?.accountId === chosen.id)!.data }));
    expect(card).toContain(`${chosen.firstName} ${chosen.lastName}`);
    expect(card).toContain(`•••${chosen.id.slice(-3)}`);
  });

  it('pages a long list with "Show more"', async () => {
    const first = await bot.say('account ma');
    const more = submitsOf(first[0]!).find((a) => a.title === 'Show more');
    expect(more).toBeDefined();
    const second = await bot.send({ text: undefined, value: more!.data });
    const firstIds = submitsOf(first[0]!).map((a) => a.data?.accountId).filter(Boolean);
    const secondIds = submitsOf(second[0]!).map((a) => a.data?.accountId).filter(Boolean);
    expect(secondIds.length).toBeGreaterThan(0);
    expect(secondIds.some((id) => firstIds.includes(id))).toBe(false);
  });

  it('says so, with tips, when nothing matches', async () => {
    const shown = visibleText(await bot.say('account Zebulon Quixotic'));
    expect(shown).toContain('No account found');
    expect(shown.toLowerCase()).toContain('archived');
  });

  it('refuses account data to someone who is not set up', async () => {
    const shown = visibleText(await bot.say(`account ${sample.lastName}`, { id: 'aad-nobody', name: 'Nobody' }));
    expect(shown).toContain('You are not set up in Deskmate yet');
    expect(shown).not.toContain(sample.lastName);
  });

  it('answers a forged or stale button with a clear message and shows no account', async () => {
    const shown = visibleText(await bot.send({ text: undefined, value: { verb: 'account.open', accountId: 'DROP TABLE' } }));
    expect(shown).toContain('That button is out of date');
    const missing = visibleText(await bot.send({ text: undefined, value: { verb: 'account.open', accountId: '1234567' } }));
    expect(missing.toLowerCase()).toMatch(/not found|no account/);
  });

  /** Presses an Action.Execute button of a card: returns the card that replaces it in place. */
  async function press(action: CardAction & { verb?: string }, user: Parameters<typeof bot.sendInvoke>[1] = 'agent') {
    const reply = await bot.sendInvoke({ name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data } } }, user);
    const body = reply.body as { type: string; value: unknown };
    expect(reply.status).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(reply.messages).toHaveLength(0);
    return { card: body.value, text: visibleText([{ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: body.value }] }]) };
  }

  /** A note on the sample account, `daysAgo` days old, with a reason that names it. */
  function noteOn(account: Account, label: string, daysAgo: number, critical = false): Note {
    return {
      id: `${account.id}-test-${label}`,
      accountId: account.id,
      unitIds: [account.units[0]!.id],
      author: { id: 'aad-agent-1', name: 'Test Agent' },
      createdAt: new Date(Date.parse('2026-11-20T15:00:00Z') - daysAgo * 86_400_000).toISOString(),
      caller: { name: 'Test Caller', relationship: 'Account holder' },
      reason: `Reason ${label}`,
      resolution: `Resolution ${label}`,
      disposition: { category: 'Customer Service', name: 'General Inquiry' },
      flags: { urgent: false, collection: false, critical },
    };
  }

  it('"Show more notes" replaces the card with the older notes, keeps critical notes pinned, and "Back to the latest notes" returns', async () => {
    const account = (await bot.store.containers.accounts.items.query<Account>({ query: 'SELECT * FROM c WHERE c.kind = "customer" AND c.id != @id', parameters: [{ name: '@id', value: sample.id }] }).fetchAll()).resources.find((a) => a.units.length > 0)!;
    await bot.store.containers.notes.items.query({ query: 'SELECT * FROM c WHERE c.accountId = @a', parameters: [{ name: '@a', value: account.id }] }).fetchAll()
      .then(({ resources }) => Promise.all(resources.map((n: { id: string }) => bot.store.containers.notes.item(n.id, account.id).delete())));
    const notes = [noteOn(account, 'pinned', 40, true), ...Array.from({ length: 12 }, (_, i) => noteOn(account, `n${String(i).padStart(2, '0')}`, i))];
    for (const note of notes) await bot.store.containers.notes.items.create(note);

    const first = await bot.send({ text: undefined, value: { verb: 'account.open', accountId: account.id } });
    const firstText = visibleText(first);
    expect(firstText).toContain('Reason n00');
    expect(firstText).not.toContain('Reason n11');
    expect(firstText).toContain('Reason pinned');
    const more = actionsIn(first[0]!.attachments![0]!.content).find((a) => a.title === 'Show more notes')!;
    expect(more.type).toBe('Action.Execute');

    const older = await press(more);
    expect(older.text).toContain('Older notes');
    expect(older.text).not.toContain('Reason n00');
    expect(older.text).toContain('Reason n05');
    expect(older.text).toContain('Reason pinned');
    expect(older.text).toContain(`${account.firstName} ${account.lastName}`);

    const back = actionsIn(older.card).find((a) => a.title === 'Back to the latest notes')!;
    const latest = await press(back);
    expect(latest.text).toContain('Latest notes');
    expect(latest.text).toContain('Reason n00');
  });

  it('"Refresh" replaces the card with what is stored now', async () => {
    const card = await bot.send({ text: undefined, value: { verb: 'account.open', accountId: sample.id } });
    const refresh = actionsIn(card[0]!.attachments![0]!.content).find((a) => a.title === 'Refresh')!;
    expect(refresh.type).toBe('Action.Execute');
    const { resource } = await bot.store.containers.accounts.item(sample.id, sample.id).read<Account>();
    const changed = { ...resource!, units: resource!.units.map((u, i) => (i === 0 ? { ...u, rentCents: 98_765 } : u)) };
    await bot.store.containers.accounts.item(sample.id, sample.id).replace(changed);
    const refreshed = await press(refresh);
    expect(refreshed.text).toContain('$987.65');
    expect(visibleText(card)).not.toContain('$987.65');
  });

  it('"Refresh" checks the role on the server, and a forged account id gets a clear card', async () => {
    const refused = await press({ type: 'Action.Execute', title: 'Refresh', verb: 'account.refresh', data: { accountId: sample.id } }, { id: 'aad-nobody', name: 'Nobody' });
    expect(refused.text).toContain('You are not set up in Deskmate yet');
    expect(refused.text).not.toContain(sample.lastName);
    const forged = await press({ type: 'Action.Execute', title: 'Refresh', verb: 'account.refresh', data: { accountId: '../etc' } });
    expect(forged.text).toContain('That form is out of date');
  });

  it('a delinquent account\'s card keeps every button: the features\' and the promise at the bottom, verify and contact under the contacts', async () => {
    const { resources } = await bot.store.containers.accounts.items.query<Account>('SELECT * FROM c WHERE c.kind = "customer"').fetchAll();
    const late = resources.find((a) => a.units.some((u) => u.status === 'Delinquent'))!;
    const replies = await bot.send({ text: undefined, value: { verb: 'account.open', accountId: late.id } });
    const card = replies[0]!.attachments![0]!.content as { actions: { title: string }[] };
    expect(card.actions.map((a) => a.title)).toEqual(['Add note', 'Create task', 'Request approval', 'Set promise to pay', 'Refresh']);
    const all = actionsIn(card).map((a) => a.title);
    expect(all).toContain('Verify caller');
    expect(all).toContain('Update contact');
  });
});
