import type { AdaptiveCard } from '../../shared/cards';
import { DomainError } from '../../shared/errors';
import type { LocationsService } from '../locations/locations.service';
import type { Caller } from '../people/people.service';
import { ASSIGNEE_CHOICES, canWork } from './catalogue';
import { taskCard, type TaskViewer } from './cards/task.card';
import type { TasksService } from './tasks.service';
import type { Task, TaskAssignee } from './tasks.schemas';
import { assigneeChoices } from './task-views';
import { dateTimeFormat } from '../../shared/intl';

/** Renders the task card for whoever looks at it, and the copy posted to the assignee's channel. */
export class TaskCardRenderer {
  constructor(
    private readonly tasks: Pick<TasksService, 'viewers'>,
    private readonly locations: Pick<LocationsService, 'get'>,
  ) {}

  /** The caller's own view: worker buttons, requester status, or read-only. */
  async forCaller(caller: Caller, task: Task, message?: string): Promise<AdaptiveCard> {
    const location = await this.locations.get(task.locationId);
    const person = caller.person;
    const mayWork = Boolean(person && canWork(person, task.assignee, location));
    const viewer: TaskViewer = !person ? { kind: 'other' } : mayWork ? { kind: 'worker', actor: { person, mayWork } } : person.id === task.requester.id || person.roles.includes('mentor') || person.roles.includes('admin') ? { kind: 'requester', actor: { person, mayWork } } : { kind: 'other' };
    return taskCard(task, viewer, { timeZone: location?.timeZone ?? 'UTC', userIds: await this.tasks.viewers(task), message }, location ? assigneeChoices(location) : []);
  }

  /** The copy for channels: read-only, with Teams' refresh naming who gets their own view. */
  async posted(task: Task): Promise<AdaptiveCard> {
    const location = await this.locations.get(task.locationId);
    return taskCard(task, { kind: 'other' }, { timeZone: location?.timeZone ?? 'UTC', userIds: await this.tasks.viewers(task) });
  }

  async dueText(task: Task): Promise<string> {
    const location = await this.locations.get(task.locationId);
    return dateTimeFormat('en-US', { timeZone: location?.timeZone ?? 'UTC', weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(task.dueAt));
  }

  /** The assignee a reassign choice names, among the task's store's choices (the value came from a card). */
  async assigneeFor(locationId: string, value: string): Promise<TaskAssignee> {
    const location = await this.locations.get(locationId);
    const found = location ? ASSIGNEE_CHOICES(location).find((a) => `${a.kind}:${a.id}` === value) : undefined;
    if (!found) throw new DomainError('invalid_input', 'Pick who to give the task to from the list.');
    return found;
  }
}
