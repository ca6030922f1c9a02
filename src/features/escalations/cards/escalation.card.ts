import { adaptiveCard, container, facts, notice, text, type AdaptiveCard, type CardAction, type CardElement } from '../../../shared/cards';
import { executeAction } from '../../../shared/form-parts';
import { isDecided, openQuestion, outcomesFor } from '../escalation-lifecycle';
import { requestHeadline, titledName } from '../escalation-note';
import { escalationType, shownValue } from '../escalation-types';
import type { Escalation } from '../escalations.schemas';
import { ESCALATION_VERBS } from '../escalations.verbs';
import { clip, when } from './format';

/** Who is looking: a mentor who may decide it, the person who asked, or anyone else (read-only). */
export type EscalationViewer = 'mentor' | 'requester' | 'other';

export interface EscalationCardOptions {
  /** The mentors' time zone, for times. */
  timeZone: string;
  /** People who get their own view through Teams' refresh (at most 60): the requester and the mentors. */
  userIds?: string[];
  /** Said at the top (e.g. "Approved. The agent was told."). */
  message?: { text: string; style: 'good' | 'warning' | 'attention' | 'accent' };
  /** Shown above everything (the SLA re-announcement). */
  banner?: CardElement[];
  /** Carried by this render's buttons: a replayed press is recognised by it. */
  submissionId: string;
}

const MAX_TEXT = 1500;

/** Input ids of the mentors' and the requester's forms on the card. */
export const ESCALATION_INPUTS = { approve: 'approveComment', reject: 'rejectComment', answer: 'answerText', addToKb: 'addToKb', ask: 'infoQuestion', reply: 'reply' } as const;

function statusLine(escalation: Escalation, timeZone: string): CardElement {
  const d = escalation.decision;
  const [label, color] = d
    ? [`${d.outcome === 'approved' ? 'Approved' : d.outcome === 'rejected' ? 'Rejected' : 'Answered'} by ${titledName(d.by)} · ${when(d.at, timeZone)}`, d.outcome === 'rejected' ? 'Attention' : 'Good']
    : escalation.status === 'needs_info'
      ? [`Needs info from ${escalation.requester.name}`, 'Warning']
      : ['Open · waiting for a mentor', 'Accent'];
  return container([text(label, { weight: 'Bolder', color })], { spacing: 'Small' });
}

/** Short values as facts; long texts (reasons, the KB question) as their own blocks. */
function fieldParts(escalation: Escalation): { short: [string, string][]; long: CardElement[] } {
  const defs = escalationType(escalation.typeId)?.fields ?? [];
  const short: [string, string][] = [];
  const long: CardElement[] = [];
  for (const [id, value] of Object.entries(escalation.fields)) {
    if (value === '') continue;
    const def = defs.find((f) => f.id === id);
    const label = def?.label ?? id;
    if (def?.kind === 'multiline') long.push(text(`**${label}:** ${clip(String(value), MAX_TEXT)}`, { spacing: 'Small' }));
    else short.push([label, shownValue(def, value)]);
  }
  return { short, long };
}

/** The questions the mentors asked and what the requester answered, in order. */
function conversation(escalation: Escalation, timeZone: string): CardElement[] {
  return escalation.history
    .filter((h) => h.action === 'info_requested' || h.action === 'info_given')
    .slice(-6)
    .map((h) => text(`**${h.by.name} ${h.action === 'info_requested' ? 'asked' : 'answered'}** (${when(h.at, timeZone)}): ${clip(h.detail ?? '', 600)}`, { size: 'Small', spacing: 'Small' }));
}

function decisionParts(escalation: Escalation): CardElement[] {
  const d = escalation.decision;
  if (!d) return [];
  const out: CardElement[] = [];
  if (d.comment) out.push(text(`**${d.outcome === 'answered' ? 'Answer' : 'Comment'}:** ${clip(d.comment, MAX_TEXT)}`, { spacing: 'Small' }));
  if (d.kb) out.push(text('entryId' in d.kb ? `Added to the KB${d.kb.created ? '' : ' (it was already there)'}.` : `Not added to the KB: ${d.kb.skipped}`, { isSubtle: true, size: 'Small', spacing: 'None' }));
  return out;
}

/** A button that opens a small form on the card and confirms it. */
function showCard(title: string, body: CardElement[], confirm: CardAction): CardAction {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', version: '1.5', body, actions: [confirm] } };
}

