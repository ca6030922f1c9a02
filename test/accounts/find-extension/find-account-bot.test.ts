import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../../src/demo/seed-demo-data';
import { FIND_ACCOUNT_COMMAND_ID } from '../../../src/features/accounts/find-extension/find-account.extension';
import { KB_SEARCH_COMMAND_ID } from '../../../src/features/kb/kb.routes';
import { createBotHarness } from '../../helpers/bot-harness';
import { demoData, TODAY } from '../seeded-store';
import type { SearchResult } from './harness';

const data = demoData();
const owner = data.accounts.find((a) => data.lookups.some((l) => l.key === `phone:${a.phones[0]!.number}` && l.accountIds.length === 1))!;

describe('the bot as wired (createBot): both message extensions answer', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeAll(async () => {
    bot = await createBotHarness({ memoryState: true });
    await seedDemoData(bot.store, { today: TODAY, force: true });
  }, 120_000);
  afterAll(async () => bot?.close());

  const query = async (commandId: string, value: string) => {
    const reply = await bot.sendInvoke({ name: 'composeExtension/query', value: { commandId, parameters: [{ name: 'query', value }] } });
    expect(reply.status).toBe(200);
    expect(reply.messages).toEqual([]);
    return (reply.body as { composeExtension: SearchResult }).composeExtension;
  };

  it('finds an account by phone through the bot', async () => {
    const result = await query(FIND_ACCOUNT_COMMAND_ID, owner.phones[0]!.number);
    expect(result.type).toBe('result');
    expect(result.attachments!.map((a) => a.preview!.content.title)).toEqual([`${owner.firstName} ${owner.lastName}`]);
    expect(JSON.stringify(result)).not.toContain(owner.id);
  });

  it('still searches the KB with the other command', async () => {
    const result = await query(KB_SEARCH_COMMAND_ID, 'gate code');
    expect(result.type).toBe('result');
    expect(result.attachments!.length).toBeGreaterThan(0);
  });
});
