/** Container names, used by every store module and by the creation step. */
export const CONTAINERS = {
  accounts: 'accounts',
  lookups: 'lookups',
  notes: 'notes',
  tasks: 'tasks',
  escalations: 'escalations',
  people: 'people',
  locations: 'locations',
  conversations: 'conversations',
  kbfeedback: 'kbfeedback',
  botstate: 'botstate',
  quickresponses: 'quickresponses',
  kbentries: 'kbentries',
} as const;

export type ContainerName = (typeof CONTAINERS)[keyof typeof CONTAINERS];

/** The partition key path of each container (DESIGN.md, Data). */
export const PARTITION_KEYS: Record<ContainerName, string> = {
  accounts: '/id',
  lookups: '/key',
  notes: '/accountId',
  tasks: '/accountId',
  escalations: '/accountId',
  people: '/id',
  locations: '/id',
  conversations: '/id',
  kbfeedback: '/day',
  botstate: '/id',
  /** Ready-made note texts that mentors manage (not in DESIGN.md's table: added with the notes issue). */
  quickresponses: '/id',
  /** Mentor answers captured into the KB ("Add to KB"), indexed with the articles (not in DESIGN.md's table: added with the "Knowledge captured" issue). */
  kbentries: '/id',
};
