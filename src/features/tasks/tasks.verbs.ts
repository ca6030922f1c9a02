/** Card verbs of the task cards; the cards and the routes use the same constants. */
export const TASK_VERBS = {
  /** "Create task" on the customer card: the type picker. */
  pick: 'task.pick',
  /** The picker's "Next": the chosen type's form. */
  form: 'task.form',
  /** The form's "Create task". */
  create: 'task.create',
  /** The task card's own view for whoever asks (also Teams' `refresh`). */
  view: 'task.view',
  start: 'task.start',
  complete: 'task.complete',
  reassign: 'task.reassign',
  cancel: 'task.cancel',
  /** Tick or untick a checklist item. */
  check: 'task.check',
  /** "Show more" on a list of tasks. */
  more: 'task.more',
} as const;
/** Every verb under this prefix that is not one of the above is answered as out of date. */
export const TASK_VERB_PREFIX = /^task\./;
