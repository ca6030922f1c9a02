import { seedDemoData } from '../../src/demo/seed-demo-data';
import type { Account } from '../../src/features/accounts/accounts.schemas';
import type { Note } from '../../src/features/notes/notes.schemas';
import { NOTE_VERBS } from '../../src/features/notes/form/note-form.schemas';
import { createBotHarness, visibleText, type TestUser } from '../helpers/bot-harness';
import { actionsOf, cardText, elementById, type Card } from '../accounts/verify/card-helpers';

export { actionsOf, cardText, elementById, type Card };

/**
 * The real bot (teams-ai Application, embedded Cosmos with the demo data) and helpers that press the
 * note cards' buttons the way Teams does: an Action.Execute invoke with the button's data and the
 * card's inputs.
 */
export async function createNoteBot() {
  const bot = await createBotHarness({ memoryState: true });
  await seedDemoData(bot.store, { today: '2026-11-22', force: true });
  const { containers } = bot.store;
  const customers = (await containers.accounts.items.query<Account>('SELECT * FROM c WHERE c.kind = "customer"').fetchAll()).resources;
  const taken = new Set<string>();

  /** A demo customer no other test has used, with at least (or exactly) this many units. */
  function take(units: number, exact = false): Account {
    const account = customers.find((a) => !taken.has(a.id) && (exact ? a.units.length === units : a.units.length >= units));
    if (!account) throw new Error(`no demo customer with ${units} units left`);
    taken.add(account.id);
    return account;
  }

  /** Presses an Action.Execute button: returns the card that replaces it. */
  async function execute(verb: string, data: unknown, user: TestUser = 'agent'): Promise<Card> {
    const reply = await bot.sendInvoke({ name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } }, user);
    const body = reply.body as { type: string; value: Card };
    if (reply.status !== 200 || body.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`unexpected invoke response ${JSON.stringify(reply)}`);
    return body.value;
  }

  /** Presses the button titled `title` on `card`, with the card's inputs as typed plus `typed`. */
  function press(card: Card, title: string, typed: Record<string, unknown> = {}, user: TestUser = 'agent'): Promise<Card> {
    const action = actionsOf(card).find((a) => a.title === title);
    if (!action?.verb) throw new Error(`no "${title}" button on the card: ${actionsOf(card).map((a) => a.title).join(', ')}`);
    return execute(action.verb, { ...inputsOf(card), ...action.data, ...typed }, user);
  }

  async function notesOf(accountId: string): Promise<Note[]> {
    const query = { query: 'SELECT * FROM c WHERE c.accountId = @id', parameters: [{ name: '@id', value: accountId }] };
    return (await containers.notes.items.query<Note>(query, { partitionKey: accountId }).fetchAll()).resources;
  }

  return {
    bot,
    take,
    execute,
    press,
    notesOf,
    open: (accountId: string, user: TestUser = 'agent') => execute(NOTE_VERBS.open, { accountId }, user),
    text: (card: Card) => cardText(card),
    visibleText,
    close: () => bot.close(),
  };
}

/** Each input's current value, as Teams sends them with a button press. */
export function inputsOf(card: Card): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') values[o.id] = o.value ?? '';
      Object.values(o).forEach(walk);
    }
  };
  walk(card.body);
  return values;
}

/** The good pair: the two example notes of the notes policy, in the form's fields (self-storage words). */
export const GOOD_NOTE = {
  callerName: 'Alexander Erickson',
  callerRelationship: 'Son',
  reason: "CT is asking for a refund: he moved his father's things out two months ago and the account is still being charged. He also wanted to change the email on the account.",
  resolution:
    'Verified previous agent Max did not process the move-out on June 3rd although the notes said it was done. Explained why the charges happened and apologized. Changed email from alexmart@example.com to alex.cmart@example.com. Processed the move-out and sent a confirmation to the new email. Submitted refund request for $49.98, approved by TL Anna. Told CT the refund takes 7-10 business days depending on his bank. CT understood.',
  additionalInfo: '',
  followUp: 'N/A',
  disposition: 'Billing › Credit/Refund',
};
