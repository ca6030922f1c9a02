import type { Application } from '@microsoft/teams-ai';
import { badFormCard, registerCardVerb, registerStaleVerbs, type CardFormDeps } from '../../../shared/card-verbs';
import { cardAttachment } from '../../../shared/cards';
import type { CommandInfo } from '../../../shared/commands';
import type { RouteWrapper } from '../../../shared/turn';
import type { Caller } from '../people.service';
import { peopleListCard, personFormCard } from './people-manage.cards';
import { PEOPLE_VERB_PREFIX, PEOPLE_VERBS, peopleListSchema, personRefSchema, personSaveSchema } from './people-manage.schemas';
import type { PeopleAdmin } from './people-manage.service';

export const PEOPLE_COMMAND: CommandInfo = {
  name: 'people',
  usage: 'people',
  description: 'Lists who is set up in Deskmate; add people, change their roles and stores, or switch them off.',
  permission: 'people.manage',
  example: 'people',
  buttonTitle: 'People',
};

export interface PeopleManageRoutesDeps extends CardFormDeps<Caller> {
  route: RouteWrapper<Caller>;
  admin: PeopleAdmin;
}

/** `people` (admins) and its cards: list, find, add, edit; each answers in place. */
export function registerPeopleManageRoutes(app: Application, deps: PeopleManageRoutesDeps): void {
  const { admin } = deps;

  app.message(/^\s*people\s*$/i, deps.route('people.list', async ({ context, caller }) => {
    await context.sendActivity({ attachments: [cardAttachment(peopleListCard(await admin.list(caller)))] });
  }));

  registerCardVerb(app, deps, PEOPLE_VERBS.list, 'people.list', async ({ caller, data }) => {
    const parsed = peopleListSchema.safeParse(data ?? {});
    return parsed.success ? peopleListCard(await admin.list(caller, parsed.data.find)) : badFormCard();
  });

  registerCardVerb(app, deps, PEOPLE_VERBS.edit, 'people.edit', async ({ caller, data }) => {
    const parsed = personRefSchema.safeParse(data ?? {});
    return parsed.success ? personFormCard(await admin.form(caller, parsed.data.id)) : badFormCard();
  });

  registerCardVerb(app, deps, PEOPLE_VERBS.save, 'people.save', async ({ caller, data }) => {
    const parsed = personSaveSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    const outcome = await admin.save(caller, parsed.data);
    if (outcome.kind === 'form') return personFormCard(outcome.view);
    const list = await admin.list(caller);
    return peopleListCard(list, `${outcome.created ? 'Added' : 'Saved'} ${outcome.person.name}.`);
  });

  registerStaleVerbs(app, deps, PEOPLE_VERB_PREFIX, 'people.stale');
}
