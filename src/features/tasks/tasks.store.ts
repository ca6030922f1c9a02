import type { Container, SqlQuerySpec } from '@azure/cosmos';
import { DomainError } from '../../shared/errors';
import { taskSchema, type Task, type TaskAssignee } from './tasks.schemas';

/** Someone else changed the task since it was read. */
export class TaskConflictError extends Error {
  constructor(readonly current: Task) {
    super('the task changed since it was read');
    this.name = 'TaskConflictError';
  }
}

export interface TaskPage {
  tasks: Task[];
  continuation?: string;
}

const status = (error: unknown) => (error as { code?: unknown }).code;
const OPEN = "c.status IN ('open', 'in_progress')";

/**
 * The `tasks` container (partition key /accountId). Queries over one account stay in its partition
 * (and name it in the WHERE clause: the embedded server ignores the partition key on queries);
 * "my tasks" and the overdue scan are cross-partition.
 */
export class TasksStore {
  constructor(private readonly container: Container) {}

  /** Creates the task; a replayed create (same id) returns the stored one with `created: false`. */
  async create(task: Task): Promise<{ task: Task; created: boolean }> {
    const { _etag: _ignored, ...body } = taskSchema.parse(task);
    try {
      return { task: taskSchema.parse((await this.container.items.create(body)).resource), created: true };
    } catch (error) {
      const current = status(error) === 409 ? await this.get(task.accountId, task.id) : undefined;
      if (current) return { task: current, created: false };
      throw error;
    }
  }

  async get(accountId: string, id: string): Promise<Task | undefined> {
    const { resource } = await this.container.item(id, accountId).read();
    return resource ? taskSchema.parse(resource) : undefined;
  }

  /** Replaces the task if it is still at `etag`; otherwise throws TaskConflictError with the stored task. */
  async replace(task: Task, etag: string): Promise<Task> {
    const { _etag: _ignored, ...body } = taskSchema.parse(task);
    try {
      const options = { accessCondition: { type: 'IfMatch', condition: etag } };
      return taskSchema.parse((await this.container.item(task.id, task.accountId).replace(body, options)).resource);
    } catch (error) {
      const current = status(error) === 412 ? await this.get(task.accountId, task.id) : undefined;
      if (current) throw new TaskConflictError(current);
      throw error;
    }
  }

  /** The account's tasks, newest first, a page at a time. */
  forAccount(accountId: string, options: { pageSize: number; continuation?: string }): Promise<TaskPage> {
    const spec = { query: 'SELECT * FROM c WHERE c.accountId = @accountId ORDER BY c.createdAt DESC', parameters: [{ name: '@accountId', value: accountId }] };
    return this.page(spec, options, accountId);
  }

  /** Open tasks assigned to any of `assignees`, soonest due first, a page at a time. */
  openFor(assignees: readonly Pick<TaskAssignee, 'kind' | 'id'>[], options: { pageSize: number; continuation?: string }): Promise<TaskPage> {
    if (!assignees.length) return Promise.resolve({ tasks: [] });
    const parameters = assignees.flatMap((a, i) => [{ name: `@k${i}`, value: a.kind }, { name: `@i${i}`, value: a.id }]);
    const match = assignees.map((_, i) => `(c.assignee.kind = @k${i} AND c.assignee.id = @i${i})`).join(' OR ');
    return this.page({ query: `SELECT * FROM c WHERE ${OPEN} AND (${match}) ORDER BY c.dueAt ASC`, parameters }, options);
  }

  /**
   * Open tasks due before `now` (for reminders), soonest due first, at most `limit`, skipping those
   * already reminded on or after `remindedSince` (a day, YYYY-MM-DD) so they do not crowd out the rest.
   * Reads page after page (a cross-partition page on Azure may come back short), at most 20 pages.
   */
  async overdue(now: Date, limit: number, remindedSince?: string): Promise<Task[]> {
    const notReminded = remindedSince ? ' AND (NOT IS_DEFINED(c.lastReminderDay) OR c.lastReminderDay < @since)' : '';
    const parameters = [{ name: '@now', value: now.toISOString() }, ...(remindedSince ? [{ name: '@since', value: remindedSince }] : [])];
    const iterator = this.container.items.query({ query: `SELECT * FROM c WHERE ${OPEN} AND c.dueAt < @now${notReminded} ORDER BY c.dueAt ASC`, parameters }, { maxItemCount: limit });
    const out: Task[] = [];
    for (let page = 0; page < 20 && out.length < limit && iterator.hasMoreResults(); page += 1) {
      const { resources } = await iterator.fetchNext();
      out.push(...resources.map((r) => taskSchema.parse(r)));
    }
    return out.slice(0, limit);
  }

  private async page(spec: SqlQuerySpec, options: { pageSize: number; continuation?: string }, partitionKey?: string): Promise<TaskPage> {
    let response;
    try {
      response = await this.container.items.query(spec, { maxItemCount: options.pageSize, continuationToken: options.continuation, ...(partitionKey ? { partitionKey } : {}) }).fetchNext();
    } catch (error) {
      if (options.continuation && status(error) === 400) throw new DomainError('invalid_input', 'That list of tasks can no longer be continued. Ask for it again.');
      throw error;
    }
    const tasks = response.resources.map((r) => taskSchema.parse(r));
    return response.continuationToken ? { tasks, continuation: response.continuationToken } : { tasks };
  }
}