function mentorActions(escalation: Escalation, data: Record<string, unknown>): CardAction[] {
  const decide = (outcome: string) => ({ ...data, outcome });
  const out: CardAction[] = [];
  if (outcomesFor(escalation).includes('answered')) {
    out.push(showCard('Answer', [
      { type: 'Input.Text', id: ESCALATION_INPUTS.answer, label: 'Answer', isMultiline: true, isRequired: true, maxLength: 2000, errorMessage: 'Write the answer.' },
      { type: 'Input.Toggle', id: ESCALATION_INPUTS.addToKb, title: 'Add to KB', value: 'false', valueOn: 'true', valueOff: 'false' },
    ], executeAction('Send answer', ESCALATION_VERBS.decide, decide('answered'), 'positive')));
  } else {
    out.push(showCard('Approve', [{ type: 'Input.Text', id: ESCALATION_INPUTS.approve, label: 'Comment (optional)', isMultiline: true, maxLength: 2000 }], executeAction('Approve', ESCALATION_VERBS.decide, decide('approved'), 'positive')));
  }
  out.push(showCard('Reject', [{ type: 'Input.Text', id: ESCALATION_INPUTS.reject, label: 'Why (the agent reads this)', isMultiline: true, isRequired: true, maxLength: 2000, errorMessage: 'Say why.' }], executeAction('Reject', ESCALATION_VERBS.decide, decide('rejected'))));
  if (escalation.status === 'open') {
    out.push(showCard('Need info', [{ type: 'Input.Text', id: ESCALATION_INPUTS.ask, label: 'What do you need to know?', isMultiline: true, isRequired: true, maxLength: 2000, errorMessage: 'Write your question.' }], executeAction('Ask the agent', ESCALATION_VERBS.ask, data)));
  }
  return out;
}

function replyForm(escalation: Escalation): CardElement[] {
  const question = openQuestion(escalation);
  return [
    notice(`${question?.by.name ?? 'A mentor'} needs more information: ${clip(question?.detail ?? '', 600)}`, 'warning'),
    { type: 'Input.Text', id: ESCALATION_INPUTS.reply, label: 'Your answer', isMultiline: true, isRequired: true, maxLength: 2000, errorMessage: 'Write your answer.' },
  ];
}

/**
 * The request card. The copy posted to the mentors' channel is the read-only view with `refresh`
 * naming the requester and the mentors (Teams fetches each one's own view with the view verb): a
 * mentor sees Approve (or Answer), Reject and Need info; the requester sees the status, and the answer
 * box when the mentors need more information; everyone else reads. "My view" asks for the same by hand.
 */
export function escalationCard(escalation: Escalation, viewer: EscalationViewer, options: EscalationCardOptions): AdaptiveCard {
  const { timeZone } = options;
  const { short, long } = fieldParts(escalation);
  const subtitle = escalation.account
    ? `${escalation.typeName} · ${escalation.account.name} · ID ${escalation.account.maskedId} · Unit ${escalation.account.unitId} · ${escalation.account.locationId}`
    : 'A question the knowledge base could not answer';
  const decided = isDecided(escalation);
  const announced = escalation.announcements ? [text(`Re-announced ${escalation.announcements === 1 ? 'once' : `${escalation.announcements} times`} for waiting past the SLA.`, { isSubtle: true, size: 'Small', spacing: 'None' })] : [];
  const ref = { accountId: escalation.accountId, escalationId: escalation.id };
  const mentor = viewer === 'mentor' && !decided;
  const replying = viewer === 'requester' && escalation.status === 'needs_info';
  const body: CardElement[] = [
    ...(options.banner ?? []),
    text(escalation.account ? requestHeadline(escalation) : escalation.typeName, { size: 'Large', weight: 'Bolder' }),
    text(subtitle, { isSubtle: true, spacing: 'None' }),
    ...(options.message ? [notice(options.message.text, options.message.style)] : []),
    statusLine(escalation, timeZone),
    facts([['Asked by', titledName(escalation.requester)], ['Asked', when(escalation.createdAt, timeZone)], ...short]),
    ...long,
    ...conversation(escalation, timeZone),
    ...decisionParts(escalation),
    ...announced,
    ...(replying ? replyForm(escalation) : []),
  ];
  const data = { ...ref, submissionId: options.submissionId };
  const actions: CardAction[] = mentor ? mentorActions(escalation, data) : replying ? [executeAction('Send', ESCALATION_VERBS.reply, data, 'positive')] : [];
  if (!actions.length && !decided) actions.push(executeAction(viewer === 'other' ? 'My view' : 'Refresh', ESCALATION_VERBS.view, ref));
  const card = adaptiveCard(body, actions);
  return options.userIds?.length ? { ...card, refresh: { action: { type: 'Action.Execute', title: 'Refresh', verb: ESCALATION_VERBS.view, data: ref }, userIds: options.userIds } } : card;
}
