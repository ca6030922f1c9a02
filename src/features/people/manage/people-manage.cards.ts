import { adaptiveCard, container, facts, heading, notice, text, type AdaptiveCard, type CardElement } from '../../../shared/cards';
import { executeAction, fieldError, textInput } from '../../../shared/form-parts';
import { ROLE_LABELS, ROLES, type Person } from '../people.schemas';
import type { PeopleListView, PersonFormView } from './people-manage.service';
import { PEOPLE_VERBS, PERSON_LIMITS } from './people-manage.schemas';

function row(person: Person): CardElement {
  const roles = person.roles.map((r) => ROLE_LABELS[r]).join(', ') || 'no role';
  const where = [person.team, person.locationIds.join(', ')].filter(Boolean).join(' · ');
  return container(
    [
      text(`**${person.name}**${person.active ? '' : ' · switched off'}`, { color: person.active ? 'Default' : 'Light' }),
      text(`${roles}${where ? ` · ${where}` : ''}`, { isSubtle: true, size: 'Small', spacing: 'None' }),
      { type: 'ActionSet', actions: [executeAction('Edit', PEOPLE_VERBS.edit, { id: person.id })] },
    ],
    { separator: true, spacing: 'Medium' },
  );
}

/** The admins' list: people by name (active first), a name filter, Edit on each, and Add a person. */
export function peopleListCard(view: PeopleListView, message?: string): AdaptiveCard {
  const shown = view.people.length;
  const summary = view.find
    ? `${view.matched} match "${view.find}"${view.matched > shown ? `; the first ${shown} are shown` : ''}.`
    : `${view.matched} set up${view.matched > shown ? `; the first ${shown} by name are shown, find others by name` : ''}.`;
  const body: CardElement[] = [
    ...heading('People', summary),
    ...(message ? [notice(message, 'good')] : []),
    textInput('find', 'Find by name or user id', { value: view.find, maxLength: 60, placeholder: 'Megan' }),
    { type: 'ActionSet', actions: [{ ...executeAction('Find', PEOPLE_VERBS.list, {}), associatedInputs: 'auto' }] },
    ...(shown ? view.people.map(row) : [text(view.find ? 'Nobody matches that.' : 'Nobody is set up yet.', { isSubtle: true })]),
  ];
  return adaptiveCard(body, [executeAction('Add a person', PEOPLE_VERBS.edit, {})]);
}

/** Add or edit one person: user id (new only), name, roles, title, team, stores, and whether they may use Deskmate. */
export function personFormCard(view: PersonFormView): AdaptiveCard {
  const { values, errors } = view;
  const isNew = !view.id;
  const body: CardElement[] = [
    ...heading(isNew ? 'Add a person' : `Edit ${values.name}`, 'Roles decide what they may do in Deskmate; it checks them on every action.'),
    ...(view.notice ? [notice(view.notice, 'warning')] : []),
    ...(isNew
      ? [textInput('objectId', 'Entra user object id ("whoami" shows it to them)', { value: values.objectId, maxLength: 60, placeholder: '7a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b' }), ...fieldError(errors.objectId)]
      : [facts([['User id', view.id!]])]),
    textInput('name', 'Name', { value: values.name, maxLength: PERSON_LIMITS.name, placeholder: 'Megan Bowen' }),
    ...fieldError(errors.name),
    {
      type: 'Input.ChoiceSet',
      id: 'roles',
      label: 'Roles',
      isMultiSelect: true,
      style: 'expanded',
      choices: ROLES.map((r) => ({ title: ROLE_LABELS[r], value: r })),
      value: values.roles.join(','),
    },
    ...fieldError(errors.roles),
    textInput('title', 'Title shown in notes (optional)', { value: values.title, maxLength: PERSON_LIMITS.title, placeholder: 'TL' }),
    textInput('team', 'Team (optional)', { value: values.team, maxLength: PERSON_LIMITS.team, placeholder: 'Collections' }),
    textInput('locationIds', 'Stores they serve (store staff and district managers)', { value: values.locationIds, maxLength: PERSON_LIMITS.locations, placeholder: 'PDX1, SEA1' }),
    ...fieldError(errors.locationIds),
    { type: 'Input.Toggle', id: 'active', title: 'Can use Deskmate', value: String(values.active), valueOn: 'true', valueOff: 'false' },
  ];
  const data = view.id ? { id: view.id, ...(view.etag ? { etag: view.etag } : {}) } : {};
  return adaptiveCard(body, [executeAction('Save', PEOPLE_VERBS.save, data, 'positive'), { ...executeAction('Cancel', PEOPLE_VERBS.list, {}), associatedInputs: 'none' }]);
}
