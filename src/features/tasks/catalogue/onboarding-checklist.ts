import type { TaskType } from '../tasks.schemas';

/** The three parts of a customer onboarding, in the order they happen. */
export const ONBOARDING_GROUPS = ['Pre-Onboard', 'Onboard', 'Closing'] as const;

type Item = NonNullable<TaskType['checklist']>[number];
const [PRE, ONBOARD, CLOSING] = ONBOARDING_GROUPS;

const item = (group: string, id: string, text: string, required: boolean): Item => ({ id, text, required, group });

/** The customer onboarding checklist: set the portal up, run the onboarding call, then wrap up. */
export const ONBOARDING_CHECKLIST: readonly Item[] = [
  item(PRE, 'portal-access-on', 'Switch portal access on for the customer account', true),
  item(PRE, 'own-contact-added', 'Add yourself to the account contacts', false),
  item(PRE, 'contacts-main-property', 'Each contact has the onboarded property as main property', true),
  item(PRE, 'contacts-portal-email', 'Each contact has a portal email and portal access on', true),
  item(PRE, 'portal-services-checked', 'Portal services are right and in vendor order', true),
  item(PRE, 'floorplans-pricelist', 'Floorplans and price list (services and add-ons) look right', true),
  item(PRE, 'test-turn-unsaved', 'Try creating a turn to see the services, without saving it', false),
  item(PRE, 'pro-preferences', 'Pro preferences set on the property page', false),
  item(PRE, 'password-reset-sent', 'About 30 min before: password reset sent to each contact', true),
  item(ONBOARD, 'contacts-confirmed', 'Main contact, backup and their details confirmed', true),
  item(ONBOARD, 'communication-preference', 'Preferred way to reach them, incl. add-on approvals', true),
  item(ONBOARD, 'billing-confirmed', 'Billing company, contact, address and type confirmed', true),
  item(ONBOARD, 'billing-cycle', 'Billing cycle for their market explained', false),
  item(ONBOARD, 'property-rules', 'Paint specs and smoking and mask rules confirmed', false),
  item(ONBOARD, 'ordering-habits', 'Order cadence, add-on approver and who may change the schedule', true),
  item(ONBOARD, 'portal-walkthrough', 'Portal walkthrough: home, calendar, turn board, settings, turns', true),
  item(ONBOARD, 'purchase-orders', 'Purchase orders set up, if they use them', false),
  item(ONBOARD, 'reminders-covered', 'Reminders: book early, clear scope, preferred pros', false),
  item(CLOSING, 'training-done', 'Portal training finished', true),
  item(CLOSING, 'first-order-placed', 'First order placed; the customer is at ease with the portal', true),
  item(CLOSING, 'ordering-understood', 'The customer understands how to order', true),
  item(CLOSING, 'details-complete', 'Every detail confirmed or collected', true),
];
