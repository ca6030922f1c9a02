import { describe, expect, it } from 'vitest';
import { DEMO_LOCATIONS } from '../../src/demo/demo-locations';
import { describeLocations, matchLocation } from '../../src/features/links/location-match';
import { demoLinkedCard, linkedCard, linkLabel, linksListCard, MAX_LISTED_LINKS, placeLabel } from '../../src/features/links/links.cards';
import { conversationOf, isBotAddedToTeamChannel } from '../../src/features/links/links.reference';
import { canonicalLinkId, linkDocumentSchema, linkId, teamNameSchema, type Link } from '../../src/features/links/links.schemas';
import { cardBytes } from '../../src/shared/cards';
import { isDomainError } from '../../src/shared/errors';
import { visibleText } from '../helpers/bot-harness';

const shown = (card: unknown) => visibleText([{ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }]);
const reference = (conversationType: string, name?: string): Link['reference'] => ({
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/amer/',
  conversation: { id: '19:x@thread.tacv2', conversationType, ...(name ? { name } : {}) },
  bot: { id: '28:bot' },
});
const link = (target: string, overrides: Partial<Link> = {}): Link => ({
  id: target === 'mentors' ? 'mentors' : `location:${target}`,
  docType: 'link',
  kind: target === 'mentors' ? 'mentors' : 'location',
  target,
  targetName: target === 'mentors' ? 'Mentors' : `Store ${target}`,
  reference: reference('channel'),
  place: { teamName: 'Store Ops', channelName: 'General' },
  linkedBy: { id: 'aad-admin-1', name: 'Ada Admin' },
  linkedAt: '2026-11-22T16:00:00.000Z',
  via: 'command',
  ...overrides,
});

const teamLink = (name: string, overrides: Partial<Link> = {}): Link => link('PDX1', { id: linkId('team', name), kind: 'team', target: name, targetName: name, ...overrides });

describe('team names and link ids', () => {
  it('takes letters, digits, single spaces, & and -, up to 60 characters', () => {
    for (const name of ['Billing', 'Customer Service', 'R&D', 'Auctions-Liens 2', 'Équipe Montréal', 'X'.repeat(60)]) expect(teamNameSchema.safeParse(name).success, name).toBe(true);
    for (const name of ['', ' Billing', 'Billing ', 'Customer  Service', '&Co', 'Billing/West', 'Billing: West', 'Team 🚀', 'X'.repeat(61), 'E\u0301quipe']) {
      expect(teamNameSchema.safeParse(name).success, name).toBe(false);
    }
  });

  it('gives one id for a team in any case and spacing, and reads any link id the way it is stored', () => {
    expect(linkId('team', 'Customer Service')).toBe('team:customer service');
    expect(canonicalLinkId('team:Customer   SERVICE')).toBe('team:customer service');
    expect(canonicalLinkId('TEAM:R&D')).toBe('team:r&d');
    expect(canonicalLinkId('location:pdx1')).toBe('location:PDX1');
    expect(canonicalLinkId('Mentors')).toBe('mentors');
    expect(canonicalLinkId(' User:AAD-agent_1 ')).toBe('user:AAD-agent_1');
    expect(canonicalLinkId(`user:${'a'.repeat(100)}`)).toBe(`user:${'a'.repeat(100)}`);
    for (const id of ['', 'team:', 'team:a/b', 'location:PDX/1', 'mentors:x', 'user:', 'user:a b', 'user:a/b', 'user:ä', `user:${'a'.repeat(101)}`]) expect(canonicalLinkId(id), id).toBeUndefined();
  });

  it('stores a team link only under its lower-case id and with a valid name', () => {
    expect(linkDocumentSchema.safeParse(teamLink('Billing')).success).toBe(true);
    expect(linkDocumentSchema.safeParse(teamLink('Billing', { id: 'team:Billing' })).error?.issues[0]?.message).toBe('expected id team:billing');
    expect(linkDocumentSchema.safeParse(teamLink('Billing', { target: 'Billing/West', id: 'team:billing/west' })).error?.issues[0]?.path).toEqual(['target']);
    expect(linkDocumentSchema.safeParse(teamLink('Billing', { kind: 'location' })).success).toBe(false);
  });
});

describe('location matching', () => {
  it('takes an id in any case, a whole name, or words of the name in any order, without accents', () => {
    expect(matchLocation('pdx1', DEMO_LOCATIONS)).toMatchObject({ kind: 'one', location: { id: 'PDX1' } });
    expect(matchLocation('Deskmate Storage Denver Colfax', DEMO_LOCATIONS)).toMatchObject({ kind: 'one', location: { id: 'DEN1' } });
    expect(matchLocation('road burnet', DEMO_LOCATIONS)).toMatchObject({ kind: 'one', location: { id: 'AUS1' } });
    expect(matchLocation('MONTRÉAL', DEMO_LOCATIONS)).toMatchObject({ kind: 'one', location: { id: 'MTL1' } });
    expect(matchLocation('rosemont', DEMO_LOCATIONS)).toMatchObject({ kind: 'one', location: { id: 'MTL1' } });
  });

  it('says when nothing or several match', () => {
    expect(matchLocation('Atlantis', DEMO_LOCATIONS)).toEqual({ kind: 'none' });
    expect(matchLocation('  ', DEMO_LOCATIONS)).toEqual({ kind: 'none' });
    const many = matchLocation('road', DEMO_LOCATIONS);
    expect(many.kind === 'many' && many.locations.map((l) => l.id)).toEqual(['PDX1', 'AUS1']);
  });

  it('describes a long list briefly', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ id: `L${String(i).padStart(2, '0')}`, name: `Store ${i}` }));
    expect(describeLocations(many, 3)).toBe('L00 (Store 0), L01 (Store 1), L02 (Store 2) and 17 more');
  });
});

