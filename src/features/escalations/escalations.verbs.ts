/** Card verbs of the escalation cards; the cards and the routes use the same constants. */
export const ESCALATION_VERBS = {
  /** "Request approval" on the customer card: the type picker. */
  pick: 'escalation.pick',
  /** The picker's "Next": the chosen type's form. */
  form: 'escalation.form',
  /** The form's "Send to the mentors". */
  create: 'escalation.create',
  /** The request card as whoever asks sees it (also Teams' `refresh` and "My view"). */
  view: 'escalation.view',
  /** A mentor's Approve, Reject or Answer (the outcome is in the data). */
  decide: 'escalation.decide',
  /** A mentor's "Need info": the question goes to the requester. */
  ask: 'escalation.ask',
  /** The requester's answer to "Need info". */
  reply: 'escalation.reply',
  /** "Show more" on the mentors' queue. */
  more: 'escalation.more',
} as const;
/** Every verb under this prefix that is not one of the above is answered as out of date. */
export const ESCALATION_VERB_PREFIX = /^escalation\./;
