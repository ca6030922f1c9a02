import { join } from 'node:path';
import type { Container } from '@azure/cosmos';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/features/accounts/accounts.schemas';
import { NOTE_VERBS } from '../../src/features/notes/form/note-form.schemas';
import type { Note } from '../../src/features/notes/notes.schemas';
import { actionsOf } from '../accounts/verify/card-helpers';
import { tempDir } from '../helpers/temp-dir';
import { GOOD_NOTE } from '../notes/note-harness';
import { cardsOf, inputsOf } from './card-samples';
import { createRobustBot, type RobustBot, type TurnResult } from './robust-bot';
import { openGatedStore, type GatedStore } from './store-gate';
import { shownText, turnProblems } from './turn-checks';

/** Teams gives an invoke about 5 s; a store that is down must not make the answer later than that. */
const INVOKE_LIMIT_MS = 5000;

/**
 * The store fails while an agent saves a note: the embedded Cosmos server is really stopped (it saves
 * its data file and closes) and later started again from that file, behind a test gate that keeps the
 * client's endpoint (see store-gate.ts). The bot is the real one, over the real SDK.
 */
describe('the store fails mid-turn while a note is saved (embedded server stopped, then started again)', () => {
  const dir = tempDir('deskmate-store-fault-');
  let gated: GatedStore;
  let bot: RobustBot;
  let customers: Account[];
  const taken = new Set<string>();
  /** When set, the embedded server is stopped just before the bot's next note write number `skip` (0: the next one). */
  let stopBeforeNoteWrite: { skip: number } | undefined;

  beforeAll(async () => {
    gated = await openGatedStore({ dataFile: join(dir.path, 'cosmos.json'), database: 'store-fault' });
    const notes = stoppingBeforeCreate(gated.store.containers.notes, async () => {
      if (!stopBeforeNoteWrite) return;
      if (stopBeforeNoteWrite.skip-- > 0) return;
      stopBeforeNoteWrite = undefined;
      await gated.stop();
    });
    bot = await createRobustBot({ store: { ...gated.store, containers: { ...gated.store.containers, notes } } });
    customers = (await gated.store.containers.accounts.items.query<Account>('SELECT * FROM c WHERE c.kind = "customer"').fetchAll()).resources;
  }, 120_000);
  afterEach(async () => {
    stopBeforeNoteWrite = undefined;
    if (!gated.running) await gated.start();
  });
  afterAll(async () => {
    await bot?.close();
    dir.remove();
  });

  function take(units: number): Account {
    const account = customers.find((a) => !taken.has(a.id) && a.units.length === units)!;
    taken.add(account.id);
    return account;
  }

  /** Opens the note form for the account and fills it in: what "Check and save" sends. */
  async function filledForm(account: Account): Promise<{ submit: Record<string, unknown>; submissionId: string }> {
    const [form] = cardsOf(await bot.execute(NOTE_VERBS.open, { accountId: account.id }));
    const save = actionsOf(form).find((a) => a.type === 'Action.Execute' && a.verb === NOTE_VERBS.submit)!;
    const submit = { ...inputsOf(form), ...save.data, ...GOOD_NOTE, units: inputsOf(form).units };
    return { submit, submissionId: String(save.data!.submissionId) };
  }

  async function notesOf(accountId: string, submissionId: string): Promise<Note[]> {
    const query = { query: 'SELECT * FROM c WHERE c.accountId = @a', parameters: [{ name: '@a', value: accountId }] };
    const { resources } = await gated.store.containers.notes.items.query<Note>(query, { partitionKey: accountId }).fetchAll();
    return resources.filter((n) => n.id === submissionId || n.id.startsWith(`${submissionId}:`));
  }

  async function press(submit: Record<string, unknown>): Promise<{ result: TurnResult; ms: number }> {
    const started = Date.now();
    const result = await bot.execute(NOTE_VERBS.submit, submit, 'agent');
    return { result, ms: Date.now() - started };
  }

  /** What the agent sees when the save failed: a card in time, "try again", no crash, and the turn logged as an error. */
  function expectTryAgainCard({ result, ms }: { result: TurnResult; ms: number }): void {
    expect(ms).toBeLessThan(INVOKE_LIMIT_MS);
    expect(result.status).toBe(200);
    expect((result.body as { type: string }).type).toBe('application/vnd.microsoft.card.adaptive');
    expect(shownText(result)).toMatch(/try again/i);
    expect(shownText(result)).not.toMatch(/ECONNREFUSED|TypeError|Cosmos|socket|127\.0\.0\.1/i);
    expect(result.outcome).toBe('error');
  }

  it('the store down for the whole press: a "try again" card in time, nothing saved; once it is back the same press saves the note exactly once', async () => {
    const account = take(1);
    const { submit, submissionId } = await filledForm(account);
    await gated.stop();
    const failed = await press(submit);
    expectTryAgainCard(failed);
    await gated.start();
    expect(await notesOf(account.id, submissionId)).toEqual([]);

    const saved = await press(submit);
    expect(turnProblems(saved.result, 'execute', '')).toEqual([]);
    expect(shownText(saved.result)).toContain('Note saved');
    const again = await press(submit);
    expect(shownText(again.result)).toMatch(/already saved/i);
    const notes = await notesOf(account.id, submissionId);
    expect(notes.map((n) => n.reason)).toEqual([GOOD_NOTE.reason]);
    expect(shownText(await bot.say('help'))).toContain('What Deskmate can do');
  });

  it('the store stops after the account was read, just before the note is written: a "try again" card, nothing saved; the retry saves it exactly once', async () => {
    const account = take(1);
    const { submit, submissionId } = await filledForm(account);
    stopBeforeNoteWrite = { skip: 0 };
    const failed = await press(submit);
    expect(stopBeforeNoteWrite).toBeUndefined();
    expectTryAgainCard(failed);
    await gated.start();
    expect(await notesOf(account.id, submissionId)).toEqual([]);

    expect(shownText((await press(submit)).result)).toContain('Note saved');
    expect(shownText((await press(submit)).result)).toMatch(/already saved/i);
    expect(await notesOf(account.id, submissionId)).toHaveLength(1);
  });

  it('a note for every unit of a two-unit account, the store stopping after the first unit: the retry completes it, one note per unit and no more', async () => {
    const account = take(2);
    const { submit, submissionId } = await filledForm(account);
    expect(submit.units).toBe('*all');
    stopBeforeNoteWrite = { skip: 1 };
    expectTryAgainCard(await press(submit));
    await gated.start();
    // Half-way: the first unit's note is stored, the second is not.
    expect((await notesOf(account.id, submissionId)).map((n) => n.unitIds)).toEqual([[account.units[0]!.id]]);

    expect(shownText((await press(submit)).result)).toContain('Note saved');
    await press(submit);
    const notes = await notesOf(account.id, submissionId);
    expect(notes.map((n) => n.unitIds[0]).sort()).toEqual(account.units.map((u) => u.id).sort());
  });

  // When the store fails, the answer keeps what was typed: "Try again" sends the same press (verb, typed
  // values, submission id) again, and the submission saves exactly once when the store is back.
  it('the "try again" card keeps the values typed and the same submission, and its button saves once', async () => {
    const account = take(1);
    const { submit, submissionId } = await filledForm(account);
    stopBeforeNoteWrite = { skip: 0 };
    const { result } = await press(submit);
    const [card] = cardsOf(result);
    expect(shownText(result)).toMatch(/what you typed is kept/i);
    const retry = actionsOf(card).find((a) => a.title === 'Try again');
    expect(retry?.verb).toBe(NOTE_VERBS.submit);
    expect(retry?.data).toMatchObject({ submissionId, callerName: GOOD_NOTE.callerName, reason: GOOD_NOTE.reason, resolution: GOOD_NOTE.resolution, disposition: GOOD_NOTE.disposition });
    await gated.start();
    const again = await press(retry!.data as Record<string, unknown>);
    expect(shownText(again.result)).toContain('Note saved');
    expect(await notesOf(account.id, submissionId)).toHaveLength(1);
  });

  // A note for several units is written one document per unit; when the store fails after the first,
  // the card no longer claims "nothing was changed" (the retry completes it without duplicates).
  it('a failure after some units were written does not claim "nothing was changed"', async () => {    const account = take(2);
    const { submit, submissionId } = await filledForm(account);
    stopBeforeNoteWrite = { skip: 1 };
    const { result } = await press(submit);
    await gated.start();
    expect(await notesOf(account.id, submissionId)).toHaveLength(1);
    expect(shownText(result)).not.toMatch(/nothing was changed/i);
  });
});

/** The same real container; `before()` runs (and is awaited) before each `items.create` goes out. */
function stoppingBeforeCreate(container: Container, before: () => Promise<void>): Container {
  const items = new Proxy(container.items, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (property !== 'create') return fn.bind(target);
      return async (...args: unknown[]) => {
        await before();
        return fn.apply(target, args);
      };
    },
  });
  return new Proxy(container, {
    get(target, property) {
      if (property === 'items') return items;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
