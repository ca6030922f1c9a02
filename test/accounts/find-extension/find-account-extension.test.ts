import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { FIND_ACCOUNT_COMMAND_ID, FIND_ACCOUNT_MAX_RESULTS, FIND_ACCOUNT_ROUTE } from '../../../src/features/accounts/find-extension/find-account.extension';
import { matchesName, nameTokens } from '../../../src/features/accounts/name-match';
import type { Account } from '../../../src/features/accounts/accounts.schemas';
import { visibleText } from '../../helpers/bot-harness';
import { demoData } from '../seeded-store';
import { createFindAccountHarness, type Caller, type SearchResult } from './harness';

const data = demoData();
const locationName = new Map(data.locations.map((l) => [l.id, l.name]));
const single = data.lookups.find((l) => l.key.startsWith('phone:') && l.accountIds.length === 1)!;
const phoneOwner = data.accounts.find((a) => a.id === single.accountIds[0])!;

/** Accounts the name search finds without typos (every word starts a word of the name). */
const nameMatches = (text: string) => data.accounts.filter((a) => matchesName(nameTokens(text), a.searchName, 0));
const lastNameCounts = new Map<string, number>();
for (const a of data.accounts) lastNameCounts.set(a.lastName, (lastNameCounts.get(a.lastName) ?? 0) + 1);
/** A plain last name (one word, no word of another name starts with it) held by 3-9 accounts. */
const fewName = [...lastNameCounts].find(([name, n]) => /^[A-Za-z]+$/.test(name) && n >= 3 && n < FIND_ACCOUNT_MAX_RESULTS && nameMatches(name).length === n)![0];
/** A last name held by more accounts than one search returns. */
const manyName = [...lastNameCounts].find(([name, n]) => /^[A-Za-z]+$/.test(name) && n > FIND_ACCOUNT_MAX_RESULTS)![0];

const maskedId = (a: Account) => `ID •••${a.id.slice(-3)}`;
const label = (a: Account) => `${a.firstName} ${a.lastName} | ${maskedId(a)}`;
const queryParams = (value: string) => [{ name: 'query', value }];

