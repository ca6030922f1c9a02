import { adaptiveCard, facts, heading, notice, text, type AdaptiveCard, type CardElement } from '../../../shared/cards';
import type { Account, Unit } from '../accounts.schemas';
import { openAccountAction, type CustomerCardAction } from '../cards/constants';
import { formatDate, formatMoney } from '../cards/format';
import { executeAction, fieldError, submitAction, textInput } from '../../../shared/form-parts';
import { delinquentUnits } from './promise.rules';
import { ALL_DELINQUENT_UNITS, PROMISE_VERBS, PROMISE_WINDOW_DAYS } from './promise.schemas';
import type { PromiseFormView, PromiseResultView } from './promise.service';

/**
 * The customer card's "Set promise to pay" button, only for an account with a past-due unit
 * (undefined otherwise). It shows the form as a new message, so the customer card stays.
 */
export function promiseToPayAction(account: Pick<Account, 'id' | 'units'>): CustomerCardAction | undefined {
  return delinquentUnits(account).length ? submitAction('Set promise to pay', PROMISE_VERBS.open, { accountId: account.id }) : undefined;
}


function unitLine(unit: Unit): CardElement {
  const parts = [`**Unit ${unit.id}** · ${formatMoney(unit.amountDueCents)} due`];
  if (unit.pastDueSince) parts.push(`past due since ${formatDate(unit.pastDueSince)}`);
  if (unit.auctionDate) parts.push(`auction ${formatDate(unit.auctionDate)}`);
  const p = unit.promiseToPay;
  if (p) parts.push(`promise now: ${formatMoney(p.amountCents)} by ${formatDate(p.date)} (${p.setBy.name})`);
  return text(parts.join(' · '), { spacing: 'Small' });
}

function unitChoices(units: Unit[]): { title: string; value: string }[] {
  const total = units.reduce((sum, u) => sum + u.amountDueCents, 0);
  const all = units.length > 1 ? [{ title: `All delinquent units (${formatMoney(total)} due)`, value: ALL_DELINQUENT_UNITS }] : [];
  return [...all, ...units.map((u) => ({ title: `Unit ${u.id} (${formatMoney(u.amountDueCents)} due)`, value: u.id }))];
}

/** The form: which delinquent unit(s), the date and the amount, with any problems next to the fields. */
export function promiseFormCard(view: PromiseFormView): AdaptiveCard {
  const head: CardElement[] = [...heading('Set a promise to pay', `${view.name} · ID ${view.maskedId}`), ...(view.notice ? [notice(view.notice, 'warning')] : [])];
  if (!view.units.length) return adaptiveCard([...head, notice('No unit on this account is past due now, so there is no promise to set.', 'good')], [openAccountAction(view.accountId)]);
  const { values, errors } = view;
  const body: CardElement[] = [
    ...head,
    ...view.units.map(unitLine),
    { type: 'Input.ChoiceSet', id: 'unit', label: 'Unit', style: 'compact', isRequired: true, choices: unitChoices(view.units), ...(values.unit ? { value: values.unit } : {}) },
    ...fieldError(errors.unit),
    { type: 'Input.Date', id: 'date', label: 'Pay by', isRequired: true, min: view.today, max: view.lastDay, ...(values.date ? { value: values.date } : {}) },
    ...fieldError(errors.date),
    textInput('amount', 'Amount (dollars)', { value: values.amount, maxLength: 15, placeholder: '125.00' }),
    ...fieldError(errors.amount),
    text(`Collection events for the unit pause until the promised date. By policy the date is at most ${PROMISE_WINDOW_DAYS} days away (${formatDate(view.lastDay)}).`, { isSubtle: true, size: 'Small' }),
  ];
  const save = executeAction('Set promise', PROMISE_VERBS.submit, { accountId: view.accountId, submissionId: view.submissionId, stamp: view.stamp }, 'positive');
  return adaptiveCard(body, [save]);
}

/** What was set: each unit's promise and the next collection event. */
export function promiseResultCard(view: PromiseResultView): AdaptiveCard {
  const c = view.collection;
  const body: CardElement[] = [
    ...heading('Promise to pay set', `${view.name} · ID ${view.maskedId}`),
    notice(view.replayed ? 'This promise was already saved; nothing new was written.' : 'Saved on the account.', 'good'),
    facts(view.promises.map((p): [string, string] => [`Unit ${p.unitId}`, `${formatMoney(p.amountCents)} by ${formatDate(p.date)}`])),
    ...(c ? [text(`Next collection event: **${formatDate(c.nextEventDate)}** · ${c.nextEventType}`, { spacing: 'Small' })] : []),
    text('Noted on the account: Billing › Promised to Pay.', { isSubtle: true, size: 'Small', spacing: 'Medium' }),
  ];
  return adaptiveCard(body, [openAccountAction(view.accountId)]);
}
