import type { QuickResponse } from '../features/quick-responses/quick-responses.schemas';

/** Quick responses the demo starts with, as a team lead would have written them. */
export function demoQuickResponses(author: { id: string; name: string }, at: string): QuickResponse[] {
  const base = { active: true, updatedBy: author, updatedAt: at };
  return [
    {
      id: 'demo-promise-to-pay', title: 'Promise to pay', disposition: 'Billing › Promised to Pay',
      reason: 'Past-due balance of $[amount] on unit [unit], [days] days late.',
      resolution: 'CT promised to pay $[amount] by [date] by [method]. Set the promise to pay on the card and explained that collection calls pause until then and start again if the payment does not post.',
      followUp: 'If nothing has posted by [date], collections go on as scheduled.',
    },
    {
      id: 'demo-payment-taken', title: 'Payment taken', disposition: 'Billing › Paid in Full',
      reason: 'CT called to pay on unit [unit].',
      resolution: 'Took a payment of $[amount] on the card ending [last 4]. Paid-to date is now [date]. Convenience fee $[fee] [charged / not charged because of AutoPay or a vacated account].',
      followUp: 'N/A',
    },
    {
      id: 'demo-gate-access', title: 'Gate access problem', disposition: 'Customer Service › System Status/Test',
      reason: 'CT could not get through the gate at [store].',
      resolution: 'Verified CT with [identifier]. Code is correct, refreshed it and the keypad lights up. Opened the gate with the OpenTech feature; CT [got in / still could not get in].',
      followUp: '[Task created for the store / N/A]',
    },
    {
      id: 'demo-same-day-vacate', title: 'Same day vacate', disposition: 'Retention - Cancellation › Regret Purchase',
      reason: 'Rented unit [unit] on [date], never moved in and no longer needs it.',
      resolution: 'Processed a same day vacate. [Refund of $[amount] / charges explained]. Sent the confirmation to [email].',
      followUp: 'N/A',
    },
    {
      id: 'demo-auction-help', title: 'Auction tomorrow, cannot pay in full', disposition: 'Billing › Customer Billing Question',
      reason: 'Unit [unit] goes to auction on [date] and CT cannot pay the full $[amount].',
      resolution: 'Explained only payment in full stops the auction. Created the "DTM - Auction and Lien Status" task so the district manager follows up by [date].',
      followUp: 'DM follows up through the task by [date].',
    },
  ].map((q) => ({ ...base, ...q }));
}