describe('the "Find an account" message extension (real Application, demo data)', () => {
  let bot: Awaited<ReturnType<typeof createFindAccountHarness>>;
  beforeAll(async () => {
    bot = await createFindAccountHarness();
  }, 120_000);
  afterAll(async () => bot?.close());
  beforeEach(() => Object.assign(bot.counts, { queries: 0, pointReads: 0 }));

  async function search(parameters: { name: string; value: unknown }[] | undefined, user: Caller = 'agent', queryOptions?: { skip: number; count: number }): Promise<SearchResult> {
    const out = await bot.invoke({ commandId: FIND_ACCOUNT_COMMAND_ID, ...(parameters ? { parameters } : {}), ...(queryOptions ? { queryOptions } : {}) }, user);
    const responses = out.filter((a) => a.type === 'invokeResponse');
    expect(responses).toHaveLength(1);
    const value = responses[0]!.value as { status: number; body: { composeExtension: SearchResult } };
    expect(value.status).toBe(200);
    // A search never posts into the chat.
    expect(out.filter((a) => a.type === 'message')).toEqual([]);
    return value.body.composeExtension;
  }

  const shown = (result: SearchResult) => (result.attachments ?? []).map((a) => visibleText([{ attachments: [a] } as Partial<Activity>]));
  /** "First Last | ID •••123" from each preview. */
  const previews = (result: SearchResult) => (result.attachments ?? []).map((a) => `${a.preview!.content.title} | ${/ID •••\d{3}/.exec(a.preview!.content.text)?.[0]}`);

  it('finds the account by a formatted phone number: one compact card with a thumbnail preview, masked id only', async () => {
    const digits = phoneOwner.phones.find((p) => p.number === single.key.slice('phone:'.length))!.number;
    const result = await search(queryParams(`(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`));
    expect(result.type).toBe('result');
    expect(result.attachmentLayout).toBe('list');
    expect(result.attachments).toHaveLength(1);
    const [attachment] = result.attachments!;
    expect(attachment!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment!.preview!.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    expect(attachment!.preview!.content.title).toBe(`${phoneOwner.firstName} ${phoneOwner.lastName}`);
    const preview = attachment!.preview!.content.text;
    expect(preview).toContain(maskedId(phoneOwner));
    expect(preview).toContain(phoneOwner.status);
    expect(preview).toContain(locationName.get(phoneOwner.locationId)!);
    const card = shown(result)[0]!;
    expect(card).toContain(`${phoneOwner.firstName} ${phoneOwner.lastName}`);
    expect(card).toContain(maskedId(phoneOwner));
    expect(card).toContain(`Location: ${locationName.get(phoneOwner.locationId)!}`);
    // Not in the card, the preview or anywhere else in the answer.
    expect(JSON.stringify(result)).not.toContain(phoneOwner.id);
    // The lookup and the account are point reads; no query.
    expect(bot.counts.queries).toBe(0);
  });

  it(`finds every account with a last name ("${fewName}"), each with its own card and preview`, async () => {
    const expected = nameMatches(fewName);
    const result = await search(queryParams(fewName.toLowerCase()));
    expect(result.type).toBe('result');
    expect(previews(result).sort()).toEqual(expected.map(label).sort());
    for (const card of shown(result)) expect(card).toContain(fewName);
    for (const account of expected) expect(JSON.stringify(result)).not.toContain(account.id);
  });

  it(`returns at most ${FIND_ACCOUNT_MAX_RESULTS} accounts for a common name ("${manyName}")`, async () => {
    const result = await search(queryParams(manyName));
    expect(result.type).toBe('result');
    expect(result.attachments).toHaveLength(FIND_ACCOUNT_MAX_RESULTS);
    const known = new Set(nameMatches(manyName).map(label));
    for (const line of previews(result)) expect(known).toContain(line);
  });

  it('finds a full name with one typo', async () => {
    const sameName = (a: Account) => data.accounts.filter((b) => b.searchName === a.searchName).length;
    const account = data.accounts.find((a) => /^[A-Za-z]+$/.test(a.firstName) && /^[A-Za-z]{6,}$/.test(a.lastName) && a.lastName[3] !== a.lastName[4] && sameName(a) === 1)!;
    const last = account.lastName;
    const typo = `${account.firstName} ${last.slice(0, 3)}${last[4]}${last[3]}${last.slice(5)}`;
    const result = await search(queryParams(typo));
    expect(result.type).toBe('result');
    expect(previews(result)).toContain(label(account));
  });

  it('tells an unknown user they are not set up, and reads no account', async () => {
    const result = await search(queryParams(phoneOwner.phones[0]!.number), { id: 'aad-nobody', name: 'Nobody' });
    expect(result.type).toBe('message');
    expect(result.text).toContain('not set up in Deskmate');
    expect(result.attachments ?? []).toEqual([]);
    expect(bot.counts).toEqual({ queries: 0, pointReads: 0 });
  });

  it('refuses an inactive person and a role without account access; mentors may search', async () => {
    const phone = phoneOwner.phones[0]!.number;
    expect((await search(queryParams(phone), 'inactive')).text).toContain('not set up in Deskmate');
    const refused = await search(queryParams(phone), 'locationUser');
    expect(refused.type).toBe('message');
    expect(refused.text).toContain('Your role does not allow this');
    expect(bot.counts).toEqual({ queries: 0, pointReads: 0 });
    expect((await search(queryParams(phone), 'mentor')).attachments).toHaveLength(1);
  });

  it('asks for a phone, email, unit, id or name when the query is empty, blank or missing', async () => {
    for (const parameters of [queryParams(''), queryParams('   '), undefined, []]) {
      const result = await search(parameters);
      expect(result.type).toBe('message');
      expect(result.text).toMatch(/phone number, email, unit .*account id or name/);
    }
    expect(bot.counts).toEqual({ queries: 0, pointReads: 0 });
  });

  it('gives the same help for text that is no kind of account search', async () => {
    for (const text of ['??? 42 !!', 'call 503 back', '12345', 'x']) {
      const result = await search(queryParams(text));
      expect(result.type, text).toBe('message');
      expect(result.text).toMatch(/phone number, email, unit .*account id or name/);
    }
    const notText = await search([{ name: 'query', value: 5035550134 }]);
    expect(notText.text).toMatch(/phone number, email, unit .*account id or name/);
    expect(bot.counts).toEqual({ queries: 0, pointReads: 0 });
  });

  it('refuses a query over 120 characters without searching, and takes one of exactly 120', async () => {
    const long = `${'Tremblay '.repeat(14)}Bouchard`;
    expect(long.length).toBe(134);
    const refused = await search(queryParams(`  ${long}  `));
    expect(refused.type).toBe('message');
    expect(refused.text).toContain('134 characters');
    expect(refused.text).toContain('120 or fewer');
    expect(bot.counts).toEqual({ queries: 0, pointReads: 0 });

    const limit = `Zzyzx ${'q'.repeat(114)}`;
    expect(limit.length).toBe(120);
    const taken = await search(queryParams(limit));
    expect(taken.type).toBe('message');
    expect(taken.text).toContain('No account found');
    expect(bot.counts.queries).toBeGreaterThan(0);
  });

  it('says so when nothing matches', async () => {
    const result = await search(queryParams('nobody@example.invalid'));
    expect(result.type).toBe('message');
    expect(result.text).toContain('No account found for "nobody@example.invalid"');
  });

  it('answers a request for more rows (Teams scrolling) with no results instead of repeating the first ones', async () => {
    const result = await search(queryParams(manyName), 'agent', { skip: 25, count: 25 });
    expect(result).toEqual({ type: 'result', attachmentLayout: 'list', attachments: [] });
  });

  it('logs the route, never what was searched', async () => {
    const before = bot.logs.length;
    const phone = phoneOwner.phones[0]!.number;
    await search(queryParams(phone));
    const lines = bot.logs.slice(before);
    expect(lines.some((l) => l.msg === 'turn' && l.route === FIND_ACCOUNT_ROUTE && l.outcome === 'ok')).toBe(true);
    expect(JSON.stringify(lines)).not.toContain(phone);
  });
});
