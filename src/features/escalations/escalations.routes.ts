import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import { badFormCard, registerCardVerb, registerStaleVerbs, type CardFormDeps } from '../../shared/card-verbs';
import { adaptiveCard, cardAttachment, notice, type AdaptiveCard, type CardAction } from '../../shared/cards';
import type { CommandInfo } from '../../shared/commands';
import { DomainError } from '../../shared/errors';
import type { RouteWrapper } from '../../shared/turn';
import type { AccountsService } from '../accounts/accounts.service';
import type { Caller } from '../people/people.service';
import { ESCALATION_INPUTS } from './cards/escalation.card';
import { escalationFormCard, escalationTypePickerCard } from './cards/escalation-form.cards';
import { escalationQueueCard } from './cards/escalation-queue.card';
import type { EscalationChange } from './escalation-lifecycle';
import { changeMessage, createdMessage } from './escalation-messages';
import type { EscalationCardRenderer } from './escalation-render';
import type { EscalationsService } from './escalations.service';
import { ESCALATION_VERB_PREFIX, ESCALATION_VERBS } from './escalations.verbs';
import { headerToken } from '../../shared/schema-parts';

export const ESCALATION_COMMANDS: CommandInfo[] = [
  { name: 'escalate', usage: 'escalate <phone, email, unit, account id or name>', description: 'Asks the mentors to approve something for that account: a refund or credit, a fee waiver, auction relief, a rent change or a supervisor callback.', permission: 'escalations.request' },
  { name: 'queue', usage: 'queue', description: 'Requests waiting for a mentor, oldest first (mentors).', permission: 'escalations.decide', example: 'queue', buttonTitle: 'Mentor queue' },
];

export interface EscalationsRoutesDeps extends CardFormDeps<Caller> {
  route: RouteWrapper<Caller>;
  escalations: EscalationsService;
  render: EscalationCardRenderer;
  accounts: Pick<AccountsService, 'find' | 'get'>;
  openAccountAction: (accountId: string) => CardAction;
}

const accountId = z.string().regex(/^\d{6,10}$/);
const ref = z.object({ accountId: z.string().regex(/^(\d{6,10}|kb)$/), escalationId: z.string().regex(/^[\w:-]{1,80}$/) });
const submissionId = z.string().regex(/^[\w-]{8,80}$/);
const text = (max: number) => z.union([z.string().max(max), z.number().transform(String)]).nullish().transform((v) => v ?? '');
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).nullish().transform((v) => v === true);
const createSchema = z.looseObject({ accountId, typeId: z.string().max(60), submissionId, unitId: text(40) });
const decideSchema = ref.extend({
  submissionId,
  outcome: z.enum(['approved', 'rejected', 'answered']),
  [ESCALATION_INPUTS.approve]: text(4000),
  [ESCALATION_INPUTS.reject]: text(4000),
  [ESCALATION_INPUTS.answer]: text(4000),
  [ESCALATION_INPUTS.addToKb]: flag,
});
const askSchema = ref.extend({ submissionId, [ESCALATION_INPUTS.ask]: text(4000) });
const pickSchema = z.object({ accountId });
const formSchema = z.object({ accountId, typeId: z.string().max(60).nullish() });
const queuePageSchema = z.object({ continuation: headerToken(4000) });
const replySchema = ref.extend({ submissionId, [ESCALATION_INPUTS.reply]: text(4000) });

/** The type's own inputs (`f_<field id>`), as text. */
function fieldInputs(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).filter(([k, v]) => k.startsWith('f_') && (typeof v === 'string' || typeof v === 'number')).map(([k, v]) => [k.slice(2), String(v).slice(0, 4000)]));
}

/** What the "Ask a mentor" button of an unsure KB answer makes: a KB question for the mentors, and the requester's card. */
export type AskMentor = (caller: Caller, request: { requestId: string; question: string; botAnswer?: string; context?: string }) => Promise<AdaptiveCard>;

/** The KB routes' "Ask a mentor": creates the KB question (one per requestId) and gives the requester's card. */
export function askMentorWith(escalations: EscalationsService, render: EscalationCardRenderer): AskMentor {
  return async (caller, request) => {
    // Today "Ask a mentor" is only on the unsure answer, which carries no answer text: say what the bot did.
    const outcome = await escalations.askMentor(caller, { ...request, botAnswer: request.botAnswer || 'No confident answer: the knowledge base did not cover it.' });
    return render.forCaller(caller, outcome.escalation, createdMessage(outcome, true));
  };
}

