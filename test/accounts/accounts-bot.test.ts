import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { AccountsStore } from '../../src/features/accounts/accounts.store';
import type { Account } from '../../src/features/accounts/accounts.schemas';
import { createBotHarness, visibleText } from '../helpers/bot-harness';

type CardAction = { title: string; data?: Record<string, unknown> };

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
    const replies = await bot.say(`account ${sample.lastName}`);
    const open = submitsOf(replies[0]!).find((a) => a.data?.accountId === sample.id);
    if (!open) {
      // A unique last name goes straight to the card.
      expect(visibleText(replies)).toContain(`${sample.firstName} ${sample.lastName}`);
      return;
    }
    const card = visibleText(await bot.send({ text: undefined, value: open.data }));
    expect(card).toContain(`${sample.firstName} ${sample.lastName}`);
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

  it('the card of an account with many notes offers "Show more notes", which shows older notes', async () => {
    const store = new AccountsStore(bot.store.containers.accounts, bot.store.containers.lookups);
    const { resources } = await bot.store.containers.notes.items.query<{ accountId: string }>('SELECT c.accountId FROM c').fetchAll();
    const counts = new Map<string, number>();
    resources.forEach((r) => counts.set(r.accountId, (counts.get(r.accountId) ?? 0) + 1));
    const busy = [...counts.entries()].find(([, n]) => n > 5)?.[0];
    if (!busy) return;
    expect(await store.get(busy)).toBeDefined();
    const card = await bot.send({ text: undefined, value: { verb: 'account.open', accountId: busy } });
    const more = submitsOf(card[0]!).find((a) => a.title.toLowerCase().includes('more notes'));
    expect(more).toBeDefined();
    const older = await bot.send({ text: undefined, value: more!.data });
    expect(visibleText(older)).toContain('Latest notes');
  });
});
