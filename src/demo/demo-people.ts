import type { Location } from '../features/locations/locations.schemas';
import type { Person } from '../features/people/people.schemas';
import type { PersonRef } from '../shared/schema-parts';
import { DEMO_LOCATIONS } from './demo-locations';
import { plainName } from './demo-names';

/**
 * The aadObjectIds of the Microsoft 365 Agents Playground's built-in users. They really have 13
 * digits in the last group; that is how the Playground spells them. Alex is its default user.
 */
export const PLAYGROUND_USERS = {
  alex: '00000000-0000-0000-0000-0000000000020',
  megan: '00000000-0000-0000-0000-0000000000021',
  adele: '00000000-0000-0000-0000-0000000000022',
  isaiah: '00000000-0000-0000-0000-0000000000023',
  patti: '00000000-0000-0000-0000-0000000000024',
  /** Deliberately not in `people`: an unknown user, to try that path. */
  lynne: '00000000-0000-0000-0000-0000000000025',
} as const;

const U = PLAYGROUND_USERS;

/** The Playground users who are set up (everyone but Lynne). */
export const PLAYGROUND_PEOPLE: Person[] = [
  { id: U.alex, name: 'Alex Wilber', email: 'alexw@example.com', title: 'Agent', roles: ['agent'], team: 'Customer Service', locationIds: [], active: true },
  { id: U.megan, name: 'Megan Bowen', email: 'meganb@example.com', title: 'TL', roles: ['mentor'], team: 'Customer Service', locationIds: [], active: true },
  { id: U.adele, name: 'Adele Vance', email: 'adelev@example.com', title: 'Admin', roles: ['admin'], team: 'Operations', locationIds: [], active: true },
  // Isaiah also covers the Portland store's desk, so the Playground has someone who works its tasks.
  { id: U.isaiah, name: 'Isaiah Langer', email: 'isaiahl@example.com', title: 'Agent', roles: ['agent', 'location_user'], team: 'Customer Service', locationIds: ['PDX1'], active: true },
  { id: U.patti, name: 'Patti Fernandez', email: 'pattif@example.com', title: 'Supervisor', roles: ['mentor'], team: 'Customer Service', locationIds: [], active: true },
];

/** Who writes demo notes and sets promises to pay: mostly the agents, sometimes a mentor. */
export const DEMO_AGENTS: (PersonRef & { title: string })[] = [
  { id: U.alex, name: 'Alex Wilber', title: 'Agent' },
  { id: U.isaiah, name: 'Isaiah Langer', title: 'Agent' },
];
export const DEMO_MENTORS: (PersonRef & { title: string })[] = [
  { id: U.megan, name: 'Megan Bowen', title: 'TL' },
  { id: U.patti, name: 'Patti Fernandez', title: 'Supervisor' },
];

/** The store manager of each demo location (role location_user). */
const STORE_MANAGERS: Record<string, string> = {
  PDX1: 'Kayla Brooks',
  SEA1: 'Tomás Ibarra',
  DEN1: 'Shawn Pettersen',
  PHX1: 'Dolores Quintero',
  AUS1: 'Brent Kowalczyk',
  MTL1: 'Isabelle Gervais',
  OTT1: 'Naveen Raman',
};

function emailFor(name: string): string {
  return `${plainName(name).replace(/[^a-z ]/g, '').replace(/ +/g, '.')}@example.com`;
}

/** The district managers named by the locations, each with the stores they look after. */
export function districtManagerPeople(locations: Location[]): Person[] {
  const byId = new Map<string, Person>();
  for (const location of locations) {
    const manager = location.districtManager;
    const person = byId.get(manager.id) ?? {
      id: manager.id, name: manager.name, email: manager.email, title: 'District Manager',
      roles: ['district_manager'], team: 'Field Operations', locationIds: [], active: true,
    };
    person.locationIds.push(location.id);
    byId.set(manager.id, person);
  }
  return [...byId.values()];
}

/** One location user per location, with made-up but stable ids. */
export function locationUserPeople(locations: Location[]): Person[] {
  return locations.map((location, index) => {
    const name = STORE_MANAGERS[location.id] ?? `${location.address.city} Store Manager`;
    return {
      id: `00000000-0000-0000-0002-${String(index + 1).padStart(12, '0')}`,
      name, email: emailFor(name), title: 'Store Manager',
      roles: ['location_user'], team: location.name, locationIds: [location.id], active: true,
    };
  });
}

/** Every demo person: the Playground users (Lynne excepted), district managers, location users. */
export function demoPeople(locations: Location[] = DEMO_LOCATIONS): Person[] {
  return [...PLAYGROUND_PEOPLE, ...districtManagerPeople(locations), ...locationUserPeople(locations)];
}
