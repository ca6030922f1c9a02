import { UNIT_TYPES } from '../../accounts/accounts.schemas';
import type { TaskFieldDef, TaskType } from '../tasks.schemas';
import { ONBOARDING_CHECKLIST } from './onboarding-checklist';

/** The named teams task types are routed to. */
export const TEAMS = { billing: 'Billing', onboarding: 'Onboarding' } as const;

const YES_NO = ['Yes', 'No'] as const;
const TIME_SLOTS = ['9:00-11:00', '11:00-13:00', '13:00-15:00', '15:00-17:00'] as const;
const CALL_WINDOWS = ['9:00-12:00', '12:00-15:00', '15:00-18:00'] as const;

const notes = (label = 'Notes', required = false): TaskFieldDef => ({ id: 'notes', label, kind: 'multiline', required });

/**
 * The task catalogue: each type's category, name, one-line hint, route, default due time (business
 * hours of the location) and form fields. Ids are stable: stored tasks refer to them.
 */
export const TASK_TYPES: readonly TaskType[] = [
  {
    id: 'vacate-schedule', category: 'Vacate', name: 'Schedule a vacate',
    use: 'The customer will move out on a later date and wants it booked.',
    route: { to: 'location' }, dueInBusinessHours: 8,
    fields: [
      { id: 'moveOutDate', label: 'Move-out date', kind: 'date', required: true, notPast: true },
      notes(),
    ],
  },
  {
    id: 'vacate-same-day', category: 'Vacate', name: 'Same day vacate',
    use: 'Rented recently, never moved in and no longer needs the space.',
    route: { to: 'location' }, dueInBusinessHours: 4,
    fields: [
      { id: 'rentedOn', label: 'Rented on', kind: 'date', required: true },
      { id: 'reason', label: 'Reason', kind: 'choice', required: true, choices: ['Never moved in', 'Space no longer needed', 'Rented the wrong unit', 'Other'] },
      { id: 'refundExpected', label: 'Refund expected?', kind: 'choice', required: true, choices: YES_NO },
    ],
  },
  {
    id: 'lock-dtm-replacement', category: 'Lock Related', name: 'DTM Lock Replacement',
    use: 'Paid in time on a unit listed for auction: the overlock must come off.',
    route: { to: 'dm' }, dueInBusinessHours: 8,
    fields: [
      { id: 'paidOn', label: 'Paid on', kind: 'date', required: true },
      { id: 'paymentReference', label: 'Payment reference', kind: 'text', required: false, maxLength: 60 },
    ],
  },
  {
    id: 'lock-cut-request', category: 'Lock Related', name: 'Lock Cut Request',
    use: 'The lock on the unit has to be cut open.',
    route: { to: 'location' }, dueInBusinessHours: 8,
    fields: [
      { id: 'reason', label: 'Reason', kind: 'choice', required: true, choices: ['Lost key', 'Customer moving out', 'Abandoned unit', 'Other'] },
      { id: 'verifiedId', label: 'ID verified?', kind: 'choice', required: true, choices: YES_NO },
    ],
  },
  {
    id: 'lock-appointment', category: 'Lock Related', name: 'Schedule an appointment (lock issue)',
    use: 'The customer must meet staff at the unit to sort out a lock problem.',
    route: { to: 'location' }, dueInBusinessHours: 8,
    fields: [
      { id: 'date', label: 'Appointment date', kind: 'date', required: true, notPast: true },
      { id: 'timeSlot', label: 'Time slot', kind: 'choice', required: true, choices: TIME_SLOTS },
      { id: 'issue', label: 'What is wrong with the lock', kind: 'multiline', required: false },
    ],
  },
  {
    id: 'dtm-auction-follow-up', category: 'DTM - Auction and Lien Status', name: 'Follow-up before auction',
    use: 'Auction is close, the customer cannot pay in full and wants help: the DM calls back.',
    route: { to: 'dm' }, dueInBusinessHours: 4,
    fields: [
      { id: 'auctionDate', label: 'Auction date', kind: 'date', required: true, prefill: 'auctionDate' },
      { id: 'amountDue', label: 'Amount due', kind: 'money', required: true, prefill: 'balanceDue' },
      { id: 'customerCanPay', label: 'The customer can pay', kind: 'choice', required: true, choices: ['in full', 'partially', 'not before the auction'] },
    ],
  },
  {
    id: 'gate-opentech-failed', category: 'Gate Access', name: 'OpenTech attempt failed / alternative gate code needed',
    use: 'Right code, keypad lights up, still no entry after OpenTech: the store steps in.',
    route: { to: 'location' }, dueInBusinessHours: 2,
    fields: [
      { id: 'openTechTried', label: 'Caller verified and OpenTech tried?', kind: 'choice', required: true, choices: ['Yes'] },
      { id: 'whatHappened', label: 'What happened at the gate', kind: 'multiline', required: true },
    ],
  },
  {
    id: 'space-transfer', category: 'Space Transfer', name: 'Transfer to another unit',
    use: 'Moving to a bigger or smaller unit; the new unit number comes by email.',
    route: { to: 'location' }, dueInBusinessHours: 8,
    fields: [
      { id: 'newSize', label: 'New size', kind: 'text', required: true, maxLength: 20, placeholder: '10x10' },
      { id: 'newType', label: 'New unit type', kind: 'choice', required: true, choices: UNIT_TYPES },
      { id: 'moveDate', label: 'Move date', kind: 'date', required: true, notPast: true },
      { id: 'balanceDue', label: 'Balance due quoted', kind: 'money', required: false },
    ],
  },
  {
    id: 'payment-plan-follow-up', category: 'Payments', name: 'Payment plan follow-up',
    use: 'A payment plan was agreed; billing checks the money came in.',
    route: { to: 'team', team: TEAMS.billing }, dueInBusinessHours: 8,
    fields: [
      { id: 'followUpDate', label: 'Follow up on', kind: 'date', required: true, notPast: true },
      { id: 'agreedAmount', label: 'Agreed amount', kind: 'money', required: true },
    ],
  },
  {
    id: 'callback-request', category: 'Customer Service', name: 'Callback request',
    use: 'The customer asks to be called back by a team lead or supervisor.',
    route: { to: 'mentors' }, dueInBusinessHours: 2,
    fields: [
      { id: 'callbackAt', label: 'Call back on', kind: 'date', required: true, notPast: true },
      { id: 'timeWindow', label: 'Best time', kind: 'choice', required: false, choices: CALL_WINDOWS },
      { id: 'phone', label: 'Phone to call', kind: 'phone', required: true, prefill: 'primaryPhone' },
    ],
  },
  {
    id: 'abandonment-follow-up', category: 'Customer Service', name: 'Abandonment follow-up',
    use: 'The unit looks abandoned: the store records it and follows local rules.',
    route: { to: 'location' }, dueInBusinessHours: 16,
    fields: [
      { id: 'lastContact', label: 'Last contact with the customer', kind: 'date', required: false },
      { id: 'observations', label: 'What was seen or tried', kind: 'multiline', required: true },
    ],
  },
  {
    id: 'customer-onboarding', category: 'Onboarding', name: 'Customer onboarding',
    use: 'A new customer account to set up: portal, onboarding call, wrap-up.',
    route: { to: 'team', team: TEAMS.onboarding }, dueInBusinessHours: 40,
    fields: [
      { id: 'onboardDate', label: 'Onboarding call on', kind: 'date', required: true, notPast: true },
      notes(),
    ],
    checklist: ONBOARDING_CHECKLIST,
  },
];

/** A text format TaskFieldDef cannot say, keyed "typeId.fieldId": the rule, a hint, and how to tidy input first. */
export interface TextFormat {
  pattern: RegExp;
  message: string;
  normalise?: (text: string) => string;
}

export const TEXT_FORMATS: Readonly<Record<string, TextFormat>> = {
  'space-transfer.newSize': {
    pattern: /^[1-9]\d{0,2}x[1-9]\d{0,2}$/,
    message: 'Enter the size as width x depth in feet, like 10x10.',
    normalise: (text) => text.toLowerCase().replace(/[\s×]|by|'|ft/g, (m) => (m === '×' || m === 'by' ? 'x' : '')),
  },
};
