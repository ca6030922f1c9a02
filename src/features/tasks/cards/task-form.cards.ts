import { adaptiveCard, heading, notice, text, type AdaptiveCard, type CardAction, type CardElement } from '../../../shared/cards';
import { executeAction, fieldError, typedFieldInput } from '../../../shared/form-parts';
import { ALL_TASK_UNITS } from '../task-form.rules';
import type { TaskFormView } from '../task-views';
import type { TaskType } from '../tasks.schemas';
import { TASK_VERBS } from '../tasks.verbs';

/** "Create task" for the customer card: the type picker replaces the card (Action.Execute). */
export function createTaskAction(accountId: string): CardAction {
  return { type: 'Action.Execute', title: 'Create task', verb: TASK_VERBS.pick, data: { accountId } };
}

/** Step one: the task type, grouped by category (a filtered list works in every client). */
export function taskTypePickerCard(account: { id: string; name: string; maskedId: string }, types: readonly TaskType[], cancel: CardAction): AdaptiveCard {
  const choices = types.map((t) => ({ title: `${t.category} › ${t.name}`, value: t.id }));
  const body: CardElement[] = [
    ...heading('Create a task', `${account.name} · ID ${account.maskedId}`),
    { type: 'Input.ChoiceSet', id: 'typeId', label: 'Task type', style: 'filtered', placeholder: 'Type to filter, e.g. vacate', choices, isRequired: true, errorMessage: 'Pick a task type.' },
    ...types.map((t) => text(`**${t.category} › ${t.name}**: ${t.use}`, { size: 'Small', isSubtle: true, spacing: 'None' })),
  ];
  return adaptiveCard(body, [executeAction('Next', TASK_VERBS.form, { accountId: account.id }, 'positive'), cancel]);
}

/** Step two: the type's own fields, the units, who it goes to and when it is due (computed, editable). */
export function taskFormCard(view: TaskFormView, back: CardAction): AdaptiveCard {
  const { type, values, errors, account } = view;
  const units = account.units.length === 1
    ? [text(`For ${account.units[0]!.label}`), { type: 'Input.Text', id: 'units', value: account.units[0]!.id, isVisible: false }]
    : [{ type: 'Input.ChoiceSet', id: 'units', label: 'For which units', isMultiSelect: true, style: 'expanded', value: values.units, choices: [{ title: `All ${account.units.length} units`, value: ALL_TASK_UNITS }, ...account.units.map((u) => ({ title: u.label, value: u.id }))] }];
  const body: CardElement[] = [
    ...heading(`${type.category} › ${type.name}`, `${account.name} · ID ${account.maskedId}`),
    ...(Object.keys(errors).length ? [notice('Some fields need a look before the task can be created.', 'warning')] : []),
    ...type.fields.flatMap((f) => [typedFieldInput(f, values.fields[f.id] ?? '', view.today), ...fieldError(errors[`f_${f.id}`])]),
    ...(units as CardElement[]),
    ...fieldError(errors.units),
    { type: 'Input.ChoiceSet', id: 'assignee', label: 'Assign to', style: 'compact', value: values.assignee, choices: view.assignees },
    ...fieldError(errors.assignee),
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Date', id: 'dueDate', label: 'Due date (store time)', value: values.dueDate, min: view.today }] },
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Time', id: 'dueTime', label: 'Due time', value: values.dueTime }] },
      ],
    },
    ...fieldError(errors.due),
    { type: 'Input.Text', id: 'details', label: 'Why it is needed', isMultiline: true, maxLength: 2000, value: values.details, placeholder: 'What the assignee should know' },
    ...fieldError(errors.details),
    ...(type.checklist?.length ? [text(`Comes with a checklist of ${type.checklist.length} items (${type.checklist.filter((i) => i.required).length} required).`, { isSubtle: true, size: 'Small' })] : []),
  ];
  const create = executeAction('Create task', TASK_VERBS.create, { accountId: account.id, typeId: type.id, submissionId: view.submissionId }, 'positive');
  return adaptiveCard(body, [create, back]);
}
