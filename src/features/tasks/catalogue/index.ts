import type { TaskType } from '../tasks.schemas';
import { TASK_TYPES } from './task-types';

export { ONBOARDING_CHECKLIST, ONBOARDING_GROUPS } from './onboarding-checklist';
export { TASK_TYPES, TEAMS, TEXT_FORMATS, type TextFormat } from './task-types';
export {
  DEFAULT_MAX_LENGTH, MAX_DOLLARS, readTaskField, readTaskFields, taskFieldSchema, taskFieldsSchema,
  type TaskFieldContext, type TaskFieldRead, type TaskFieldsResult, type TaskFieldValues,
} from './task-fields';
export { businessDay, dueAt, isBusinessDay, type OfficeHoursOf } from './due-time';
export {
  ASSIGNEE_CHOICES, CATALOGUE_TEAMS, MENTORS_ASSIGNEE, canWork, defaultAssignee, dmAssignee, locationAssignee, teamAssignee,
  type AssignableLocation,
} from './assignment';

const byId = new Map(TASK_TYPES.map((type) => [type.id, type]));

/** The catalogue's task type with this id; undefined when there is none (an old or forged id). */
export function taskType(id: string): TaskType | undefined {
  return byId.get(id);
}
