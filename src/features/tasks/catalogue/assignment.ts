import type { Location } from '../../locations/locations.schemas';
import type { Person } from '../../people/people.schemas';
import type { TaskAssignee, TaskType } from '../tasks.schemas';
import { TASK_TYPES } from './task-types';

/** What assignment needs of a location. */
export type AssignableLocation = Pick<Location, 'id' | 'name' | 'districtManager'>;

/** The one mentors assignee: every mentor sees the task. */
export const MENTORS_ASSIGNEE: TaskAssignee = { kind: 'mentors', id: 'mentors', name: 'Mentors' };

/** The named teams the catalogue routes to, in catalogue order, each once. */
export const CATALOGUE_TEAMS: readonly string[] = [
  ...new Set(TASK_TYPES.flatMap((type) => (type.route.to === 'team' ? [type.route.team] : []))),
];

export function locationAssignee(location: Pick<Location, 'id' | 'name'>): TaskAssignee {
  return { kind: 'location', id: location.id, name: location.name };
}

export function dmAssignee(location: Pick<Location, 'districtManager'>): TaskAssignee {
  return { kind: 'dm', id: location.districtManager.id, name: location.districtManager.name };
}

export function teamAssignee(team: string): TaskAssignee {
  return { kind: 'team', id: team, name: team };
}

/**
 * Who a new task of `type` goes to at `location`, by the type's route. When `teams` (the teams that
 * have people) is given and the route's team is not among them, the task goes to the mentors, so it
 * never lands on a team no one reads.
 */
export function defaultAssignee(type: Pick<TaskType, 'route'>, location: AssignableLocation, teams?: readonly string[]): TaskAssignee {
  const route = type.route;
  switch (route.to) {
    case 'location': return locationAssignee(location);
    case 'dm': return dmAssignee(location);
    case 'mentors': return MENTORS_ASSIGNEE;
    case 'team': return teams && !teams.includes(route.team) ? MENTORS_ASSIGNEE : teamAssignee(route.team);
  }
}

/**
 * True when `person` may work (start, check off, complete) a task assigned to `assignee`. Admins
 * always may; inactive people never. Location: its location users and district managers (by their
 * location ids). DM: the DM named, or a district manager serving the task's location. Mentors:
 * mentors. Team: the members of that team.
 */
export function canWork(person: Person, assignee: TaskAssignee, location?: Pick<Location, 'id' | 'districtManager'>): boolean {
  if (!person.active) return false;
  if (person.roles.includes('admin')) return true;
  switch (assignee.kind) {
    case 'location':
      return person.roles.some((r) => r === 'location_user' || r === 'district_manager') && person.locationIds.includes(assignee.id);
    case 'dm':
      return person.id === assignee.id || (!!location && person.roles.includes('district_manager') && person.locationIds.includes(location.id));
    case 'mentors':
      return person.roles.includes('mentor');
    case 'team':
      return person.team !== undefined && person.team === assignee.id;
  }
}

/** Whom an agent may reassign a task at `location` to: the location, its DM, the mentors, then each team. */
export function ASSIGNEE_CHOICES(location: AssignableLocation, teams: readonly string[] = CATALOGUE_TEAMS): TaskAssignee[] {
  return [locationAssignee(location), dmAssignee(location), MENTORS_ASSIGNEE, ...teams.map(teamAssignee)];
}
