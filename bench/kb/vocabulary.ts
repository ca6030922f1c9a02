/**
 * Words and sentence templates for the synthetic self-storage help center. Slots in braces are
 * filled by generate.ts: {topic} {action} {system} {role} {amount} {duration} {situation} {place}.
 */

/** Things an article can be about (noun phrases). */
export const TOPICS = [
  'gate code', 'autopay enrollment', 'convenience fee', 'late fee', 'lien notice', 'protection plan',
  'tenant insurance certificate', 'climate-controlled unit', 'drive-up unit', 'parking space', 'RV space',
  'boat slip', 'moving truck rental', 'packing supplies order', 'online reservation', 'move-in special',
  'rate increase letter', 'partial payment', 'refund request', 'security deposit', 'military discount',
  'business account', 'delivery acceptance', 'access hours', 'keypad', 'overlock', 'unit transfer',
  'balance due', 'card on file', 'ACH payment', 'payment receipt', 'monthly statement', 'email address',
  'alternate contact', 'disc lock', 'unit size guide', 'tenant portal login', 'rental kiosk', 'chargeback',
  'returned check', 'tax exemption', 'prorated rent', 'administration fee', 'cleaning fee', 'lock cut fee',
  'waitlist', 'reservation hold', 'contents inventory', 'abandoned property', 'prohibited items',
  'pest control visit', 'water damage claim', 'power outlet request', 'vehicle title', 'wine storage locker',
  'document shredding', 'mailbox rental', 'referral credit', 'annual prepay discount', 'senior discount',
] as const;

export const ACTIONS = [
  'update', 'cancel', 'apply', 'waive', 'refund', 'reset', 'schedule', 'transfer', 'verify', 'explain',
  'escalate', 'document', 'reverse', 'extend', 'quote', 'reserve', 'approve', 'set up', 'remove', 'reprint',
] as const;

export const SYSTEMS = [
  'the PMS', 'the tenant portal', 'the payment screen', 'the ledger', 'the notes tab', 'the unit map',
  'the call queue', 'the kiosk console', 'the gate system', 'the reservations calendar', 'the billing report',
] as const;

export const ROLES = [
  'agent', 'team lead', 'store manager', 'district manager', 'billing specialist', 'collections team',
  'facilities coordinator', 'regional director', 'quality analyst',
] as const;

export const AMOUNTS = ['$5', '$10', '$15', '$20', '$25', '$29', '$35', '$45', '$60', '$75', '10%', '15%', '20%', 'one month of rent'] as const;

export const DURATIONS = ['one hour', '24 hours', '48 hours', '3 business days', '5 business days', '7 days', '10 days', '14 days', '30 days', 'the end of the billing cycle'] as const;

export const SITUATIONS = [
  'when the tenant is past due', 'for a business customer', 'after office hours', 'on a holiday weekend',
  'when the card on file is declined', 'if the customer is deployed overseas', 'while the unit is overlocked',
  'before the lien sale date', 'during a rate increase', 'for a brand-new move-in', 'when an alternate contact calls',
  'if the store manager is unavailable', 'after a storm closes the facility', 'when the tenant has passed away',
  'for a unit paid a year in advance', 'when the caller is not on the lease',
] as const;

export const PLACES = [
  'Texas', 'Florida', 'Arizona', 'Ohio', 'Georgia', 'Nevada', 'Colorado', 'Oregon', 'Michigan', 'Tennessee',
  'North Carolina', 'Virginia', 'Utah', 'Kansas', 'Alabama', 'Idaho', 'Missouri', 'Indiana', 'Iowa', 'Maine',
] as const;

export const TITLE_TEMPLATES = [
  'How to {action} a {topic}', '{Topic}: what agents need to know', '{Topic} {situation}', 'Handling {topic} requests',
  'Troubleshooting the {topic}', '{Topic} policy ({place} stores)', 'Explaining the {topic} to customers',
  'When to {action} the {topic}', '{Topic} questions from {role}s', 'Step-by-step: {action} the {topic}',
] as const;

export const HEADINGS = [
  'Overview', 'Before you start', 'Step by step', 'Who can approve it', 'Fees and timing', 'Common mistakes',
  'What to note on the account', 'Escalating the request', 'Exceptions', 'Related requests', 'Frequently asked questions',
  'If the system shows an error', 'State rules', 'What to tell the customer', 'After the call',
] as const;

/** Sentences that carry the article's subject. */
export const TOPIC_SENTENCES = [
  'To {action} the {topic}, open {system} and select the customer\u2019s unit.',
  'Only a {role} can approve a request to {action} the {topic} {situation}.',
  'The {topic} is charged at {amount} and shows on the next monthly statement.',
  'Changes to the {topic} can take up to {duration} to appear in {system}.',
  'Read the {topic} terms back to the caller before you {action} anything.',
  'If {system} shows an error, note the account and transfer the call to the {role}.',
  'Customers often ask about the {topic} {situation}; explain the policy before offering options.',
  'Do not promise to {action} the {topic} until you have checked the ledger.',
  'Record the reason in the notes tab, including the date and the amount of {amount}.',
  'A {role} reviews every request to {action} a {topic} within {duration}.',
  'The {topic} does not apply {situation}.',
  'Stores in {place} handle the {topic} differently, so check the store profile first.',
  'You can {action} the {topic} from {system} without a {role} if the balance is under {amount}.',
  'When the customer asks to {action} the {topic}, confirm the unit number and the name on the lease.',
  'The {topic} resets automatically after {duration} unless an agent changes it.',
] as const;

/** Sentences any article could contain. */
export const FILLER_SENTENCES = [
  'This keeps the account accurate for the next agent who reads it.',
  'Be patient and confirm each detail with the customer.',
  'Most calls about this are resolved in a few minutes.',
  'When in doubt, ask in the team chat before you act.',
  'Policies can differ by state, so check the store details first.',
  'Read the full note history before making changes.',
  'Thank the customer for their patience while you look into it.',
  'Let the caller know what happens next and when.',
  'Keep the conversation focused on what the customer needs today.',
  'This step protects both the customer and the company.',
  'Repeat the confirmation number slowly and spell out any letters.',
  'If the call drops, call the customer back from the account within ten minutes.',
  'Never share another tenant\u2019s details, even with family members.',
  'Screens may look slightly different at older locations.',
] as const;

/** Questions agents might type about the generated articles. */
export const QUESTION_TEMPLATES = [
  'how do i {action} the {topic} {situation}?',
  'ct wants to {action} their {topic}, who approves that',
  '{topic} {situation} what do I do',
  'can a {role} {action} a {topic}?',
  'how long does it take to {action} the {topic}',
  'where in {system} do I {action} the {topic}',
  'is there a fee to {action} a {topic} in {place}?',
  'customer asking about {topic}, is it really {amount}?',
] as const;
