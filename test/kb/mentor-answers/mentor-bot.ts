import type { Activity } from 'botbuilder';
import { createBotHarness, visibleText, type TestUser } from '../../helpers/bot-harness';
import { actionsOf, cardText, type Card } from '../../accounts/verify/card-helpers';
import { inputsOf } from '../../notes/note-harness';
import type { MentorAnswer } from '../../../src/features/kb/mentor-answers/mentor-answers.schemas';

export { actionsOf, cardText, inputsOf, type Card };

export type CitationEntity = { '@type': string; citation: { position: number; appearance: { name: string; abstract: string; url?: string } }[] };

/** The citations of an answer message. */
export function citationsOf(reply: Partial<Activity>): CitationEntity['citation'] {
  return ((reply.entities as CitationEntity[] | undefined) ?? []).find((e) => e['@type'] === 'Message')?.citation ?? [];
}

/**
 * The real bot (teams-ai Application, embedded Cosmos, sample KB) and helpers that press card buttons
 * the way Teams does: an Action.Execute invoke with the button's data and the card's inputs.
 */
export async function createMentorBot() {
  const bot = await createBotHarness({ memoryState: true });

  async function execute(verb: string, data: unknown, user: TestUser = 'mentor'): Promise<Card> {
    const reply = await bot.sendInvoke({ name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } }, user);
    const body = reply.body as { type: string; value: Card };
    if (reply.status !== 200 || body.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`unexpected invoke response ${JSON.stringify(reply)}`);
    return body.value;
  }

  /** Presses the first button titled `title` on `card`, with the card's inputs as typed plus `typed`. */
  function press(card: Card, title: string, typed: Record<string, unknown> = {}, user: TestUser = 'mentor'): Promise<Card> {
    const action = actionsOf(card).find((a) => a.title === title && a.type === 'Action.Execute');
    if (!action?.verb) throw new Error(`no "${title}" button on the card: ${actionsOf(card).map((a) => a.title).join(', ')}`);
    return execute(action.verb, { ...inputsOf(card), ...action.data, ...typed }, user);
  }

  /** The card a typed command answers with. */
  async function command(text: string, user: TestUser = 'mentor'): Promise<Card> {
    const replies = await bot.say(text, user);
    return replies[0]!.attachments![0]!.content as Card;
  }

  async function stored(): Promise<MentorAnswer[]> {
    return (await bot.store.containers.kbentries.items.query<MentorAnswer>('SELECT * FROM c').fetchAll()).resources;
  }

  return { bot, execute, press, command, stored, text: cardText, visibleText, close: () => bot.close() };
}
