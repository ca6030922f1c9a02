import { describe, expect, it } from 'vitest';
import { UNIT_TYPES } from '../../../src/features/accounts/accounts.schemas';
import { ONBOARDING_GROUPS, TASK_TYPES, taskType } from '../../../src/features/tasks/catalogue';
import { checklistItemSchema } from '../../../src/features/tasks/tasks.schemas';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('the task catalogue', () => {
  it('has the types agents use, each with its route and due time', () => {
    const summary = Object.fromEntries(TASK_TYPES.map((t) => [t.id, [t.category, t.route.to === 'team' ? `team:${t.route.team}` : t.route.to, t.dueInBusinessHours]]));
    expect(summary).toEqual({
      'vacate-schedule': ['Vacate', 'location', 8],
      'vacate-same-day': ['Vacate', 'location', 4],
      'lock-dtm-replacement': ['Lock Related', 'dm', 8],
      'lock-cut-request': ['Lock Related', 'location', 8],
      'lock-appointment': ['Lock Related', 'location', 8],
      'dtm-auction-follow-up': ['DTM - Auction and Lien Status', 'dm', 4],
      'gate-opentech-failed': ['Gate Access', 'location', 2],
      'space-transfer': ['Space Transfer', 'location', 8],
      'payment-plan-follow-up': ['Payments', 'team:Billing', 8],
      'callback-request': ['Customer Service', 'mentors', 2],
      'abandonment-follow-up': ['Customer Service', 'location', 16],
      'customer-onboarding': ['Onboarding', 'team:Onboarding', 40],
    });
  });

  it.each(TASK_TYPES.map((t) => [t.id, t] as const))('%s is well formed', (id, type) => {
    expect(id).toMatch(KEBAB);
    expect(id.length).toBeLessThanOrEqual(60);
    expect(type.name.length).toBeLessThanOrEqual(120);
    expect(type.use.length).toBeGreaterThan(10);
    expect(type.use).not.toContain('\n');
    expect(type.use.length).toBeLessThanOrEqual(100);
    expect(type.dueInBusinessHours).toBeGreaterThan(0);
    const ids = type.fields.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const field of type.fields) {
      expect(field.id).toMatch(/^[a-z][A-Za-z0-9]*$/);
      if (field.kind === 'choice') expect(field.choices?.length).toBeGreaterThan(0);
      else expect(field.choices).toBeUndefined();
      if (field.notPast) expect(field.kind).toBe('date');
    }
  });

  it('finds a type by id and nothing for an unknown id', () => {
    expect(taskType('lock-dtm-replacement')?.name).toBe('DTM Lock Replacement');
    expect(taskType('no-such-type')).toBeUndefined();
    expect(taskType('')).toBeUndefined();
  });

  it('offers the unit types of the accounts for a transfer', () => {
    const newType = taskType('space-transfer')?.fields.find((f) => f.id === 'newType');
    expect(newType?.choices).toEqual(UNIT_TYPES);
  });

  it('prefills the fields that come from the account', () => {
    const prefills = TASK_TYPES.flatMap((t) => t.fields.filter((f) => f.prefill).map((f) => `${t.id}.${f.id}:${f.prefill}`));
    expect(prefills).toEqual(['dtm-auction-follow-up.auctionDate:auctionDate', 'dtm-auction-follow-up.amountDue:balanceDue', 'callback-request.phone:primaryPhone']);
  });

  it('gives only onboarding a checklist', () => {
    expect(TASK_TYPES.filter((t) => t.checklist).map((t) => t.id)).toEqual(['customer-onboarding']);
  });
});

describe('the onboarding checklist', () => {
  const checklist = taskType('customer-onboarding')?.checklist ?? [];

  it('has the three parts in order, every item under one of them', () => {
    expect(ONBOARDING_GROUPS).toEqual(['Pre-Onboard', 'Onboard', 'Closing']);
    const order = [...new Set(checklist.map((i) => i.group))];
    expect(order).toEqual(['Pre-Onboard', 'Onboard', 'Closing']);
    for (const group of ONBOARDING_GROUPS) expect(checklist.filter((i) => i.group === group).length).toBeGreaterThanOrEqual(3);
  });

  it('is short, with unique ids, and marks the essential items required', () => {
    expect(checklist.length).toBeGreaterThanOrEqual(12);
    expect(checklist.length).toBeLessThanOrEqual(25);
    const ids = checklist.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const required = checklist.filter((i) => i.required);
    expect(required.length).toBeGreaterThan(0);
    expect(required.length).toBeLessThan(checklist.length);
    expect(checklist.filter((i) => i.group === 'Closing').every((i) => i.required)).toBe(true);
    for (const item of checklist) {
      expect(item.id).toMatch(KEBAB);
      expect(item.text.length).toBeLessThanOrEqual(80);
    }
  });

  it('fits the stored checklist item schema once it is unchecked', () => {
    for (const item of checklist) expect(checklistItemSchema.safeParse({ ...item, done: false }).success).toBe(true);
  });
});
