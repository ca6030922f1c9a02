import { adaptiveCard, commandButton, heading, notice, text, type AdaptiveCard } from '../../../shared/cards';
import { openAccountAction } from '../cards/constants';
import type { Account } from '../accounts.schemas';
import { maskAccountId } from '../cards/format';
import { fullName } from '../cards/header';


/** The answer to a saved form: every change, from what to what, and the note that records them. */
export function contactSavedCard(input: { account: Account; changes: string[]; noteCreated: boolean }): AdaptiveCard {
  const { account, changes } = input;
  return adaptiveCard(
    [
      ...heading('Contact details updated', `${fullName(account)} · ${maskAccountId(account.id)}`),
      notice(`Saved ${changes.length} ${changes.length === 1 ? 'change' : 'changes'}. An "Update Account Information" note records them.`, 'good'),
      text(changes.map((c) => `- ${c}`).join('\n')),
      ...(input.noteCreated ? [] : [text('This form was already saved; nothing was changed a second time.', { isSubtle: true, size: 'Small' })]),
    ],
    [openAccountAction(account.id)],
  );
}

/** The answer to a form that changes nothing: nothing was saved and no note was written. */
export function contactUnchangedCard(account: Account): AdaptiveCard {
  return adaptiveCard(
    [
      ...heading('Nothing to change', `${fullName(account)} · ${maskAccountId(account.id)}`),
      notice('The form matches the account as it is, so nothing was saved and no note was added.', 'accent'),
    ],
    [openAccountAction(account.id)],
  );
}

/** The answer to "Cancel" on the form. */
export function contactCancelledCard(accountId: string): AdaptiveCard {
  return adaptiveCard([notice('Update cancelled. Nothing was changed.', 'accent')], [openAccountAction(accountId)]);
}

/** A refusal or a payload the form could not have sent: the reason, and nothing was stored. */
export function contactProblemCard(message: string): AdaptiveCard {
  return adaptiveCard([notice(message, 'warning')], [commandButton('Show help', 'help')]);
}

/** Something broke on our side; the reference is in the log line. */
export function contactErrorCard(reference: string): AdaptiveCard {
  return adaptiveCard([
    notice('Something went wrong on our side. Open the account to see what was saved, then try again.', 'attention'),
    text(`If it keeps happening, tell your team lead and quote reference ${reference}.`, { isSubtle: true, size: 'Small' }),
  ]);
}
