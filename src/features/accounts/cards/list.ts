import { adaptiveCard, facts, heading, notice, text, type AdaptiveCard, type CardElement } from '../../../shared/cards';
import type { Location } from '../../locations/locations.schemas';
import type { Account } from '../accounts.schemas';
import { ACCOUNT_VERBS } from './constants';
import { clip, formatPhone, maskAccountId } from './format';
import { fullName, typeLabel } from './header';

/** One search hit, already masked by the service. */
export interface AccountMatch {
  id: string;
  name: string;
  /** '•••482' (or 'ID •••482'): the last 3 digits only. */
  maskedId: string;
  kind: Account['kind'];
  status: Account['status'];
  locationId: string;
  locationName?: string;
}

export interface AccountListInput {
  query: string;
  matches: AccountMatch[];
  /** Token for the next page; "Show more" appears only with one. */
  continuation?: string;
  /** 1-based page number of these matches. */
  page: number;
}

function matchRow(match: AccountMatch): CardElement {
  return {
    type: 'ColumnSet',
    separator: true,
    spacing: 'Small',
    selectAction: { type: 'Action.Submit', title: `Open ${match.name}`, data: { verb: ACCOUNT_VERBS.open, accountId: match.id } },
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        items: [
          text(`**${match.name}** · ${match.maskedId.startsWith('ID') ? match.maskedId : `ID ${match.maskedId}`}`),
          text(`${typeLabel(match.kind).text} · ${match.locationName ?? match.locationId}`, { isSubtle: true, spacing: 'None', size: 'Small' }),
        ],
      },
      { type: 'Column', width: 'auto', verticalContentAlignment: 'Center', items: [text(match.status, { weight: 'Bolder', color: match.status === 'Delinquent' ? 'Attention' : 'Default' })] },
    ],
  };
}

/** Search results: one selectable row per account, and "Show more" when there is another page. */
export function accountListCard(input: AccountListInput): AdaptiveCard {
  const { query, matches, continuation, page } = input;
  if (!matches.length && page <= 1) return noAccountCard(query);
  const count = matches.length ? `${matches.length} ${matches.length === 1 ? 'match' : 'matches'}` : 'No more matches';
  const subtitle = `For "${clip(query, 80)}"${page > 1 ? ` · page ${page}` : ''}. Select an account to open it.`;
  const actions = continuation
    ? [{ type: 'Action.Submit', title: 'Show more', data: { verb: ACCOUNT_VERBS.page, query, continuation, page: page + 1 } }]
    : [];
  return adaptiveCard([...heading(count, subtitle), ...matches.map(matchRow)], actions);
}

/** Nothing matched: ways to find the account anyway, and the command's usage. */
export function noAccountCard(query: string): AdaptiveCard {
  const tips = [
    'Check the spelling, or try another one (nicknames, hyphenated or former last names).',
    "Search by the caller's phone number or email address instead of the name.",
    'The account may be archived: look it up among archived accounts in the management software.',
    'Make sure you have the right facility: the customer may rent at a different location.',
  ];
  return adaptiveCard([
    notice(`No account found for "${clip(query, 80)}".`, 'warning'),
    text('Try this:', { weight: 'Bolder', spacing: 'Medium' }),
    ...tips.map((tip) => text(`• ${tip}`, { spacing: 'None' })),
    text('Usage: `account <phone, email, name, unit or account id>`', { isSubtle: true, spacing: 'Medium' }),
  ]);
}

/** A small preview for the message extension: name, masked id, status, location and primary phone. */
export function compactAccountCard(account: Account, location?: Location): AdaptiveCard {
  const phone = account.phones.find((p) => p.primary) ?? account.phones[0];
  return adaptiveCard([
    text(fullName(account), { weight: 'Bolder', size: 'Medium' }),
    text(`${typeLabel(account.kind).text} · ${account.status} · ${maskAccountId(account.id)}`, { isSubtle: true, spacing: 'None' }),
    facts([
      ['Location', location ? location.name : 'Location not found'],
      ['Phone', phone ? formatPhone(phone.number) : 'none on file'],
    ]),
  ]);
}
