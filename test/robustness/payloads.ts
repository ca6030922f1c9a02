import fc from 'fast-check';

/** About 100 KB: far past every field limit and Teams' 40 KB card limit. */
export const HUGE = 100_000;

/** Strings that break naive code: markup, query injection, template syntax, odd Unicode, sizes, numbers as text. */
export const NASTY_STRINGS: string[] = [
  '<script>alert("deskmate")</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE c; --",
  "1' OR '1'='1",
  'SELECT * FROM c WHERE 1=1',
  '{"$where":"sleep(5000) || true"}',
  '${{TEAMS_APP_ID}}',
  '{{$temp.input}}',
  '../../etc/passwd',
  '\u202Emoc.elpmaxe@live',
  'مرحبا، أريد إلغاء الوحدة',
  'שלום עולם',
  '👩‍👩‍👧‍👦🔥💥🧨',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '\u0000',
  '\uFEFF\u200B\u200D',
  '\uD800',
  '',
  ' ',
  '  \n\t  ',
  '__proto__',
  'constructor',
  '-1',
  '0',
  '99999999999999999999',
  '1e308',
  '2026-02-30',
  '9999-12-31T23:59:59Z',
  '5035550134',
  'a@b',
  `${'x'.repeat(250)}@example.com`,
  'A'.repeat(HUGE),
  '💥'.repeat(HUGE / 2),
  '<script>'.repeat(HUGE / 8),
];

/** Property names that claim to say who did something, or poke at object internals. */
export const SPOOF_KEYS = ['author', 'createdBy', 'requestedBy', 'decidedBy', 'updatedBy', 'mentor', 'userId', 'aadObjectId', 'from', 'id', '_etag', 'etag', 'submissionId', 'accountId', 'verb', 'constructor'];

/** Real ids (accounts, other people, their notes, tasks and requests) to mix into what is generated. */
export interface IdPools {
  accountIds: string[];
  peopleIds: string[];
  otherIds: string[];
}

/** One generated value: a string, number, boolean, null, array or object, anything a forged card could carry. */
export function hostileValue(pools: IdPools): fc.Arbitrary<unknown> {
  const ids = [...pools.accountIds, ...pools.peopleIds, ...pools.otherIds];
  const scalar = fc.oneof(
    { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 4 },
    { arbitrary: fc.constantFrom(...ids), weight: 3 },
    { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 1 },
    { arbitrary: fc.uuid(), weight: 1 },
    { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308)), weight: 2 },
    { arbitrary: fc.boolean(), weight: 1 },
    { arbitrary: fc.constant(null), weight: 1 },
  );
  const special = fc.constantFrom<unknown>(
    { $where: 'this.active == true' },
    { $ne: null },
    { $gt: '' },
    JSON.parse('{"__proto__":{"polluted":"yes"}}'),
    { constructor: { prototype: { polluted: 'yes' } } },
    ...pools.peopleIds.slice(0, 5).map((id) => ({ id, name: 'Someone Else' })),
    ['<script>alert(1)</script>'],
    [],
    {},
  );
  const { value } = fc.letrec<{ value: unknown; array: unknown[]; object: Record<string, unknown> }>((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, { arbitrary: scalar, weight: 6 }, { arbitrary: special, weight: 1 }, { arbitrary: tie('array'), weight: 1 }, { arbitrary: tie('object'), weight: 1 }),
    array: fc.array(tie('value'), { maxLength: 4 }),
    object: fc.dictionary(fc.oneof(fc.constantFrom(...SPOOF_KEYS), fc.string({ maxLength: 12 })), tie('value'), { maxKeys: 4 }),
  }));
  return value;
}

/** A change to a real card's payload: drop a field, or set it (or a new one) to something hostile. */
interface Mutation {
  key: string;
  drop: boolean;
  value: unknown;
}

/**
 * Payloads for one verb, built from what its real cards send (`samples`): a real payload with fields
 * dropped or replaced, the right field names with hostile values (any of them missing), or anything at
 * all (a string, an array, null). Each goes through JSON, as it does on the wire.
 */
export function payloadFor(samples: Record<string, unknown>[], pools: IdPools): fc.Arbitrary<unknown> {
  const value = hostileValue(pools);
  const keys = [...new Set([...samples.flatMap((s) => Object.keys(s)), ...SPOOF_KEYS])];
  const base = samples.length ? fc.constantFrom(...samples) : fc.constant<Record<string, unknown>>({});
  const mutation: fc.Arbitrary<Mutation> = fc.record({ key: fc.constantFrom(...keys), drop: fc.boolean(), value });
  const mutated = fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([sample, changes]) => {
    const out: Record<string, unknown> = { ...sample };
    for (const change of changes) {
      if (change.drop) delete out[change.key];
      else out[change.key] = change.value;
    }
    return out;
  });
  const sameKeys = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });
  return fc.oneof({ arbitrary: mutated, weight: 3 }, { arbitrary: sameKeys, weight: 2 }, { arbitrary: value, weight: 1 }).map(overTheWire);
}

/** What survives JSON: no undefined, NaN and Infinity as null, own `__proto__` keys kept as data. */
export function overTheWire(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
}

/** Which Teams user presses: mostly people with roles, sometimes an inactive or unknown one. */
export const USERS = ['agent', 'agent', 'mentor', 'admin', 'inactive', 'stranger'] as const;
export type UserKey = (typeof USERS)[number];
