/**
 * What the "Find an account" message extension answers (pure, no I/O): one compact account card per
 * match with a thumbnail preview for the results list, or a short message. No full account id is
 * ever put into a result: the card and the preview show the masked id only.
 */
import { cardAttachment } from '../../../shared/cards';
import type { Location } from '../../locations/locations.schemas';
import { clip } from '../cards/format';
import { compactAccountCard, maskAccountId } from '../accounts.cards';
import type { Account } from '../accounts.schemas';

/** The longest search the extension takes, in characters (after trimming). */
export const FIND_ACCOUNT_MAX_QUERY = 120;
/** The most accounts one search returns. */
export const FIND_ACCOUNT_MAX_RESULTS = 10;

export const FIND_ACCOUNT_HELP = 'Type a phone number, email, unit (like B112 or PDX1 B112), account id or name to find an account.';

/** The message-extension answer Teams shows: a list of results, or a message instead of results. */
export type FindAccountResult =
  | { type: 'message'; text: string }
  | { type: 'result'; attachmentLayout: 'list'; attachments: ReturnType<typeof accountResultAttachment>[] };

export function messageResult(text: string): FindAccountResult {
  return { type: 'message', text };
}

export function tooLongMessage(length: number): FindAccountResult {
  return messageResult(`That search is ${length} characters long. Keep it to ${FIND_ACCOUNT_MAX_QUERY} or fewer: a phone number, email, unit, account id or name.`);
}

export function noMatchMessage(query: string): FindAccountResult {
  return messageResult(`No account found for "${clip(query, 60)}". Check the spelling, or try the caller's phone number or email instead.`);
}

/** "ID •••482 · Delinquent · Deskmate Storage Portland Foster Road" (leads: "Lead, Active"). */
export function previewText(account: Account, location: Location | undefined): string {
  const status = account.kind === 'lead' ? `Lead, ${account.status}` : account.status;
  return `${maskAccountId(account.id)} · ${status} · ${location?.name ?? account.locationId}`;
}

/** One result: the compact account card, and the thumbnail Teams shows in the results list. */
export function accountResultAttachment(account: Account, location: Location | undefined) {
  return {
    ...cardAttachment(compactAccountCard(account, location)),
    preview: {
      contentType: 'application/vnd.microsoft.card.thumbnail',
      content: { title: `${account.firstName} ${account.lastName}`, text: previewText(account, location) },
    },
  };
}

/** The results list, in the order given (the search's order). */
export function accountsResult(found: readonly { account: Account; location: Location | undefined }[]): FindAccountResult {
  return { type: 'result', attachmentLayout: 'list', attachments: found.map(({ account, location }) => accountResultAttachment(account, location)) };
}
