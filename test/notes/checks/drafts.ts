import type { NoteDraftText } from '../../../src/features/notes/checks/note-check.types';

/** A draft with a plain, finding-free reason and resolution unless the test overrides them. */
export function draft(parts: Partial<NoteDraftText> = {}): NoteDraftText {
  return {
    reason: 'Customer asked about the balance on unit B112.',
    resolution: 'Explained the balance due shown in Payment Details. Customer will pay online.',
    additionalInfo: '',
    followUp: '',
    quoteRequested: false,
    ...parts,
  };
}

const NBSP = '\u00a0';

/**
 * The two example notes that close the notes policy (seed 002), kept as the agent would paste them,
 * trailing non-breaking spaces included. Both are the model of a good note: they must raise nothing.
 */
export const POLICY_NOTE_FIELDS: NoteDraftText = {
  reason:
    "CT is asking for a refund since he canceled his father's account 2 months ago but is still being charged. He wanted to change his email as well.",
  resolution:
    'Verified previous agent Max failed to cancel on June 3rd despite indicating he had canceled the account in the notes. ' +
    'Informed the customer of the reason for the charges and apologized for the inconvenience. ' +
    'Changed email from alexmart@covesmart.com to alex.cmart@covesmart.com. ' +
    'Canceled the account and sent a confirmation email to the new email. Submitted refund request for $49.98. Approved by TL Anna. ' +
    'Informed CT that he should get the refund within 7-10 business days depending on his bank. CT understood.',
  additionalInfo: `${NBSP} ${NBSP} `,
  followUp: `N/A${NBSP} ${NBSP} ${NBSP} `,
  quoteRequested: false,
};

export const POLICY_NOTE_OPENING =
  'Alexander Erickson (account holder’s son) called in about an unexpected charge after he had canceled his father’s account 2 months ago. ' +
  `CT requested a refund for charge, and email change. ${NBSP} `;

export const POLICY_NOTE_BULLETS = [
  `  • Verified previous agent Max failed to cancel on June 3rd${NBSP} ${NBSP} `,
  `  • Informed customer and apologized for the inconvenience${NBSP} ${NBSP} `,
  '  • Updated email from alexmart@covesmart.com to alex.cmart@covesmart.com',
  `  • Cancelled the account${NBSP} ${NBSP} ${NBSP} `,
  `  • Sent cancellation email to new email${NBSP} ${NBSP} `,
  `  • Process refund for $49.98 to CC ending in 2320 approved by TL Anna${NBSP} ${NBSP} `,
  `  • Advised timeline of 7-10 business days depending on his bank${NBSP} ${NBSP} `,
].join('\n');
