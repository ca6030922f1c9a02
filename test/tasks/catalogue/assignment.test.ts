import { describe, expect, it } from 'vitest';
import { DEMO_LOCATIONS } from '../../../src/demo/demo-locations';
import { ASSIGNEE_CHOICES, CATALOGUE_TEAMS, TASK_TYPES, canWork, defaultAssignee, taskType } from '../../../src/features/tasks/catalogue';
import type { Person, Role } from '../../../src/features/people/people.schemas';
import { taskAssigneeSchema, type TaskAssignee } from '../../../src/features/tasks/tasks.schemas';

const pdx = DEMO_LOCATIONS.find((l) => l.id === 'PDX1')!;
const sea = DEMO_LOCATIONS.find((l) => l.id === 'SEA1')!;
const rosa = pdx.districtManager;

const person = (id: string, roles: Role[], extra: Partial<Person> = {}): Person => ({ id, name: `Person ${id}`, roles, locationIds: [], active: true, ...extra });
const byType = (id: string) => defaultAssignee(taskType(id)!, pdx);

const atPdx: TaskAssignee = { kind: 'location', id: 'PDX1', name: pdx.name };
const pdxDm: TaskAssignee = { kind: 'dm', id: rosa.id, name: rosa.name };
const mentors: TaskAssignee = { kind: 'mentors', id: 'mentors', name: 'Mentors' };
const billing: TaskAssignee = { kind: 'team', id: 'Billing', name: 'Billing' };

describe('defaultAssignee', () => {
  it('follows each kind of route', () => {
    expect(byType('vacate-schedule')).toEqual(atPdx);
    expect(byType('lock-dtm-replacement')).toEqual(pdxDm);
    expect(byType('callback-request')).toEqual(mentors);
    expect(byType('payment-plan-follow-up')).toEqual(billing);
    expect(byType('customer-onboarding')).toEqual({ kind: 'team', id: 'Onboarding', name: 'Onboarding' });
    expect(defaultAssignee(taskType('dtm-auction-follow-up')!, sea)).toEqual(pdxDm);
  });

  it('sends a team task to the mentors when that team has no people', () => {
    expect(defaultAssignee(taskType('payment-plan-follow-up')!, pdx, ['Billing'])).toEqual(billing);
    expect(defaultAssignee(taskType('payment-plan-follow-up')!, pdx, ['Onboarding'])).toEqual(mentors);
    expect(defaultAssignee(taskType('vacate-schedule')!, pdx, [])).toEqual(atPdx);
  });

  it('gives assignees that a stored task accepts, for every type and demo store', () => {
    for (const location of DEMO_LOCATIONS) {
      for (const type of TASK_TYPES) expect(taskAssigneeSchema.safeParse(defaultAssignee(type, location)).success).toBe(true);
    }
  });
});

describe('ASSIGNEE_CHOICES', () => {
  it('lists the store, its DM, the mentors and the catalogue teams', () => {
    expect(CATALOGUE_TEAMS).toEqual(['Billing', 'Onboarding']);
    expect(ASSIGNEE_CHOICES(pdx)).toEqual([atPdx, pdxDm, mentors, billing, { kind: 'team', id: 'Onboarding', name: 'Onboarding' }]);
    expect(ASSIGNEE_CHOICES(sea, ['Billing']).map((a) => a.id)).toEqual(['SEA1', rosa.id, 'mentors', 'Billing']);
  });
});

describe('canWork', () => {
  const admin = person('admin', ['admin']);
  const storeUser = person('kayla', ['location_user'], { locationIds: ['PDX1'] });
  const otherStore = person('tomas', ['location_user'], { locationIds: ['SEA1'] });
  const agentAtPdx = person('alex', ['agent'], { locationIds: ['PDX1'] });
  const dm = person(rosa.id, ['district_manager'], { locationIds: ['PDX1', 'SEA1'] });
  const otherDm = person('marcus', ['district_manager'], { locationIds: ['DEN1'] });
  const coveringDm = person('cover', ['district_manager'], { locationIds: ['PDX1'] });
  const mentor = person('megan', ['mentor'], { team: 'Customer Service' });
  const agent = person('isaiah', ['agent'], { team: 'Customer Service' });
  const biller = person('bea', ['agent'], { team: 'Billing' });

  it('location: its location users and DMs, and admins', () => {
    expect(canWork(storeUser, atPdx)).toBe(true);
    expect(canWork(dm, atPdx)).toBe(true);
    expect(canWork(admin, atPdx)).toBe(true);
    expect(canWork(otherStore, atPdx)).toBe(false);
    expect(canWork(agentAtPdx, atPdx)).toBe(false);
    expect(canWork(otherDm, atPdx)).toBe(false);
    expect(canWork(mentor, atPdx)).toBe(false);
  });

  it('dm: the DM named, a DM serving the store, and admins', () => {
    expect(canWork(dm, pdxDm)).toBe(true);
    expect(canWork(person(rosa.id, []), pdxDm)).toBe(true);
    expect(canWork(coveringDm, pdxDm, pdx)).toBe(true);
    expect(canWork(coveringDm, pdxDm)).toBe(false);
    expect(canWork(coveringDm, pdxDm, sea)).toBe(false);
    expect(canWork(otherDm, pdxDm, pdx)).toBe(false);
    expect(canWork(storeUser, pdxDm, pdx)).toBe(false);
    expect(canWork(admin, pdxDm)).toBe(true);
  });

  it('mentors: mentors and admins only', () => {
    expect(canWork(mentor, mentors)).toBe(true);
    expect(canWork(admin, mentors)).toBe(true);
    expect(canWork(agent, mentors)).toBe(false);
    expect(canWork(storeUser, mentors)).toBe(false);
  });

  it('team: members of the team and admins', () => {
    expect(canWork(biller, billing)).toBe(true);
    expect(canWork(admin, billing)).toBe(true);
    expect(canWork(agent, billing)).toBe(false);
    expect(canWork(mentor, billing)).toBe(false);
    expect(canWork(person('none', ['agent']), billing)).toBe(false);
  });

  it('never lets an inactive person work a task', () => {
    expect(canWork({ ...admin, active: false }, atPdx)).toBe(false);
    expect(canWork({ ...storeUser, active: false }, atPdx)).toBe(false);
    expect(canWork({ ...dm, active: false }, pdxDm)).toBe(false);
  });
});
