import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { createBotHarness, visibleText } from '../helpers/bot-harness';
import { inChannel, seedLocations, storedLinks, TEAM_ID, TENANT } from './links-helpers';

const OPS = { id: '19:ops-portland@thread.tacv2', name: 'Portland ops' };
const MENTORS = { id: '19:mentors@thread.tacv2', name: 'Mentors' };
const SERVICE = { id: '19:customer-service@thread.tacv2', name: 'Customer service desk' };

describe('link commands (real Application, real store)', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeAll(async () => {
    bot = await createBotHarness();
    await seedLocations(bot.store.containers.locations);
  });
  afterAll(() => bot.close());

  it('an admin links a location by part of its name from a channel, and the reference is stored', async () => {
    const replies = await bot.send({ text: '<at>Deskmate</at> link location foster road', ...inChannel(OPS, { serviceUrl: 'https://smba.trafficmanager.net/amer/' }), entities: [{ type: 'mention', text: '<at>Deskmate</at>', mentioned: { id: 'bot-id', name: 'Deskmate' } }] }, 'admin');
    const shown = visibleText(replies);
    expect(shown).toContain('Urgent notes for Deskmate Storage Portland Foster Road will be posted here.');
    expect(shown).toContain('Portland ops in Store Ops');
    const link = (await storedLinks(bot.store.containers.conversations))['location:PDX1']!;
    expect(link).toMatchObject({
      docType: 'link',
      kind: 'location',
      target: 'PDX1',
      targetName: 'Deskmate Storage Portland Foster Road',
      via: 'command',
      linkedBy: { id: 'aad-admin-1', name: 'Ada Admin' },
      place: { teamName: 'Store Ops', channelName: 'Portland ops' },
      reference: {
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/amer/',
        // The channel itself, not the thread the command was typed in.
        conversation: { id: OPS.id, conversationType: 'channel', isGroup: true, tenantId: TENANT },
        bot: { id: 'bot-id', name: 'Deskmate' },
      },
    });
    expect(link.reference).not.toHaveProperty('activityId');
    expect(link.reference).not.toHaveProperty('user');
    expect(Date.parse(link.linkedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('matches the id in any case, and names without their accents', async () => {
    expect(visibleText(await bot.send({ text: 'link location sea1', ...inChannel(OPS) }, 'admin'))).toContain('Deskmate Storage Seattle Rainier Valley');
    expect(visibleText(await bot.send({ text: 'LINK LOCATION montreal', ...inChannel(OPS) }, 'admin'))).toContain('Entreposage Deskmate Montréal Rosemont');
    const stored = await storedLinks(bot.store.containers.conversations);
    expect(stored['location:SEA1']?.reference.conversation.id).toBe(OPS.id);
    expect(stored['location:MTL1']?.reference.conversation.id).toBe(OPS.id);
  });

  it('links the mentors, and says where a moved link no longer goes', async () => {
    expect(visibleText(await bot.send({ text: 'link mentors', ...inChannel(OPS) }, 'admin'))).toContain('Mentor requests');
    const moved = visibleText(await bot.send({ text: 'link mentors', ...inChannel(MENTORS) }, 'admin'));
    expect(moved).toContain('Mentor requests (approvals and questions the knowledge base could not answer) will be posted here.');
    expect(moved).toContain('They no longer go to Portland ops in Store Ops.');
    expect((await storedLinks(bot.store.containers.conversations)).mentors?.reference.conversation.id).toBe(MENTORS.id);
  });

  it('an admin links a team by its name, kept as typed, and the same name in any case is the same link', async () => {
    const shown = visibleText(await bot.send({ text: '<at>Deskmate</at> link team  Customer   Service ', ...inChannel(OPS), entities: [{ type: 'mention', text: '<at>Deskmate</at>', mentioned: { id: 'bot-id', name: 'Deskmate' } }] }, 'admin'));
    expect(shown).toContain('Linked for the Customer Service team');
    expect(shown).toContain('Tasks and requests for the Customer Service team will be posted here.');
    expect(shown).toContain('Portland ops in Store Ops');
    const link = (await storedLinks(bot.store.containers.conversations))['team:customer service']!;
    expect(link).toMatchObject({ docType: 'link', kind: 'team', target: 'Customer Service', targetName: 'Customer Service', via: 'command', linkedBy: { id: 'aad-admin-1' }, reference: { conversation: { id: OPS.id, tenantId: TENANT } } });

    const moved = visibleText(await bot.send({ text: 'LINK TEAM "Customer Service"', ...inChannel(SERVICE) }, 'admin'));
    expect(moved).toContain('Linked for the Customer Service team');
    expect(moved).toContain('They no longer go to Portland ops in Store Ops.');
    expect(visibleText(await bot.send({ text: 'link team R&D-2', ...inChannel(OPS) }, 'admin'))).toContain('Tasks and requests for the R&D-2 team');
    const stored = await storedLinks(bot.store.containers.conversations);
    expect(Object.keys(stored).filter((id) => id.startsWith('team:')).sort()).toEqual(['team:customer service', 'team:r&d-2']);
    expect(stored['team:customer service']?.reference.conversation.id).toBe(SERVICE.id);
  });

  it('"links" lists every link, mentors first, then locations, then teams', async () => {
    const shown = visibleText(await bot.say('links', 'admin'));
    expect(shown).toContain('Linked conversations');
    expect(shown).toContain('PDX1 · Deskmate Storage Portland Foster Road');
    expect(shown).toContain('Portland ops in Store Ops · linked by Ada Admin');
    expect(shown).toContain('Team · Customer Service');
    expect(shown).toContain('Customer service desk in Store Ops · linked by Ada Admin');
    expect(shown.indexOf('Mentors in Store Ops')).toBeLessThan(shown.indexOf('PDX1'));
    expect(shown.indexOf('SEA1')).toBeLessThan(shown.indexOf('Team · Customer Service'));
    expect(shown.indexOf('Team · Customer Service')).toBeLessThan(shown.indexOf('Team · R&D-2'));
  });

  it('refuses agents and mentors, and stores nothing', async () => {
    const before = await storedLinks(bot.store.containers.conversations);
    for (const user of ['agent', 'mentor'] as const) {
      for (const text of ['link location PHX1', 'link mentors', 'links', 'link team Billing', 'link team Customer Service']) {
        const shown = visibleText(await bot.send({ text, ...inChannel({ id: '19:elsewhere@thread.tacv2' }) }, user));
        expect(shown).toContain('Your role does not allow this');
        expect(shown).not.toContain('Phoenix');
      }
    }
    expect(visibleText(await bot.say('link location PHX1', { id: 'aad-nobody', name: 'Nobody' }))).toContain('You are not set up in Deskmate yet');
    expect(visibleText(await bot.say('link team Billing', { id: 'aad-nobody', name: 'Nobody' }))).toContain('You are not set up in Deskmate yet');
    expect(await storedLinks(bot.store.containers.conversations)).toEqual(before);
  });

  it('names the choices when the location is unknown, ambiguous or missing', async () => {
    const unknown = visibleText(await bot.send({ text: 'link location Atlantis', ...inChannel(OPS) }, 'admin'));
    expect(unknown).toContain('No location matches "Atlantis"');
    expect(unknown).toContain('PDX1 (Deskmate Storage Portland Foster Road)');
    expect(unknown).toContain('OTT1 (Deskmate Storage Ottawa Merivale)');
    const ambiguous = visibleText(await bot.send({ text: 'link location deskmate storage', ...inChannel(OPS) }, 'admin'));
    expect(ambiguous).toContain('"deskmate storage" matches 6 locations');
    expect(ambiguous).toContain('Type more of the name, or the location id.');
    expect(ambiguous).not.toContain('MTL1');
    expect(visibleText(await bot.send({ text: 'link location', ...inChannel(OPS) }, 'admin'))).toContain('Say which location to link');
    expect(await storedLinks(bot.store.containers.conversations)).not.toHaveProperty('location:OTT1');
  });

  it('refuses a team name that is missing, too long, or has other characters, and stores nothing', async () => {
    const before = await storedLinks(bot.store.containers.conversations);
    for (const text of ['link team', 'link team ""']) {
      expect(visibleText(await bot.send({ text, ...inChannel(OPS) }, 'admin'))).toContain('Say which team to link, for example "link team Billing"');
    }
    for (const name of ['Billing/Collections', 'Billing: West', '-Billing', 'B'.repeat(61), 'Team 🚀']) {
      const shown = visibleText(await bot.send({ text: `link team ${name}`, ...inChannel(OPS) }, 'admin'));
      expect(shown, name).toContain(`is not a team name Deskmate can link: use letters, digits, spaces, & and -, at most 60 characters`);
    }
    expect(visibleText(await bot.send({ text: `link team ${'B'.repeat(60)}`, ...inChannel(OPS) }, 'admin'))).toContain(`Linked for the ${'B'.repeat(60)} team`);
    const after = await storedLinks(bot.store.containers.conversations);
    expect(Object.keys(after).sort()).toEqual([...Object.keys(before), `team:${'b'.repeat(60)}`].sort());
  });

  it('help lists the link commands for admins only', async () => {
    const admin = visibleText(await bot.say('help', 'admin'));
    expect(admin).toContain('link location <name or id>');
    expect(admin).toContain('link team <team name>');
    expect(admin).toContain('link mentors');
    const agent = visibleText(await bot.say('help', 'agent'));
    expect(agent).not.toContain('link location');
    expect(agent).not.toContain('link team');
  });
});

describe('demo auto-link when the bot is added to a team channel', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeAll(async () => {
    bot = await createBotHarness({ env: { DEMO_DATA: 'on' } });
    await seedLocations(bot.store.containers.locations);
  });
  afterAll(() => bot.close());

  /** What Teams (and the Agents Playground) send when the bot joins a team: the General channel's id is the team's. */
  const botAdded = (teamId: string, extra: Record<string, unknown> = {}): Partial<Activity> => ({
    type: 'conversationUpdate',
    text: undefined,
    membersAdded: [{ id: 'bot-id' }],
    conversation: { id: teamId, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, team: { id: teamId, name: 'My Team' }, eventType: 'teamMemberAdded' },
    ...extra,
  }) as Partial<Activity>;

  it('keeps a link an admin made and links the channel for everything else, with a card saying so', async () => {
    await bot.send({ text: 'link location PDX1', ...inChannel({ id: '19:admin-choice@thread.tacv2', name: 'Portland' }) }, 'admin');
    const replies = await bot.send(botAdded(TEAM_ID), 'agent');
    const shown = visibleText(replies);
    expect(shown).toContain('Hi, I am Deskmate');
    expect(shown).toContain('Demo: this channel is linked');
    expect(shown).toContain('urgent notes for locations AUS1, DEN1, OTT1, PHX1, SEA1, MTL1 and mentor requests');
    expect(shown.indexOf('Hi, I am Deskmate')).toBeLessThan(shown.indexOf('Demo: this channel is linked'));
    const stored = await storedLinks(bot.store.containers.conversations);
    expect(stored['location:PDX1']).toMatchObject({ via: 'command', reference: { conversation: { id: '19:admin-choice@thread.tacv2' } } });
    expect(stored['location:SEA1']).toMatchObject({ via: 'demo', place: { teamName: 'My Team', channelName: 'General' }, reference: { conversation: { id: TEAM_ID, conversationType: 'channel' } } });
    expect(stored.mentors).toMatchObject({ via: 'demo', reference: { conversation: { id: TEAM_ID } } });
  });

  it('says nothing more when everything is linked already, nor for a person joining, a group chat or a personal chat', async () => {
    const again = await bot.send(botAdded('19:another-team@thread.tacv2'), 'agent');
    expect(visibleText(again)).not.toContain('Demo: this channel is linked');
    expect((await storedLinks(bot.store.containers.conversations))['location:SEA1']?.reference.conversation.id).toBe(TEAM_ID);
    await bot.store.containers.conversations.item('location:OTT1', 'location:OTT1').delete();
    const person = await bot.send(botAdded(TEAM_ID, { membersAdded: [{ id: 'someone' }] }), 'agent');
    const group = await bot.send(botAdded(TEAM_ID, { conversation: { id: '19:group@thread.v2', conversationType: 'groupChat', isGroup: true }, channelData: { tenant: { id: TENANT } } }), 'agent');
    const personal = await bot.send({ type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'bot-id', name: 'Deskmate' }] }, 'agent');
    expect(visibleText([...person, ...group, ...personal])).not.toContain('Demo');
    expect(await storedLinks(bot.store.containers.conversations)).not.toHaveProperty('location:OTT1');
  });

  it('does nothing of the kind without demo data', async () => {
    const plain = await createBotHarness({ env: { DEMO_DATA: 'off' } });
    try {
      await seedLocations(plain.store.containers.locations);
      const replies = await plain.send(botAdded(TEAM_ID), 'agent');
      expect(visibleText(replies)).toContain('Hi, I am Deskmate');
      expect(visibleText(replies)).not.toContain('Demo');
      expect(await storedLinks(plain.store.containers.conversations)).toEqual({});
    } finally {
      await plain.close();
    }
  });
});
