import { z } from 'zod/v4';
import type { TypedFieldDef } from '../../shared/form-parts';
import { isoDateTime, personRef } from '../../shared/schema-parts';

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'canceled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const OPEN_STATUSES: readonly TaskStatus[] = ['open', 'in_progress'];

/**
 * Who a task goes to: the unit's location (its location users), the location's district manager,
 * the mentors, or a named team. `id` is the location id, the DM's person id, 'mentors' or the team
 * name; `name` is how cards show it. `linkId` names the conversation the task card is posted to.
 */
export const taskAssigneeSchema = z.object({
  kind: z.enum(['location', 'dm', 'mentors', 'team']),
  id: z.string().min(1).max(120),
  name: z.string().min(1).max(120),
});
export type TaskAssignee = z.infer<typeof taskAssigneeSchema>;

export const checklistItemSchema = z.object({
  id: z.string().min(1).max(40),
  text: z.string().min(1).max(300),
  required: z.boolean(),
  /** A heading the item sits under (the onboarding checklists have three parts). */
  group: z.string().max(80).optional(),
  done: z.boolean(),
  doneBy: personRef.optional(),
  doneAt: isoDateTime.optional(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const TASK_ACTIONS = ['created', 'started', 'completed', 'reassigned', 'canceled', 'checked', 'unchecked', 'reminded'] as const;
export const taskHistorySchema = z.object({
  at: isoDateTime,
  by: personRef,
  action: z.enum(TASK_ACTIONS),
  detail: z.string().max(600).optional(),
});
export type TaskHistoryEntry = z.infer<typeof taskHistorySchema>;

/** A field value as the type's form collected it (dates as YYYY-MM-DD, times as HH:MM). */
export const taskFieldValue = z.union([z.string().max(2000), z.number(), z.boolean()]);

/** A follow-up task in the `tasks` container (partition key /accountId). */
export const taskSchema = z.object({
  /** The submission id of the form that created it: a replayed submit finds it (409). */
  id: z.string().min(1).max(80),
  accountId: z.string().min(1),
  /** The account holder's name and the location, as the task card shows them. */
  accountName: z.string().min(1).max(200),
  locationId: z.string().min(1),
  unitIds: z.array(z.string().min(1)).min(1),
  typeId: z.string().min(1).max(60),
  category: z.string().min(1).max(80),
  name: z.string().min(1).max(120),
  fields: z.record(z.string(), taskFieldValue),
  /** Why it was created, in the agent's words. */
  details: z.string().max(2000),
  assignee: taskAssigneeSchema,
  requester: personRef,
  status: z.enum(TASK_STATUSES),
  dueAt: isoDateTime,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  checklist: z.array(checklistItemSchema),
  outcome: z.string().max(1000).optional(),
  cancelReason: z.string().max(1000).optional(),
  history: z.array(taskHistorySchema),
  /** Where the task card was posted (conversation link id and the activity id), to update it in place. */
  posts: z.array(z.object({ linkId: z.string().min(1), activityId: z.string().min(1) })).default([]),
  /** The business day (location time, YYYY-MM-DD) an overdue reminder was last posted. */
  lastReminderDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  _etag: z.string().optional(),
});
export type Task = z.infer<typeof taskSchema>;

/** One form field of a task type: the shared card field, plus where to prefill it from. */
export interface TaskFieldDef extends TypedFieldDef {
  /** Prefill from the account when the form opens ("primaryPhone", "balanceDue", "auctionDate"). */
  prefill?: 'primaryPhone' | 'balanceDue' | 'auctionDate';
}

/** Who a task type goes to by default. */
export type TaskRoute = { to: 'location' } | { to: 'dm' } | { to: 'mentors' } | { to: 'team'; team: string };

/** A task type of the catalogue (data, not code). */
export interface TaskType {
  id: string;
  category: string;
  name: string;
  /** One line for the type picker: when to use it. */
  use: string;
  route: TaskRoute;
  /** Default due time: this many business hours of the location after creation. */
  dueInBusinessHours: number;
  fields: readonly TaskFieldDef[];
  checklist?: readonly { id: string; text: string; required: boolean; group?: string }[];
}