describe('link cards', () => {
  it('confirms what will be posted where, and what a moved link left', () => {
    const text = shown(linkedCard({ link: link('PDX1', { targetName: 'Deskmate Storage Portland Foster Road' }), previous: link('PDX1', { reference: reference('groupChat', 'Night shift') }) }));
    expect(text).toContain('Linked for PDX1');
    expect(text).toContain('General in Store Ops');
    expect(text).toContain('Urgent notes for Deskmate Storage Portland Foster Road will be posted here.');
    expect(text).toContain('They no longer go to the group chat Night shift.');
    expect(shown(linkedCard({ link: link('mentors') }))).toContain('Mentor requests');
  });

  it('lists links, says when there are none, and stays small with many', () => {
    expect(shown(linksListCard([]))).toContain('Nothing is linked yet');
    const text = shown(linksListCard([link('mentors'), link('PDX1', { via: 'demo' })]));
    expect(text).toContain('2 links');
    expect(text).toContain('PDX1 · Store PDX1');
    expect(text).toContain('General in Store Ops · linked by Ada Admin on 2026-11-22 (demo)');
    const many = Array.from({ length: 200 }, (_, i) => link(`L${String(i).padStart(3, '0')}`));
    const card = linksListCard(many);
    expect(shown(card)).toContain(`…and ${200 - MAX_LISTED_LINKS} more.`);
    expect(cardBytes(card)).toBeLessThan(40_000);
  });

  it('confirms and lists a team link by its name', () => {
    const team = teamLink('Customer Service');
    const confirmed = shown(linkedCard({ link: team, previous: teamLink('Customer Service', { reference: reference('groupChat', 'Night shift') }) }));
    expect(confirmed).toContain('Linked for the Customer Service team');
    expect(confirmed).toContain('Tasks and requests for the Customer Service team will be posted here.');
    expect(confirmed).toContain('They no longer go to the group chat Night shift.');
    expect(linkLabel(team)).toBe('Team · Customer Service');
    expect(shown(linksListCard([link('mentors'), link('PDX1'), team]))).toContain('Team · Customer Service');
    expect(shown(linksListCard([]))).toContain('link team <team name>');
  });

  it('names places in words', () => {
    expect(placeLabel({}, reference('channel'))).toBe('a channel in a team');
    expect(placeLabel({}, reference('groupChat'))).toBe('a group chat');
    expect(placeLabel({}, reference('personal'))).toBe('a personal chat');
  });

  it('tells the demo channel what it gets', () => {
    expect(shown(demoLinkedCard([link('mentors'), link('PDX1'), link('SEA1')]))).toContain('Deskmate will post urgent notes for locations PDX1, SEA1 and mentor requests here.');
    expect(shown(demoLinkedCard([link('PDX1')]))).toContain('urgent notes for location PDX1 here');
  });
});

describe('the conversation an activity came from', () => {
  const base = { channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/amer/', recipient: { id: '28:bot', name: 'Deskmate' }, from: { id: '29:user', name: 'User' } };

  it('keeps a chat as it is, with the tenant from the channel data', () => {
    const chat = conversationOf({ ...base, conversation: { id: '19:chat@thread.v2', conversationType: 'groupChat', isGroup: true, name: 'Night shift' }, channelData: { tenant: { id: 't-1' } } });
    expect(chat.reference.conversation).toEqual({ id: '19:chat@thread.v2', conversationType: 'groupChat', isGroup: true, name: 'Night shift', tenantId: 't-1' });
    expect(chat.place).toEqual({});
  });

  it('refuses an activity that does not say how to post back', () => {
    let error: unknown;
    try {
      conversationOf({ ...base, serviceUrl: undefined, conversation: { id: 'c', conversationType: 'personal', isGroup: false, name: '' } });
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error) && error.code).toBe('invalid_input');
  });

  it('knows the bot joining a team channel from anything else', () => {
    const added = { type: 'conversationUpdate', recipient: { id: '28:bot', name: 'Deskmate' }, membersAdded: [{ id: '28:bot', name: 'Deskmate' }], conversation: { id: '19:t', conversationType: 'channel', isGroup: true, name: '' }, channelData: { team: { id: '19:t' } } };
    expect(isBotAddedToTeamChannel(added)).toBe(true);
    expect(isBotAddedToTeamChannel({ ...added, membersAdded: [{ id: '29:user', name: 'User' }] })).toBe(false);
    expect(isBotAddedToTeamChannel({ ...added, channelData: {} })).toBe(false);
    expect(isBotAddedToTeamChannel({ ...added, type: 'message' })).toBe(false);
  });
});
