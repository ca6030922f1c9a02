import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSamples, type Samples } from './card-samples';
import { FuzzCase, isRecord, RUNS, SEED, shorten } from './fuzz-case';
import { payloadFor, USERS } from './payloads';
import { createRobustBot, type FuzzUser, type RobustBot } from './robust-bot';
import { documentCounts, invalidDocuments, shownText, turnProblems } from './turn-checks';
import { ALL_VERBS, declaredVerbConstants, literalVerbs, STALE_VERBS, SUBMIT_ONLY, UNROUTED_EXECUTE_VERBS, VERB_CONSTANTS } from './verb-catalogue';

/** The header finding pinned by the FINDING tests below: the fuzz counts it and goes on, so it still catches anything new. */

/**
 * Every card verb, pressed RUNS times each way it can come (Action.Execute invoke, Action.Submit
 * message) with generated payloads: real card payloads with fields dropped or replaced, the right
 * fields with wrong types, 100 KB strings, Unicode, markup, query injection, other people's ids, or
 * no object at all; by agents, mentors, admins, an inactive person and a stranger. Each press must
 * get a clear card, show no crash, write nothing when it says nothing was saved, and store only
 * documents that pass their schemas; the bot must still answer "help" after each verb.
 */
describe('fuzzing every card verb (real bot, embedded Cosmos, demo data)', () => {
  let bot: RobustBot;
  let samples: Samples;
  const started = Date.now();
  const pressed = new Map<string, number>();

  beforeAll(async () => {
    bot = await createRobustBot();
    samples = await collectSamples(bot);
  }, 120_000);
  afterAll(async () => {
    // eslint-disable-next-line no-console
    console.info(`fuzz-card-verbs: ${[...pressed.values()].reduce((a, b) => a + b, 0)} presses over ${pressed.size} verb/way pairs in ${Date.now() - started} ms`);
    await bot?.close();
  });

  it('knows every *_VERBS constant in src and every verb written as a literal', () => {
    expect(declaredVerbConstants().sort()).toEqual(Object.keys(VERB_CONSTANTS).sort());
    expect(literalVerbs().filter((v) => !ALL_VERBS.includes(v))).toEqual([]);
  });

  it('has a payload from a real card for every verb (three need a second page, so theirs carry a real continuation token)', () => {
    expect(ALL_VERBS.filter((verb) => !samples.byVerb.get(verb)?.length)).toEqual([]);
  });

  // These findings run before the fuzzing below, which may retire or change what their payloads point at.

  // Fixed: an Action.Execute whose verb no route takes (the Submit-only list-card and "Ask a mentor" verbs,
  // made-up verbs, no prefix at all) used to go unanswered (501); the fallback now answers "out of date".
  it.each(UNROUTED_EXECUTE_VERBS)('Action.Execute "%s" (no route takes it) gets a clear card', async (verb) => {
    const result = await bot.execute(verb, { accountId: samples.accountIds[0] }, 'agent');
    expect(turnProblems(result, 'execute', '')).toEqual([]);
  });

  // Fixed (headerToken in src/shared/schema-parts.ts): a continuation token or etag from the card goes into an HTTP
  // header of the Cosmos request (x-ms-continuation, If-Match); it used to be unchecked; one with a character a header cannot carry (e.g. U+202E) makes
  // Node throw "Invalid character in header content", so a forged or damaged card gets the generic "Something
  // went wrong on our side" card (and an error log line) instead of "out of date". Nothing is written. The
  // property below used to meet it now and then past 25 runs (FUZZ_RUNS=300).
  const HEADER_CASES: [string, string, FuzzUser][] = [
    ['account.moreNotes', 'continuation', 'agent'],
    ['task.more', 'continuation', 'admin'],
    ['escalation.more', 'continuation', 'mentor'],
    ['mentorAnswer.save', 'etag', 'mentor'],
    ['quick.save', 'etag', 'mentor'],
  ];
  it.each(HEADER_CASES)('%s whose %s holds a character no HTTP header can carry gets a clear card, not the generic error', async (verb, key, user) => {
    const result = await bot.execute(verb, { ...samples.byVerb.get(verb)![0], [key]: '\u202Eevil' }, user);
    expect(result.writes.filter((w) => w.container !== 'conversations')).toEqual([]);
    expect(turnProblems(result, 'execute', '')).toEqual([]);
  });

  const cases = [...ALL_VERBS, ...STALE_VERBS].flatMap((verb) => [
    ...(SUBMIT_ONLY.has(verb) ? [] : [{ verb, kind: 'execute' as const }]),
    // The contact verbs have no Action.Submit route: such a message meets the fallback's clear card.
    { verb, kind: 'submit' as const },
  ]);

  it.each(cases)('$verb as $kind: a clear card for every generated payload, nothing half-written', async ({ verb, kind }) => {
    const isStale = STALE_VERBS.includes(verb);
    const before = isStale ? await documentCounts(bot.store) : undefined;
    const pressCase = fc.tuple(fc.constantFrom(...USERS), payloadFor(samples.byVerb.get(verb) ?? [], samples)).map(([user, payload]) => new FuzzCase(user, payload));
    await fc.assert(
      fc.asyncProperty(pressCase, async (c) => {
        const result = kind === 'execute' ? await bot.execute(verb, c.payload, c.sender) : await bot.submit(isRecord(c.payload) ? { ...c.payload, verb } : { verb, value: c.payload }, c.sender);
        pressed.set(`${verb}/${kind}`, (pressed.get(`${verb}/${kind}`) ?? 0) + 1);
        const problems = turnProblems(result, kind, JSON.stringify(c.payload) ?? '', c.senderId);
        if (problems.length) throw new Error(`${problems.join('\n')}\nshown: ${shorten(shownText(result), 300)}`);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // A payload under a made-up verb can never be valid: not one document more or less anywhere.
    if (before) expect({ ...(await documentCounts(bot.store)), conversations: 0 }).toEqual({ ...before, conversations: 0 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const help = await bot.say('help');
    expect(shownText(help)).toContain('What Deskmate can do');
  });

  it('every document in the store still passes its schema after all the presses', async () => {
    expect(await invalidDocuments(bot.store)).toEqual([]);
  });

  // Note: a message whose value is null trips teams-ai's own Action.Submit route selector (`a?.value[filter]`
  // throws a TypeError), so installMiddleware's onTurnError answers with its generic "Something went wrong on our
  // side and nothing was changed" and logs an unhandled turn error. Teams never sends that; the reply is still clear.
  it('a forged Action.Submit envelope (value null, a string, an array, a number, no verb) gets a reply and changes nothing', async () => {
    for (const value of [null, 'note.submit', ['note.submit'], 42, { accountId: samples.accountIds[0] }, { verb: 42 }, { verb: { $ne: null } }]) {
      const result = await bot.submit(value, 'agent');
      expect(result.messages.length, shorten(value)).toBeGreaterThan(0);
      expect(result.writes.filter((w) => w.container !== 'conversations'), shorten(value)).toEqual([]);
      expect(shownText(result)).not.toMatch(/TypeError|Cannot read/);
    }
  });

  it('a forged Action.Execute envelope (no action, wrong action type, non-string verb) changes nothing and the bot keeps answering', async () => {
    const envelopes: unknown[] = [null, 'x', [], {}, { action: null }, { action: { type: 'Action.Submit', verb: 'note.submit', data: {} } }, { action: { type: 'Action.Execute', verb: 42, data: {} } }, { action: { type: 'Action.Execute', verb: ['note.open'] } }, { action: { type: 'Action.Execute', verb: { $regex: '.*' } } }];
    for (const value of envelopes) {
      const result = await bot.turn('agent', { type: 'invoke', name: 'adaptiveCard/action', value });
      expect(result.writes.filter((w) => w.container !== 'conversations'), shorten(value)).toEqual([]);
      expect(result.messages).toEqual([]);
    }
    expect(shownText(await bot.say('help'))).toContain('What Deskmate can do');
  });

});
