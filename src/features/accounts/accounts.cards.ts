/**
 * Account cards (pure view functions): the customer card, search results, "no account found", and the
 * message-extension preview. The parts live in `./cards/`.
 */
export { ACCOUNT_VERBS, CARD_BYTE_LIMIT, assertCardFits, type AccountVerb, type CustomerCardAction } from './cards/constants';
export { customerCard, type CustomerCardInput } from './cards/customer';
export { accountListCard, compactAccountCard, noAccountCard, type AccountListInput, type AccountMatch } from './cards/list';
export { daysPastDue, AUCTION_SOON_DAYS } from './cards/units';
export { formatMoney, formatPhone, maskAccountId } from './cards/format';