/** `escalate <account>`, `queue`, and the request cards' buttons (each answers in place). */
export function registerEscalationsRoutes(app: Application, deps: EscalationsRoutesDeps): void {
  const { escalations, render } = deps;
  const back = (id: string) => ({ ...deps.openAccountAction(id), title: 'Cancel', associatedInputs: 'none' });
  const picker = async (caller: Caller, id: string) => {
    const types = escalations.types(caller);
    const { account } = await deps.accounts.get(id);
    return escalationTypePickerCard({ id: account.id, name: `${account.firstName} ${account.lastName}`, maskedId: `•••${account.id.slice(-3)}` }, types, back(account.id));
  };

  app.message(/^\s*queue\s*$/i, deps.route('escalations.queue', async ({ context, caller }) => {
    const page = await escalations.queue(caller);
    await context.sendActivity({ attachments: [cardAttachment(escalationQueueCard(page.escalations, page.continuation, render.timeZone, true))] });
  }));
  app.message(/^\s*escalate\s+\S/i, deps.route('escalations.command', async ({ context, caller }) => {
    escalations.types(caller);
    const query = (context.activity.text ?? '').trim().replace(/^escalate\s+/i, '');
    const { matches } = await deps.accounts.find(query);
    if (matches.length !== 1) throw new DomainError('invalid_input', matches.length ? `${matches.length} accounts match "${query}". Use a phone, email, unit or account id.` : `No account matches "${query}".`);
    await context.sendActivity({ attachments: [cardAttachment(await picker(caller, matches[0]!.id))] });
  }));

  registerCardVerb(app, deps, ESCALATION_VERBS.pick, 'escalations.pick', async ({ caller, data }) => {
    const parsed = pickSchema.safeParse(data);
    return parsed.success ? picker(caller, parsed.data.accountId) : badFormCard();
  });
  registerCardVerb(app, deps, ESCALATION_VERBS.form, 'escalations.form', async ({ caller, data }) => {
    const parsed = formSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    if (!parsed.data.typeId) return adaptiveCard([notice('Pick what you need first.', 'warning')], [{ type: 'Action.Execute', title: 'Back', verb: ESCALATION_VERBS.pick, data: { accountId: parsed.data.accountId } }]);
    return escalationFormCard(await escalations.openForm(caller, parsed.data.accountId, parsed.data.typeId), back(parsed.data.accountId));
  });
  registerCardVerb(app, deps, ESCALATION_VERBS.create, 'escalations.create', async ({ caller, data }) => {
    const parsed = createSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    const { accountId: id, typeId, submissionId: submission, unitId } = parsed.data;
    const outcome = await escalations.create(caller, id, typeId, submission, { unitId, fields: fieldInputs(parsed.data) });
    if (outcome.kind === 'form') return escalationFormCard(outcome.view, back(id));
    const card = await render.forCaller(caller, outcome.escalation, createdMessage(outcome));
    return { ...card, actions: [...(card.actions ?? []), deps.openAccountAction(id)] };
  });
  registerCardVerb(app, deps, ESCALATION_VERBS.view, 'escalations.view', async ({ caller, data }) => {
    const parsed = ref.safeParse(data);
    return parsed.success ? render.forCaller(caller, await escalations.view(caller, parsed.data)) : badFormCard();
  });
  registerCardVerb(app, deps, ESCALATION_VERBS.more, 'escalations.more', async ({ caller, data }) => {
    const parsed = queuePageSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    const page = await escalations.queue(caller, parsed.data.continuation);
    return escalationQueueCard(page.escalations, page.continuation, render.timeZone, false);
  });

  const changes: [string, (data: unknown) => { ref: z.infer<typeof ref>; change: EscalationChange; addToKb?: boolean } | undefined][] = [
    [ESCALATION_VERBS.decide, (data) => {
      const d = decideSchema.safeParse(data);
      if (!d.success) return undefined;
      const comment = d.data.outcome === 'approved' ? d.data.approveComment : d.data.outcome === 'rejected' ? d.data.rejectComment : d.data.answerText;
      return { ref: d.data, change: { kind: 'decide', outcome: d.data.outcome, comment, submissionId: d.data.submissionId }, addToKb: d.data.addToKb };
    }],
    [ESCALATION_VERBS.ask, (data) => {
      const d = askSchema.safeParse(data);
      return d.success ? { ref: d.data, change: { kind: 'askInfo', question: d.data.infoQuestion, submissionId: d.data.submissionId } } : undefined;
    }],
    [ESCALATION_VERBS.reply, (data) => {
      const d = replySchema.safeParse(data);
      return d.success ? { ref: d.data, change: { kind: 'giveInfo', answer: d.data.reply, submissionId: d.data.submissionId } } : undefined;
    }],
  ];
  for (const [verb, read] of changes) {
    registerCardVerb(app, deps, verb, `escalations.${verb.slice('escalation.'.length)}`, async ({ caller, data }) => {
      const parsed = read(data);
      if (!parsed) return badFormCard();
      const outcome = await escalations.change(caller, { accountId: parsed.ref.accountId, escalationId: parsed.ref.escalationId }, parsed.change, { addToKb: parsed.addToKb });
      return render.forCaller(caller, outcome.escalation, changeMessage(outcome, render.timeZone));
    });
  }

  registerStaleVerbs(app, deps, ESCALATION_VERB_PREFIX, 'escalations.stale');
}
