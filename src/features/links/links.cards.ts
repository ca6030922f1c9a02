import { adaptiveCard, commandButton, container, heading, notice, text, type AdaptiveCard, type CardElement } from '../../shared/cards';
import type { Link, LinkPlace, ConversationRef } from './links.schemas';

/** The most links one list card shows (one per location plus mentors); the rest are counted. */
export const MAX_LISTED_LINKS = 40;

/** Where a linked conversation is, in words: "General in My Team", "the group chat Night shift", "a personal chat". */
export function placeLabel(place: LinkPlace, reference: ConversationRef): string {
  const { conversationType, name } = reference.conversation;
  if (conversationType === 'channel') return `${place.channelName ?? 'a channel'} in ${place.teamName ?? 'a team'}`;
  if (conversationType === 'groupChat') return name ? `the group chat ${name}` : 'a group chat';
  if (conversationType === 'personal') return 'a personal chat';
  return name ?? 'a conversation';
}

/** What a link brings to its conversation, in one sentence. */
export function linkPurpose(link: Pick<Link, 'kind' | 'targetName'>): string {
  if (link.kind === 'mentors') return 'Mentor requests (approvals and questions the knowledge base could not answer) will be posted here.';
  if (link.kind === 'team') return `Tasks and requests for the ${link.targetName} team will be posted here.`;
  return `Urgent notes for ${link.targetName} will be posted here.`;
}

/** How a list names a link: "Mentors", "PDX1 · Deskmate Storage Portland Foster Road", "Team · Billing". */
export function linkLabel(link: Pick<Link, 'kind' | 'target' | 'targetName'>): string {
  if (link.kind === 'mentors') return 'Mentors';
  return link.kind === 'team' ? `Team · ${link.targetName}` : `${link.target} · ${link.targetName}`;
}

function linkedTitle(link: Link): string {
  if (link.kind === 'mentors') return 'Linked for mentors';
  return link.kind === 'team' ? `Linked for the ${link.targetName} team` : `Linked for ${link.target}`;
}

/** The reply to `link location`, `link team` and `link mentors`: what is now posted here, and what link it replaced. */
export function linkedCard(view: { link: Link; previous?: Link }): AdaptiveCard {
  const { link, previous } = view;
  const title = linkedTitle(link);
  const body: CardElement[] = [...heading(title, placeLabel(link.place, link.reference)), notice(linkPurpose(link), 'good')];
  if (previous) body.push(text(`They no longer go to ${placeLabel(previous.place, previous.reference)}.`, { isSubtle: true }));
  return adaptiveCard(body, [commandButton('Show all links', 'links')]);
}

/** The reply to `links`: every linked conversation, mentors first. */
export function linksListCard(links: readonly Link[]): AdaptiveCard {
  if (links.length === 0) {
    return adaptiveCard([
      ...heading('Linked conversations'),
      notice('Nothing is linked yet, so urgent notes, team posts and mentor requests are not posted anywhere.', 'warning'),
      text('In the chat or channel that should get them, type **link location <name or id>**, **link team <team name>** or **link mentors**.'),
    ]);
  }
  const rows = links.slice(0, MAX_LISTED_LINKS).map((link) =>
    container(
      [
        text(`**${linkLabel(link)}**`, { spacing: 'None' }),
        text(`${placeLabel(link.place, link.reference)} · linked by ${link.linkedBy.name} on ${link.linkedAt.slice(0, 10)}${link.via === 'demo' ? ' (demo)' : ''}`, { isSubtle: true, spacing: 'None' }),
      ],
      { spacing: 'Small' },
    ),
  );
  const more = links.length - rows.length;
  if (more > 0) rows.push(text(`…and ${more} more.`, { isSubtle: true }));
  return adaptiveCard([...heading('Linked conversations', `${links.length} link${links.length === 1 ? '' : 's'}`), ...rows]);
}

/** Posted when the demo links a team channel the bot was added to. */
export function demoLinkedCard(links: readonly Link[]): AdaptiveCard {
  const locations = links.filter((l) => l.kind === 'location').map((l) => l.target);
  const parts = [
    ...(locations.length ? [`urgent notes for ${locations.length === 1 ? 'location' : 'locations'} ${locations.join(', ')}`] : []),
    ...(links.some((l) => l.kind === 'mentors') ? ['mentor requests'] : []),
  ];
  return adaptiveCard([
    ...heading('Demo: this channel is linked'),
    text(`Deskmate will post ${parts.join(' and ')} here.`),
    text('An admin can move them with **link location <name or id>** or **link mentors** in another chat or channel; **links** lists them.', { isSubtle: true }),
  ]);
}
