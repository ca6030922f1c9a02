import { adaptiveCard, commandButton, notice, text, type AdaptiveCard } from '../shared/cards';

/** A failure the user can act on (no role, not allowed, bad input). */
export function problemCard(message: string): AdaptiveCard {
  return adaptiveCard([notice(message, 'warning')], [commandButton('Show help', 'help')]);
}

/** Something broke on our side. The reference lets support find the log line; no details are shown. */
export function unexpectedErrorCard(reference: string): AdaptiveCard {
  return adaptiveCard([
    notice('Something went wrong on our side and nothing was changed. Please try again.', 'attention'),
    text(`If it keeps happening, tell your team lead and quote reference ${reference}.`, { isSubtle: true, size: 'Small' }),
  ]);
}
