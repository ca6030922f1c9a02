import type { Activity } from 'botbuilder';
import { seedDemoData } from '../../../src/demo/seed-demo-data';
import type { Account } from '../../../src/features/accounts/accounts.schemas';
import { AccountsStore } from '../../../src/features/accounts/accounts.store';
import { CONTACT_VERBS } from '../../../src/features/accounts/contact';
import type { Note } from '../../../src/features/notes/notes.schemas';
import { createBotHarness, visibleText, type TestUser } from '../../helpers/bot-harness';

export type Card = { type: string; body: Node[]; actions?: Node[] };
type Node = Record<string, unknown> & { type: string };

/**
 * The real bot (teams-ai Application, embedded Cosmos with the demo data) with the contact routes
 * added the way the bot wires them, and helpers that press the form's buttons like Teams does.
 */
export async function createContactBot() {
  const bot = await createBotHarness({ memoryState: true });
  await seedDemoData(bot.store, { today: '2026-11-22', force: true });
  // The bot registers the contact routes itself (createBot); the harness only drives them.
  const { containers } = bot.store;
  const accounts = new AccountsStore(containers.accounts, containers.lookups);

  /** Presses an Action.Execute button: returns the card that replaces it. */
  async function execute(verb: string, data: unknown, user: TestUser = 'agent'): Promise<Card> {
    const reply = await bot.sendInvoke({ name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } }, user);
    const body = reply.body as { statusCode: number; type: string; value: Card };
    if (reply.status !== 200 || body.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`unexpected invoke response ${JSON.stringify(reply)}`);
    return body.value;
  }

  /** Sends the form's Save with its inputs as shown, changed by `typed`. */
  function submit(form: Card, typed: Record<string, unknown> = {}, user: TestUser = 'agent'): Promise<Card> {
    return execute(CONTACT_VERBS.submit, submitData(form, typed), user);
  }

  /** The demo customers who speak `language`; each test takes its own. */
  async function customers(language: 'en' | 'fr' = 'en'): Promise<Account[]> {
    const query = { query: 'SELECT * FROM c WHERE c.kind = "customer" AND c.language = @language', parameters: [{ name: '@language', value: language }] };
    return (await containers.accounts.items.query<Account>(query).fetchAll()).resources;
  }

  /** The contact-update notes written for an account. */
  async function contactNotes(accountId: string): Promise<Note[]> {
    const query = { query: 'SELECT * FROM c WHERE c.accountId = @id AND STARTSWITH(c.id, "contact-")', parameters: [{ name: '@id', value: accountId }] };
    return (await containers.notes.items.query<Note>(query, { partitionKey: accountId }).fetchAll()).resources;
  }

  return {
    bot,
    accounts,
    execute,
    submit,
    customers,
    contactNotes,
    open: (accountId: string, user: TestUser = 'agent') => execute(CONTACT_VERBS.open, { accountId }, user),
    close: () => bot.close(),
  };
}

/** Every element of a card, depth first. */
export function elements(card: Card): Node[] {
  const out: Node[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (typeof (node as Node).type === 'string') out.push(node as Node);
      Object.values(node).forEach(walk);
    }
  };
  walk(card.body);
  walk(card.actions);
  return out;
}

/** The input with that id. */
export function input(card: Card, id: string): Node {
  const found = elements(card).find((e) => e.type.startsWith('Input.') && e.id === id);
  if (!found) throw new Error(`no input ${id}`);
  return found;
}

/** The element shown right after an input in its container (where the form puts a field's error). */
export function nextTo(card: Card, id: string): Node | undefined {
  const body = card.body;
  const index = body.findIndex((e) => e.id === id);
  return index >= 0 ? body[index + 1] : undefined;
}

/** What Teams sends for the Save button: its data and every input's value, with `typed` applied. */
export function submitData(form: Card, typed: Record<string, unknown> = {}): Record<string, unknown> {
  const save = (form.actions ?? []).find((a) => a.verb === CONTACT_VERBS.submit);
  if (!save) throw new Error('the form has no Save button');
  const values = Object.fromEntries(elements(form).filter((e) => e.type.startsWith('Input.')).map((e) => [e.id as string, e.value ?? '']));
  return { ...(save.data as Record<string, unknown>), ...values, ...typed };
}

/** The text a user reads on a card. */
export function shown(card: Card): string {
  return visibleText([{ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] } as Partial<Activity>]);
}
