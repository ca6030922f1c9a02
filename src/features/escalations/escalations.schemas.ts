import { z } from 'zod/v4';
import { isoDateTime, personRef } from '../../shared/schema-parts';
import type { TaskFieldDef } from '../tasks/tasks.schemas';

/**
 * The partition (`accountId`) of KB questions: they belong to no account, and the `escalations`
 * container is partitioned by /accountId, so they all share this fixed value. Account ids are 6-10
 * digits, so it can never be taken by an account.
 */
export const KB_PARTITION = 'kb';

/** open: waiting for a mentor; needs_info: waiting for the requester's answer; the rest are decided. */
export const ESCALATION_STATUSES = ['open', 'needs_info', 'approved', 'rejected', 'answered'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];
export const DECIDED_STATUSES: readonly EscalationStatus[] = ['approved', 'rejected', 'answered'];
export type DecisionOutcome = 'approved' | 'rejected' | 'answered';

export const ESCALATION_ACTIONS = ['requested', 'info_requested', 'info_given', 'approved', 'rejected', 'answered', 'reannounced', 'kb_captured'] as const;

/** A person as a request records them: the title ("TL") makes notes read "approved by TL Morgan". */
export const titledPersonRef = personRef.extend({ title: z.string().max(40).optional() });
export type TitledPersonRef = z.infer<typeof titledPersonRef>;

export const escalationHistorySchema = z.object({
  at: isoDateTime,
  by: titledPersonRef,
  action: z.enum(ESCALATION_ACTIONS),
  detail: z.string().max(4000).optional(),
  /** The submission id of the card press that made this entry: a replayed press finds it and changes nothing. */
  submissionId: z.string().max(80).optional(),
});
export type EscalationHistoryEntry = z.infer<typeof escalationHistorySchema>;

export const decisionSchema = z.object({
  outcome: z.enum(['approved', 'rejected', 'answered']),
  by: titledPersonRef,
  at: isoDateTime,
  comment: z.string().max(4000),
  /** For KB questions answered with "Add to KB": what the knowledge capture did, or why it did not. */
  kb: z.union([z.object({ entryId: z.string().min(1).max(200), created: z.boolean() }), z.object({ skipped: z.string().max(300) })]).optional(),
});
export type Decision = z.infer<typeof decisionSchema>;

/** A field value as the type's form collected it (dates YYYY-MM-DD, phones 10 digits, money in cents). */
export const escalationFieldValue = z.union([z.string().max(4000), z.number(), z.boolean()]);

/** Where a copy of the request card was posted (a link id and the activity), to update it in place. */
export const escalationPostSchema = z.object({ linkId: z.string().min(1).max(200), activityId: z.string().min(1).max(500) });
export type EscalationPost = z.infer<typeof escalationPostSchema>;

/**
 * A request for a mentor in the `escalations` container (partition key /accountId: the account's
 * id, or KB_PARTITION for KB questions).
 */
export const escalationSchema = z.object({
  /** The submission id of the form that made it (or `kb-<requestId>`): a replayed submit finds it (409). */
  id: z.string().min(1).max(80),
  accountId: z.string().min(1).max(20),
  docType: z.literal('escalation'),
  typeId: z.string().min(1).max(60),
  typeName: z.string().min(1).max(120),
  /** The account as the card shows it; absent for KB questions. */
  account: z.object({ id: z.string().min(1), name: z.string().min(1).max(200), maskedId: z.string().max(20), locationId: z.string().min(1), unitId: z.string().min(1) }).optional(),
  fields: z.record(z.string(), escalationFieldValue),
  requester: titledPersonRef,
  status: z.enum(ESCALATION_STATUSES),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** When it last went to the mentors (created, or the requester answered a question). */
  waitingSince: isoDateTime,
  /** Since when the SLA counts: `waitingSince`, or the last re-announcement. */
  slaFrom: isoDateTime,
  /** How many times it was re-announced for waiting past the SLA. */
  announcements: z.number().int().min(0),
  decision: decisionSchema.optional(),
  history: z.array(escalationHistorySchema),
  posts: z.array(escalationPostSchema),
  _etag: z.string().optional(),
});
export type Escalation = z.infer<typeof escalationSchema>;

/** One form field of an escalation type: a task field, plus "more than zero" for amounts. */
export type EscalationFieldDef = TaskFieldDef & { positive?: boolean };

/** A kind of request (data, not code). */
export interface EscalationType {
  id: string;
  name: string;
  /** One line for the type picker: when to use it. */
  use: string;
  /** Account requests come from the customer card; KB questions from an unsure KB answer. */
  scope: 'account' | 'kb';
  /** What a mentor does with it: approve or reject it, or answer it. */
  decides: 'approval' | 'answer';
  /** What is asked for, for notes and notices: `{fieldId}` is replaced by the field's shown value. */
  headline: string;
  /** Shown on the form: the policy to keep in mind. */
  hint?: string;
  fields: readonly EscalationFieldDef[];
}
