/**
 * The "Find an account" search message extension: an agent types a phone, email, unit, account id
 * or name in the compose box or the command box and picks an account card to put into the chat.
 */
import { randomUUID } from 'node:crypto';
import type { Application, Query } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { isDomainError } from '../../../shared/errors';
import type { Logger } from '../../../shared/logger';
import { TURN_OUTCOME_KEY, TURN_ROUTE_KEY, type TurnOutcome } from '../../../shared/turn';
import type { LocationsService } from '../../locations/locations.service';
import { requirePermission, type Caller } from '../../people/people.service';
import { parseAccountQuery } from '../account-query';
import type { Account } from '../accounts.schemas';
import type { AccountsService } from '../accounts.service';
import {
  accountsResult,
  FIND_ACCOUNT_HELP,
  FIND_ACCOUNT_MAX_QUERY,
  FIND_ACCOUNT_MAX_RESULTS,
  messageResult,
  noMatchMessage,
  tooLongMessage,
  type FindAccountResult,
} from './find-account.results';

export { FIND_ACCOUNT_HELP, FIND_ACCOUNT_MAX_QUERY, FIND_ACCOUNT_MAX_RESULTS } from './find-account.results';

/** The command id, the same as `composeExtensions[0].commands[].id` in appPackage/manifest.json. */
export const FIND_ACCOUNT_COMMAND_ID = 'findAccount';
/** The route name in the turn log. */
export const FIND_ACCOUNT_ROUTE = 'accounts.findExtension';

export interface FindAccountExtensionDeps {
  /** Who is calling, from the activity's AAD object id (never from anything the client claims). */
  identify: (context: TurnContext) => Promise<Caller>;
  accounts: AccountsService;
  locations: LocationsService;
  /** Logs unexpected failures (the search text is never logged). Without it they are thrown to the adapter. */
  logger?: Logger;
}

/** The command's parameters as Teams sends them; `query` is the text typed in the search box. */
export const findAccountParamsSchema = z.object({
  query: z.string().trim().max(FIND_ACCOUNT_MAX_QUERY).default(''),
});

/** Registers the `findAccount` query command. The bot wires it next to the KB search extension. */
export function registerFindAccountExtension(app: Application, deps: FindAccountExtensionDeps): void {
  app.messageExtensions.query(FIND_ACCOUNT_COMMAND_ID, async (context, _state, query) => {
    context.turnState.set(TURN_ROUTE_KEY, FIND_ACCOUNT_ROUTE);
    try {
      const { result, outcome } = await findAccounts(deps, context, query);
      setOutcome(context, outcome);
      return result;
    } catch (error) {
      setOutcome(context, 'error');
      if (!deps.logger) throw error;
      const reference = randomUUID().slice(0, 8);
      deps.logger.error({ err: error, route: FIND_ACCOUNT_ROUTE, reference }, 'account search extension failed');
      return messageResult(`Deskmate could not search accounts just now. Try again in a moment (reference ${reference}).`);
    }
  });
}

async function findAccounts(deps: FindAccountExtensionDeps, context: TurnContext, query: Query<Record<string, unknown>>): Promise<{ result: FindAccountResult; outcome: TurnOutcome }> {
  try {
    requirePermission(await deps.identify(context), 'accounts.read');
  } catch (error) {
    if (isDomainError(error)) return { result: messageResult(error.message), outcome: 'refused' };
    throw error;
  }
  // Results are never paged: a request for the rows after the first ones (Teams scrolling) gets none.
  if (query.skip > 0) return { result: { type: 'result', attachmentLayout: 'list', attachments: [] }, outcome: 'ok' };

  const params = findAccountParamsSchema.safeParse(query.parameters ?? {});
  if (!params.success) {
    const raw = query.parameters?.query;
    const tooLong = typeof raw === 'string' && raw.trim().length > FIND_ACCOUNT_MAX_QUERY;
    return { result: tooLong ? tooLongMessage(raw.trim().length) : messageResult(FIND_ACCOUNT_HELP), outcome: 'user_error' };
  }
  const text = params.data.query;
  const parsed = text ? parseAccountQuery(text) : undefined;
  if (!parsed) return { result: messageResult(FIND_ACCOUNT_HELP), outcome: text ? 'user_error' : 'ok' };

  const { matches } = await deps.accounts.find(parsed, { pageSize: FIND_ACCOUNT_MAX_RESULTS });
  const accounts = (await Promise.all(matches.slice(0, FIND_ACCOUNT_MAX_RESULTS).map((match) => readAccount(deps.accounts, match.id)))).filter((a): a is Account => a !== undefined);
  if (accounts.length === 0) return { result: noMatchMessage(text), outcome: 'ok' };
  const locations = await deps.locations.getMany(accounts.map((a) => a.locationId));
  return { result: accountsResult(accounts.map((account) => ({ account, location: locations.get(account.locationId) }))), outcome: 'ok' };
}

/** The full account for its card; undefined when it was deleted since the search found it. */
async function readAccount(accounts: AccountsService, id: string): Promise<Account | undefined> {
  try {
    return (await accounts.get(id)).account;
  } catch (error) {
    if (isDomainError(error) && error.code === 'not_found') return undefined;
    throw error;
  }
}

function setOutcome(context: TurnContext, outcome: TurnOutcome): void {
  context.turnState.set(TURN_OUTCOME_KEY, outcome);
}
