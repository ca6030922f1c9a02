import { z } from 'zod/v4';
import { isoDateTime, personRef } from '../../shared/schema-parts';

/** What a conversation can be linked for: one location's urgent notes (and later tasks), the mentors, or one team. */
export const LINK_KINDS = ['location', 'mentors', 'team'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** The kind of a person's own link: their personal chat with the bot, remembered when they write to it. */
export const USER_LINK_KIND = 'user';

/** The target of the mentors link, and its document id. */
export const MENTORS_TARGET = 'mentors';
/** Marks link documents in the shared `conversations` container (other documents may live there too). */
export const LINK_DOC_TYPE = 'link';

const locationId = z.string().regex(/^[A-Z0-9]{2,12}$/);

/** The longest team name a team link takes. */
export const MAX_TEAM_NAME = 60;

/**
 * A team's name as people write it ("Billing", "Customer Service", "R&D"): letters, digits, spaces, & and -,
 * starting with a letter or digit, at most 60 characters, single spaces, no accents split from their letters.
 */
export const teamNameSchema = z
  .string()
  .max(MAX_TEAM_NAME)
  .regex(/^[\p{L}\p{N}](?:[\p{L}\p{N}&-]| (?=[\p{L}\p{N}&-]))*$/u)
  .refine((name) => name === name.normalize('NFC'), 'accents must be composed (NFC)');

/** What a person typed as a team name, tidied: trimmed, single spaces, composed accents (may still be invalid). */
export function tidyTeamName(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** The case-free form of a team name that its link id uses: "Customer  Service" and "customer service" are one team. */
export function teamKey(name: string): string {
  return tidyTeamName(name).toLowerCase();
}

/** The document id of a link: `location:PDX1`, `mentors` or `team:customer service` (team names in lower case). */
export function linkId(kind: LinkKind, target: string): string {
  if (kind === 'mentors') return MENTORS_TARGET;
  return kind === 'team' ? `team:${teamKey(target)}` : `location:${target}`;
}

/** A Teams user's AAD object id, as given (not case-folded): 1-100 letters, digits, _ and -. */
export const aadObjectIdSchema = z.string().regex(/^[\w-]{1,100}$/);

/** The document id of a person's user link: `user:<aadObjectId>`. */
export function userLinkId(aadObjectId: string): string {
  return `${USER_LINK_KIND}:${aadObjectId}`;
}

/**
 * The stored id for a link id as someone wrote it: `team:Billing` and `team:billing` are the same link,
 * `location:pdx1` is `location:PDX1`, `User:abc` is `user:abc` (the AAD object id as given).
 * Undefined when it cannot be a link id at all.
 */
export function canonicalLinkId(id: string): string | undefined {
  const trimmed = id.trim();
  if (trimmed.toLowerCase() === MENTORS_TARGET) return MENTORS_TARGET;
  const user = /^user:(.*)$/is.exec(trimmed);
  if (user) return aadObjectIdSchema.safeParse(user[1]).success ? userLinkId(user[1]!) : undefined;
  const match = /^(location|team):(.+)$/i.exec(trimmed);
  if (!match) return undefined;
  const kind = match[1]!.toLowerCase() as 'location' | 'team';
  const target = kind === 'team' ? tidyTeamName(match[2]!) : match[2]!.trim().toUpperCase();
  const valid = kind === 'team' ? teamNameSchema.safeParse(target).success : locationId.safeParse(target).success;
  return valid ? linkId(kind, target) : undefined;
}

/**
 * The parts of a botbuilder ConversationReference needed to post into a conversation later. No
 * `activityId` (a post would become a reply to the message that made the link) and no `user`.
 */
export const conversationRefSchema = z.object({
  channelId: z.string().min(1).max(50),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(500),
  conversation: z.object({
    id: z.string().min(1).max(500),
    conversationType: z.string().max(40).optional(),
    isGroup: z.boolean().optional(),
    name: z.string().max(300).optional(),
    tenantId: z.string().max(100).optional(),
  }),
  bot: z.object({ id: z.string().min(1).max(200), name: z.string().max(200).optional() }),
  locale: z.string().max(20).optional(),
});
export type ConversationRef = z.infer<typeof conversationRefSchema>;

/** Where the linked conversation is, for people to read: the team and channel names when Teams gives them. */
export const linkPlaceSchema = z.object({
  teamName: z.string().max(300).optional(),
  channelName: z.string().max(300).optional(),
});
export type LinkPlace = z.infer<typeof linkPlaceSchema>;

/** A conversation to link: its reference and where it is. */
export const linkTargetConversationSchema = z.object({ reference: conversationRefSchema, place: linkPlaceSchema });
export type LinkConversation = z.infer<typeof linkTargetConversationSchema>;

/** A link document in the `conversations` container (partition key /id). Read back through this schema too. */
export const linkDocumentSchema = z
  .object({
    id: z.string().min(1),
    docType: z.literal(LINK_DOC_TYPE),
    kind: z.enum(LINK_KINDS),
    /** The location id, `mentors`, or the team's name as the admin typed it ("Customer Service"). */
    target: z.string().min(1),
    /** The location's name when it was linked ("Mentors" for the mentors link, the team's name for a team). */
    targetName: z.string().min(1).max(300),
    reference: conversationRefSchema,
    place: linkPlaceSchema,
    linkedBy: personRef,
    linkedAt: isoDateTime,
    /** `command` when an admin typed it; `demo` when the demo linked the channel it was added to. */
    via: z.enum(['command', 'demo']),
  })
  .superRefine((doc, ctx) => {
    const targetOk =
      doc.kind === 'mentors' ? doc.target === MENTORS_TARGET
      : doc.kind === 'team' ? teamNameSchema.safeParse(doc.target).success
      : locationId.safeParse(doc.target).success;
    if (!targetOk) ctx.addIssue({ code: 'custom', path: ['target'], message: `not a valid target for a ${doc.kind} link` });
    if (doc.id !== linkId(doc.kind, doc.target)) ctx.addIssue({ code: 'custom', path: ['id'], message: `expected id ${linkId(doc.kind, doc.target)}` });
  });
export type Link = z.infer<typeof linkDocumentSchema>;

/** A personal chat's reference: the same parts, in a conversation of type `personal`. */
export const personalRefSchema = conversationRefSchema.extend({
  conversation: conversationRefSchema.shape.conversation.extend({ conversationType: z.literal('personal') }),
});

/**
 * A user link in the `conversations` container: where to post to one person (their personal chat with
 * the bot), stored when they write to it. Not listed by `links`; id `user:<aadObjectId>`.
 */
export const userLinkDocumentSchema = z
  .object({
    id: z.string().min(1),
    docType: z.literal(LINK_DOC_TYPE),
    kind: z.literal(USER_LINK_KIND),
    aadObjectId: aadObjectIdSchema,
    /** The person's display name in Teams when the reference was stored. */
    name: z.string().max(300).optional(),
    reference: personalRefSchema,
    /** When the reference was last stored (a turn that found it unchanged writes nothing). */
    lastSeenAt: isoDateTime,
  })
  .superRefine((doc, ctx) => {
    if (doc.id !== userLinkId(doc.aadObjectId)) ctx.addIssue({ code: 'custom', path: ['id'], message: `expected id ${userLinkId(doc.aadObjectId)}` });
  });
export type UserLink = z.infer<typeof userLinkDocumentSchema>;
export type PersonalRef = z.infer<typeof personalRefSchema>;

/** A person seen in their personal chat with the bot: who, and where to post to them. */
export const userSightingSchema = z.object({ aadObjectId: aadObjectIdSchema, name: z.string().max(300).optional(), reference: personalRefSchema });
export type UserSighting = z.infer<typeof userSightingSchema>;
