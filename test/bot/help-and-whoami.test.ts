import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotHarness, visibleText } from '../helpers/bot-harness';

describe('help, whoami and the welcome card (real Application, real store)', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeAll(async () => {
    bot = await createBotHarness();
  });
  afterAll(() => bot.close());

  it('answers help with a card listing the commands and the caller role', async () => {
    const replies = await bot.say('help');
    expect(replies).toHaveLength(1);
    const card = replies[0]!.attachments![0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const shown = visibleText(replies);
    expect(shown).toContain('What Deskmate can do');
    expect(shown).toContain('whoami');
    expect(shown).toContain('Signed in as Avery Agent (Agent)');
  });

  it('treats "Help" with an @mention and spaces the same', async () => {
    const replies = await bot.send({
      text: '<at>Deskmate</at>  Help ',
      entities: [{ type: 'mention', text: '<at>Deskmate</at>', mentioned: { id: 'bot-id', name: 'Deskmate' } }],
      conversation: { id: 'channel-1', conversationType: 'channel', isGroup: true, name: 'General' },
    });
    expect(visibleText(replies)).toContain('What Deskmate can do');
  });

  it('whoami shows name and roles for a known person', async () => {
    const shown = visibleText(await bot.say('whoami', 'mentor'));
    expect(shown).toContain('Morgan Mentor');
    expect(shown).toContain('Roles: Mentor');
    expect(shown).toContain('Title: TL');
  });

  it('whoami tells an unknown user what to ask an admin for, with their id', async () => {
    const shown = visibleText(await bot.say('whoami', { id: 'aad-stranger', name: 'Sam Stranger' }));
    expect(shown).toContain('Not set up in Deskmate');
    expect(shown).toContain('Ask a Deskmate admin to add you');
    expect(shown).toContain('aad-stranger');
  });

  it('help warns an unknown or switched-off user that account tools are off', async () => {
    for (const user of [{ id: 'aad-stranger', name: 'Sam Stranger' }, 'inactive' as const]) {
      const shown = visibleText(await bot.say('help', user));
      expect(shown).toContain('You are not set up in Deskmate yet');
    }
  });

  it('sends the welcome card when the bot is added, not when someone else joins', async () => {
    const added = await bot.send({ type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'bot-id', name: 'Deskmate' }] });
    expect(visibleText(added)).toContain('Hi, I am Deskmate');
    const other = await bot.send({ type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'someone', name: 'Someone' }] });
    expect(other).toHaveLength(0);
  });

  it('runs the command of a card button (a submit with { command }) like a typed one', async () => {
    const help = await bot.say('help');
    const whoamiButton = (help[0]!.attachments![0]!.content as { actions: { title: string; data: unknown }[] }).actions.find((a) => a.title === 'Who am I?');
    expect(whoamiButton).toBeDefined();
    const shown = visibleText(await bot.send({ text: undefined, value: whoamiButton!.data }));
    expect(shown).toContain('Your Deskmate profile');
  });

  it('answers a button it does not know (or a command that is not text) with a pointer to help', async () => {
    const shown = visibleText(await bot.send({ text: undefined, value: { command: { $ne: 1 } } }));
    expect(shown).toContain("That button doesn't do anything any more");
  });

  it('logs one line per turn with route, duration and outcome, and no message text or names', async () => {
    bot.logs.length = 0;
    await bot.say('whoami');
    const turns = bot.logs.filter((l) => l.msg === 'turn');
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({ activityType: 'message', route: 'people.whoami', outcome: 'ok' });
    expect(typeof turns[0]!.durationMs).toBe('number');
    const all = JSON.stringify(bot.logs);
    expect(all).not.toContain('Avery');
    expect(all).not.toContain('"text"');
    expect(all).not.toContain('aad-agent-1');
  });
});
