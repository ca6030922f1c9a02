import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/features/accounts/accounts.schemas';
import { CARD_BYTE_LIMIT } from '../../src/features/accounts/cards/constants';
import { FIND_ACCOUNT_COMMAND_ID } from '../../src/features/accounts/find-extension/find-account.extension';
import { KB_SEARCH_COMMAND_ID } from '../../src/features/kb/kb.routes';
import { FuzzCase, RUNS, SEED, shorten } from './fuzz-case';
import { hostileValue, NASTY_STRINGS, overTheWire, USERS, type IdPools } from './payloads';
import { createRobustBot, type RobustBot, type TurnResult } from './robust-bot';

interface ManifestCommand {
  id: string;
  parameters?: { name: string }[];
}
const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../appPackage/manifest.json'), 'utf8')) as { composeExtensions: { commands: ManifestCommand[] }[] };
const COMMANDS = manifest.composeExtensions.flatMap((e) => e.commands);

/** What Teams shows for a search: a list of results, or a message. */
interface ExtensionAnswer {
  type?: string;
  text?: string;
  attachmentLayout?: string;
  attachments?: { contentType?: string; content?: unknown; preview?: { contentType?: string; content?: { title?: string; text?: string } } }[];
}

const CRASH_SIGNS = /\b(TypeError|ReferenceError|SyntaxError|RangeError|ZodError)\b|\n\s+at [\w.<>$]+ \(|node_modules|\.ts:\d+:\d+|\[object Object\]|\bundefined\b|\bNaN\b/;

/**
 * What is wrong with the answer to one search: not a 200 with a result list or a message, a result
 * without its card or preview, a card over the Teams limit, crash signs in what is shown, a full
 * account id in a result (only masked ids may be shown), an error, or any write.
 */
function answerProblems(result: TurnResult, payloadText: string, accountIds: string[]): string[] {
  const problems: string[] = [];
  const answer = (result.body as { composeExtension?: ExtensionAnswer } | undefined)?.composeExtension;
  if (result.status !== 200 || !answer) return [`answered ${result.status ?? 'nothing'}`];
  if (answer.type === 'message') {
    if (!answer.text?.trim()) problems.push('an empty message');
  } else if (answer.type === 'result') {
    if (answer.attachmentLayout !== 'list' || !Array.isArray(answer.attachments)) problems.push('a result without a list');
    for (const a of answer.attachments ?? []) {
      if (a.contentType !== 'application/vnd.microsoft.card.adaptive' || !a.content) problems.push('a result without its card');
      if (!a.preview?.content?.title) problems.push('a result without a preview title');
      const bytes = Buffer.byteLength(JSON.stringify(a.content), 'utf8');
      if (bytes >= CARD_BYTE_LIMIT) problems.push(`a result card of ${bytes} bytes`);
    }
    const json = JSON.stringify(answer);
    const leaked = accountIds.find((id) => new RegExp(`(^|\\D)${id}(\\D|$)`).test(json));
    if (leaked) problems.push(`a result shows the full account id ${leaked}`);
  } else {
    problems.push(`answered type ${String(answer.type)}`);
  }
  const shown = JSON.stringify(answer);
  const crash = CRASH_SIGNS.exec(shown);
  if (crash && !payloadText.includes(crash[0])) problems.push(`shows "${crash[0]}"`);
  if (result.outcome === 'error' || result.errors.length) problems.push(`unexpected error: ${result.errors.map((e) => (e.err as { message?: string } | undefined)?.message ?? e.msg).join('; ')}`);
  const writes = result.writes.filter((w) => w.container !== 'conversations');
  if (writes.length) problems.push(`a search wrote ${writes.map((w) => w.container).join(', ')}`);
  return problems;
}

/**
 * Both search commands of the manifest, queried RUNS times each with generated parameters (hostile
 * names and values, wrong types, missing query, odd paging options) and RUNS times with search text an
 * agent could type (phones, emails, units, names and ids of real accounts, mixed with injection and
 * Unicode): each must answer 200 with a result list or a message, never crash, never write.
 */
describe('fuzzing the message-extension commands (real bot, embedded Cosmos, demo data)', () => {
  let bot: RobustBot;
  let pools: IdPools;
  let accountIds: string[];
  let realQueries: string[];
  const started = Date.now();
  let searches = 0;

  beforeAll(async () => {
    bot = await createRobustBot();
    const accounts = (await bot.store.containers.accounts.items.query<Account>('SELECT * FROM c').fetchAll()).resources;
    accountIds = accounts.map((a) => a.id);
    const people = (await bot.store.containers.people.items.query<{ id: string }>('SELECT c.id FROM c').fetchAll()).resources.map((p) => p.id);
    pools = { accountIds: accountIds.slice(0, 30), peopleIds: people, otherIds: [] };
    realQueries = accounts.slice(0, 40).flatMap((a) => [a.id, `${a.firstName} ${a.lastName}`, a.lastName, a.phones[0]?.number ?? '', a.emails[0]?.address ?? '', a.units[0] ? `${a.locationId} ${a.units[0].id}` : '']).filter(Boolean);
  }, 120_000);
  afterAll(async () => {
    // eslint-disable-next-line no-console
    console.info(`fuzz-extensions: ${searches} searches in ${Date.now() - started} ms`);
    await bot?.close();
  });

  const search = (value: unknown, c: FuzzCase) => {
    searches += 1;
    return bot.turn(c.sender, { type: 'invoke', name: 'composeExtension/query', value });
  };

  it('fuzzes the commands the manifest declares, which are the ones the bot registers', () => {
    expect(COMMANDS.map((c) => c.id).sort()).toEqual([FIND_ACCOUNT_COMMAND_ID, KB_SEARCH_COMMAND_ID].sort());
  });

  it.each(COMMANDS.map((c) => c.id))('%s: generated parameters get a result list or a message', async (commandId) => {
    const names = COMMANDS.find((c) => c.id === commandId)!.parameters?.map((p) => p.name) ?? ['query'];
    const value = hostileValue(pools);
    const parameter = fc.record({ name: fc.oneof(fc.constantFrom(...names), fc.constantFrom(...NASTY_STRINGS.slice(0, 12)), fc.string({ maxLength: 10 })), value }, { requiredKeys: ['name'] });
    const query = fc.record(
      {
        parameters: fc.array(parameter, { maxLength: 3 }),
        queryOptions: fc.record({ skip: fc.oneof(fc.nat(100), value), count: fc.oneof(fc.nat(100), value) }, { requiredKeys: [] }),
        state: value,
      },
      { requiredKeys: [] },
    );
    const caseArb = fc.tuple(fc.constantFrom(...USERS), query).map(([user, q]) => new FuzzCase(user, overTheWire({ commandId, ...q })));
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const problems = answerProblems(await search(c.payload, c), JSON.stringify(c.payload), accountIds);
        if (problems.length) throw new Error(problems.join('\n'));
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(COMMANDS.map((c) => c.id))('%s: search text an agent could type, real or nasty, gets a result list or a message', async (commandId) => {
    const typed = fc.oneof(
      fc.constantFrom(...realQueries),
      fc.constantFrom(...NASTY_STRINGS),
      fc.tuple(fc.constantFrom(...realQueries), fc.constantFrom(...NASTY_STRINGS)).map(([a, b]) => `${a} ${b}`),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
    );
    const caseArb = fc.tuple(fc.constantFrom(...USERS), typed).map(([user, text]) => new FuzzCase(user, overTheWire({ commandId, parameters: [{ name: 'query', value: text }], queryOptions: { skip: 0, count: 25 } })));
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const problems = answerProblems(await search(c.payload, c), JSON.stringify(c.payload), accountIds);
        if (problems.length) throw new Error(problems.join('\n'));
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it('finds real accounts by what an agent types (the fuzz reaches the search, not only the refusals)', async () => {
    const result = await search({ commandId: FIND_ACCOUNT_COMMAND_ID, parameters: [{ name: 'query', value: realQueries[3] }] }, new FuzzCase('agent', null));
    const answer = (result.body as { composeExtension: ExtensionAnswer }).composeExtension;
    expect(answer.type).toBe('result');
    expect(answer.attachments!.length).toBeGreaterThan(0);
  });

  const BROKEN_ENVELOPES: [string, unknown][] = [
    ['parameters is a string', { commandId: FIND_ACCOUNT_COMMAND_ID, parameters: 'query=5035550134' }],
    ['parameters is an object', { commandId: KB_SEARCH_COMMAND_ID, parameters: { name: 'query', value: 'gate' } }],
    ['a parameter is null', { commandId: FIND_ACCOUNT_COMMAND_ID, parameters: [null] }],
    ['an unknown command id', { commandId: 'deleteEverything', parameters: [{ name: 'query', value: 'x' }] }],
    ['no command id', { parameters: [{ name: 'query', value: 'x' }] }],
  ];

  it('odd but array-shaped parameters (numbers, no name, none at all, no value) get a message', async () => {
    const odd: unknown[] = [[7], [{ value: 'gate' }], [], [{ name: 'query' }], [{ name: 'query', value: null }], [{ name: 'query', value: ['gate', 'code'] }]];
    for (const commandId of COMMANDS.map((c) => c.id)) {
      for (const parameters of odd) {
        const value = { commandId, parameters };
        expect(answerProblems(await search(value, new FuzzCase('agent', value)), '', accountIds), shorten(value)).toEqual([]);
      }
    }
  });

  it('a broken query envelope changes nothing and the bot keeps answering', async () => {
    for (const [label, value] of BROKEN_ENVELOPES) {
      const result = await search(value, new FuzzCase('agent', value));
      expect(result.writes.filter((w) => w.container !== 'conversations'), label).toEqual([]);
      expect(result.messages, label).toEqual([]);
    }
    const help = await bot.say('help');
    expect(JSON.stringify(help.messages)).toContain('What Deskmate can do');
  });

  // teams-ai flattens `parameters` before calling the handler and throws on parameters that are not a
  // list of objects, and leaves unknown command ids unrouted (the adapter would answer 501): the
  // envelope is checked before teams-ai (useExtensionEnvelopeCheck) and answered with a message.
  it.each(BROKEN_ENVELOPES)('%s gets a message', async (_label, value) => {
    const result = await search(value, new FuzzCase('agent', value));
    expect(answerProblems(result, '', accountIds), shorten(value)).toEqual([]);
  });
});
