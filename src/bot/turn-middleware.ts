import { z } from 'zod/v4';
import { COMMAND_FIELD } from '../shared/cards';
import type { BotAdapter, TurnContext } from 'botbuilder';
import type { Logger } from '../shared/logger';
import { TURN_OUTCOME_KEY, TURN_ROUTE_KEY } from '../shared/turn';

/**
 * One log line per turn: activity type, route, duration and outcome. Never the message text or
 * who sent it, so no customer data reaches the logs at info level.
 */
export function useTurnLog(adapter: BotAdapter, logger: Logger): void {
  adapter.use(async (context: TurnContext, next: () => Promise<void>) => {
    const started = performance.now();
    let outcome: string | undefined;
    try {
      await next();
    } catch (error) {
      outcome = 'error';
      throw error;
    } finally {
      const activity = context.activity;
      logger.info(
        {
          activityType: activity.type,
          activityName: activity.name,
          conversationType: activity.conversation?.conversationType,
          route: context.turnState.get(TURN_ROUTE_KEY) ?? 'none',
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          outcome: outcome ?? context.turnState.get(TURN_OUTCOME_KEY) ?? 'ok',
        },
        'turn',
      );
    }
  });
}

/** With ALLOWED_TENANTS set, activities from any other tenant are refused before any handler runs. */
export function useTenantGate(adapter: BotAdapter, allowedTenants: readonly string[], logger: Logger): void {
  if (allowedTenants.length === 0) return;
  adapter.use(async (context: TurnContext, next: () => Promise<void>) => {
    const tenant = String(context.activity.channelData?.tenant?.id ?? context.activity.conversation?.tenantId ?? '').toLowerCase();
    if (allowedTenants.includes(tenant)) return next();
    context.turnState.set(TURN_ROUTE_KEY, 'tenant.refused');
    context.turnState.set(TURN_OUTCOME_KEY, 'refused');
    logger.warn({ tenant: tenant || 'none' }, 'activity from a tenant that is not allowed');
    if (context.activity.type === 'message') {
      await context.sendActivity('Deskmate is not available for your organization.');
    }
  });
}

const commandSubmit = z.object({ [COMMAND_FIELD]: z.string().trim().min(1).max(500) });

/**
 * A command button (see `commandButton`) arrives as a message with no text and `{ command }` in its
 * value; it becomes the message text, so it takes the same route as typing the command.
 */
export function useCommandButtons(adapter: BotAdapter): void {
  adapter.use(async (context: TurnContext, next: () => Promise<void>) => {
    const activity = context.activity;
    if (activity.type === 'message' && !activity.text?.trim()) {
      const parsed = commandSubmit.safeParse(activity.value);
      if (parsed.success) activity.text = parsed.data[COMMAND_FIELD];
    }
    await next();
  });
}

/** A search from a message extension, as Teams sends it: a command of the manifest and its parameters. */
const extensionQuery = (commandIds: readonly [string, ...string[]]) =>
  z.object({
    commandId: z.enum(commandIds),
    parameters: z.array(z.object({ name: z.unknown().optional(), value: z.unknown().optional() })).optional(),
  });

const UNREADABLE_SEARCH = 'Deskmate could not read that search. Type in the search box again; if this keeps happening, tell your admin.';

/**
 * A message-extension search whose envelope is not what Teams sends (no command of the manifest,
 * parameters that are not a list of name/value pairs) gets a plain message in the search pane. teams-ai
 * would throw on it or leave it unrouted, and Teams would show its own error. Well-formed searches go on.
 */
export function useExtensionEnvelopeCheck(adapter: BotAdapter, commandIds: readonly [string, ...string[]]): void {
  const schema = extensionQuery(commandIds);
  adapter.use(async (context: TurnContext, next: () => Promise<void>) => {
    const activity = context.activity;
    if (activity.type !== 'invoke' || activity.name !== 'composeExtension/query' || schema.safeParse(activity.value).success) return next();
    context.turnState.set(TURN_ROUTE_KEY, 'extension.unreadable');
    context.turnState.set(TURN_OUTCOME_KEY, 'refused');
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { composeExtension: { type: 'message', text: UNREADABLE_SEARCH } } } });
  });
}
