import { DomainError } from '../../shared/errors';
import type { PersonRef } from '../../shared/schema-parts';
import { requirePermission, type Caller } from '../people/people.service';
import { describeLocations, matchLocation, type LocationSummary } from './location-match';
import { linkId, MAX_TEAM_NAME, MENTORS_TARGET, teamNameSchema, tidyTeamName, userLinkId, type Link, type LinkConversation, type LinkKind, type UserLink, type UserSighting } from './links.schemas';
import type { LinksStore } from './links.store';

/** What a link command did: the new link, and the one it replaced (another conversation) if any. */
export interface LinkOutcome {
  readonly link: Link;
  readonly previous?: Link;
}

type LinkWrites = Pick<LinksStore, 'get' | 'upsert' | 'createIfAbsent' | 'list' | 'upsertUser' | 'deleteUser'>;

/** Every location's id and name (the locations feature's service), to resolve what an admin typed. */
export interface LocationCatalog {
  list(): Promise<LocationSummary[]>;
}

/** The order `links` lists link kinds in. */
const KIND_ORDER: Record<LinkKind, number> = { mentors: 0, location: 1, team: 2 };

/** Which conversation gets a location's urgent notes, a team's posts, and the mentors' requests. */
export class LinksService {
  constructor(
    private readonly store: LinkWrites,
    private readonly locations: LocationCatalog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Links the conversation for one location, named by its id or (part of) its name, any case.
   * Unknown or ambiguous names give a DomainError that lists the choices. Admins only (`links.manage`).
   */
  async linkLocation(caller: Caller, locationText: string, conversation: LinkConversation): Promise<LinkOutcome> {
    const person = requirePermission(caller, 'links.manage');
    const locations = await this.locations.list();
    if (locations.length === 0) throw new DomainError('not_found', 'No locations are set up in Deskmate yet, so there is nothing to link.');
    const text = locationText.trim();
    if (!text) {
      throw new DomainError('invalid_input', `Say which location to link, for example "link location PDX1" or "link location Portland". Locations: ${describeLocations(locations)}.`);
    }
    const match = matchLocation(text, locations);
    if (match.kind === 'none') {
      throw new DomainError('not_found', `No location matches "${text.slice(0, 80)}". Locations: ${describeLocations(locations)}.`);
    }
    if (match.kind === 'many') {
      const choices = describeLocations(match.locations);
      throw new DomainError('invalid_input', `"${text.slice(0, 80)}" matches ${match.locations.length} locations: ${choices}. Type more of the name, or the location id.`, { choices: match.locations.map((l) => l.id) });
    }
    return this.save('location', match.location.id, match.location.name, conversation, refOf(person));
  }

  /** Links the conversation for the mentors' requests. Admins only (`links.manage`). */
  async linkMentors(caller: Caller, conversation: LinkConversation): Promise<LinkOutcome> {
    const person = requirePermission(caller, 'links.manage');
    return this.save('mentors', MENTORS_TARGET, 'Mentors', conversation, refOf(person));
  }

  /**
   * Links the conversation for one team, named freely ("Billing", "Customer Service"). The name is kept as
   * typed for display; "billing" and "Billing" are the same team. Admins only (`links.manage`).
   */
  async linkTeam(caller: Caller, teamText: string, conversation: LinkConversation): Promise<LinkOutcome> {
    const person = requirePermission(caller, 'links.manage');
    const name = tidyTeamName(teamText.replace(/^\s*["'“”‘’](.*)["'“”‘’]\s*$/s, '$1'));
    if (!name) throw new DomainError('invalid_input', 'Say which team to link, for example "link team Billing" or "link team Customer Service".');
    if (!teamNameSchema.safeParse(name).success) {
      throw new DomainError('invalid_input', `"${name.slice(0, 80)}" is not a team name Deskmate can link: use letters, digits, spaces, & and -, at most ${MAX_TEAM_NAME} characters, for example "link team Customer Service".`);
    }
    return this.save('team', name, name, conversation, refOf(person));
  }

  /** Every link: mentors first, then locations by id, then teams by name. Admins only (`links.manage`). */
  async list(caller: Caller): Promise<Link[]> {
    requirePermission(caller, 'links.manage');
    const links = await this.store.list();
    return links.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.target.localeCompare(b.target, 'en', { sensitivity: 'base' }));
  }

  /**
   * For the demo: links the conversation for the mentors and for every location that has no link yet.
   * Never replaces a link someone made. Returns the links it made.
   */
  async linkWhatIsUnlinked(conversation: LinkConversation, linkedBy: PersonRef): Promise<Link[]> {
    const locations = await this.locations.list();
    const wanted = [
      { kind: 'mentors' as const, target: MENTORS_TARGET, name: 'Mentors' },
      ...locations.map((l) => ({ kind: 'location' as const, target: l.id, name: l.name })),
    ];
    const made: Link[] = [];
    for (const want of wanted) {
      const link = this.build(want.kind, want.target, want.name, conversation, linkedBy, 'demo');
      if (await this.store.createIfAbsent(link)) made.push(link);
    }
    return made;
  }

  /**
   * Stores (or replaces) a person's user link: their personal chat with the bot, so Deskmate can write
   * to them later. Anyone with an AAD object id who reached the bot (the tenant gate has let them in), known
   * to `people` or not: a person added to `people` later can be written to at once.
   */
  async rememberUser(user: UserSighting): Promise<UserLink> {
    return this.store.upsertUser({
      id: userLinkId(user.aadObjectId),
      docType: 'link',
      kind: 'user',
      aadObjectId: user.aadObjectId,
      ...(user.name ? { name: user.name } : {}),
      reference: user.reference,
      lastSeenAt: this.now().toISOString(),
    });
  }

  /** Deletes a person's user link (the bot was removed from their personal chat); false when there was none. */
  async forgetUser(aadObjectId: string): Promise<boolean> {
    return this.store.deleteUser(aadObjectId);
  }

  private async save(kind: LinkKind, target: string, targetName: string, conversation: LinkConversation, linkedBy: PersonRef): Promise<LinkOutcome> {
    const previous = await this.store.get(linkId(kind, target));
    const link = await this.store.upsert(this.build(kind, target, targetName, conversation, linkedBy, 'command'));
    const moved = previous && previous.reference.conversation.id !== link.reference.conversation.id;
    return moved ? { link, previous } : { link };
  }

  private build(kind: LinkKind, target: string, targetName: string, conversation: LinkConversation, linkedBy: PersonRef, via: Link['via']): Link {
    return {
      id: linkId(kind, target),
      docType: 'link',
      kind,
      target,
      targetName,
      reference: conversation.reference,
      place: conversation.place,
      linkedBy,
      linkedAt: this.now().toISOString(),
      via,
    };
  }
}

function refOf(person: { id: string; name: string }): PersonRef {
  return { id: person.id, name: person.name };
}
