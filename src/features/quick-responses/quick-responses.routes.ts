import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import { badFormCard, registerCardVerb, registerStaleVerbs, type CardFormDeps } from '../../shared/card-verbs';
import { cardAttachment } from '../../shared/cards';
import type { CommandInfo } from '../../shared/commands';
import type { RouteWrapper } from '../../shared/turn';
import type { Caller } from '../people/people.service';
import { quickResponseFormCard, quickResponsesListCard } from './quick-responses.cards';
import { QUICK_RESPONSE_VERB_PREFIX, QUICK_RESPONSE_VERBS, quickResponseRefSchema, quickResponseSaveSchema } from './quick-responses.schemas';
import type { QuickResponsesService } from './quick-responses.service';

export const QUICK_RESPONSES_COMMAND: CommandInfo = {
  name: 'quick responses',
  usage: 'quick responses',
  description: 'Lists the ready-made note texts agents can pick in the note form; add, edit or retire them.',
  permission: 'quickResponses.manage',
  example: 'quick responses',
  buttonTitle: 'Quick responses',
};

export interface QuickResponsesRoutesDeps extends CardFormDeps<Caller> {
  route: RouteWrapper<Caller>;
  quickResponses: QuickResponsesService;
}

const retireSchema = z.object({ id: z.string().regex(/^[\w-]{1,64}$/), active: z.boolean() });

/** `quick responses` (mentors) and its cards: list, add, edit, retire; each answers in place. */
export function registerQuickResponsesRoutes(app: Application, deps: QuickResponsesRoutesDeps): void {
  const service = deps.quickResponses;

  app.message(/^\s*quick\s+responses?\s*$/i, deps.route('quickResponses.list', async ({ context, caller }) => {
    await context.sendActivity({ attachments: [cardAttachment(quickResponsesListCard(await service.all(caller)))] });
  }));

  registerCardVerb(app, deps, QUICK_RESPONSE_VERBS.list, 'quickResponses.list', async ({ caller }) => quickResponsesListCard(await service.all(caller)));

  registerCardVerb(app, deps, QUICK_RESPONSE_VERBS.edit, 'quickResponses.edit', async ({ caller, data }) => {
    const parsed = quickResponseRefSchema.safeParse(data);
    return parsed.success ? quickResponseFormCard(await service.form(caller, parsed.data.id)) : badFormCard();
  });

  registerCardVerb(app, deps, QUICK_RESPONSE_VERBS.save, 'quickResponses.save', async ({ caller, data }) => {
    const parsed = quickResponseSaveSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    const outcome = await service.save(caller, parsed.data);
    if (outcome.kind === 'form') return quickResponseFormCard(outcome.view);
    return quickResponsesListCard(await service.all(caller), `Saved "${outcome.quickResponse.title}".`);
  });

  registerCardVerb(app, deps, QUICK_RESPONSE_VERBS.retire, 'quickResponses.retire', async ({ caller, data }) => {
    const parsed = retireSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    const changed = await service.setActive(caller, parsed.data.id, parsed.data.active);
    return quickResponsesListCard(await service.all(caller), `"${changed.title}" is ${changed.active ? 'offered to agents again' : 'retired: agents no longer see it'}.`);
  });

  registerStaleVerbs(app, deps, QUICK_RESPONSE_VERB_PREFIX, 'quickResponses.stale');
}
