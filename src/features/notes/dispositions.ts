import { DISPOSITION_CATEGORIES } from './dispositions.data';

export { DISPOSITION_CATEGORIES } from './dispositions.data';

/** A note's disposition: a category of the taxonomy and a disposition inside it. */
export interface Disposition {
  category: string;
  name: string;
}

/**
 * Dispositions Deskmate writes itself on notes that record what a form did (not offered in the note
 * form): a caller verification or a mentor's decision has no disposition of its own in the policy.
 */
export const SYSTEM_DISPOSITIONS = {
  callerVerified: { category: 'Deskmate', name: 'Caller Verified' },
  callerNotVerified: { category: 'Deskmate', name: 'Caller Not Verified' },
  /** A mentor approved or rejected a request made from the customer card (escalations). */
  escalationDecided: { category: 'Deskmate', name: 'Escalation Decided' },
} as const satisfies Record<string, Disposition>;

const SEPARATOR = ' › ';

/** The one value a form's choice carries: "Billing › Promised to Pay". */
export function dispositionValue(d: Disposition): string {
  return `${d.category}${SEPARATOR}${d.name}`;
}

/** Every disposition an agent may pick, in taxonomy order. */
export const PICKABLE_DISPOSITIONS: readonly Disposition[] = DISPOSITION_CATEGORIES.flatMap(({ category, names }) => names.map((name) => ({ category, name })));

const BY_VALUE = new Map(PICKABLE_DISPOSITIONS.map((d) => [dispositionValue(d), d]));

/** The disposition a form value names, or undefined when it is not in the taxonomy. */
export function dispositionFromValue(value: string): Disposition | undefined {
  return BY_VALUE.get(value.trim());
}
