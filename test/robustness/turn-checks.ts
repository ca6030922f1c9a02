import type { Activity } from 'botbuilder';
import { z } from 'zod/v4';
import { accountSchema, lookupSchema, nameLookupSchema } from '../../src/features/accounts/accounts.schemas';
import { CARD_BYTE_LIMIT } from '../../src/features/accounts/cards/constants';
import { escalationSchema } from '../../src/features/escalations/escalations.schemas';
import { mentorAnswerSchema } from '../../src/features/kb/mentor-answers/mentor-answers.schemas';
import { kbFeedbackDocSchema } from '../../src/features/kb/kb.schemas';
import { linkDocumentSchema, userLinkDocumentSchema } from '../../src/features/links/links.schemas';
import { locationSchema } from '../../src/features/locations/locations.schemas';
import { noteSchema } from '../../src/features/notes/notes.schemas';
import { personSchema } from '../../src/features/people/people.schemas';
import { quickResponseSchema } from '../../src/features/quick-responses/quick-responses.schemas';
import { taskSchema } from '../../src/features/tasks/tasks.schemas';
import type { ContainerName } from '../../src/store/containers';
import type { Store } from '../../src/store/cosmos-store';
import { cardText } from '../accounts/verify/card-helpers';
import { cardsOf } from './card-samples';
import type { TurnResult, WriteRecord } from './robust-bot';

/** The zod schema every stored document of each container must pass (turn state has none of its own). */
export const DOCUMENT_SCHEMAS: Partial<Record<ContainerName, z.ZodType>> = {
  accounts: accountSchema,
  lookups: z.union([lookupSchema, nameLookupSchema]),
  notes: noteSchema,
  tasks: taskSchema,
  escalations: escalationSchema,
  people: personSchema,
  locations: locationSchema,
  conversations: z.union([linkDocumentSchema, userLinkDocumentSchema]),
  kbfeedback: kbFeedbackDocSchema,
  quickresponses: quickResponseSchema,
  kbentries: mentorAnswerSchema,
};

/** Containers a turn may write to without the user asking (where to reach people, turn state). */
const BOOKKEEPING = new Set<ContainerName>(['conversations', 'botstate']);

/** What a card says when it changed nothing. */
const NOTHING_SAVED = /nothing (new )?was (saved|changed|written|added|stored)|nothing was (added twice|changed a second time)|out of date|not set up in Deskmate|role does not allow/i;
/** Signs of a crash shown to the user: error names, stack frames, source paths, values printed as code. */
const CRASH_SIGNS = /\b(TypeError|ReferenceError|SyntaxError|RangeError|ZodError|CosmosError|ECONNREFUSED)\b|\n\s+at [\w.<>$]+ \(|node_modules|\.ts:\d+:\d+/;
const PRINTED_AS_CODE = ['[object Object]', 'undefined', 'NaN'];

/** Everything a person reads in what the turn showed. */
export function shownText(result: Pick<TurnResult, 'body' | 'messages'>): string {
  const body = result.body as { type?: string; value?: unknown } | undefined;
  const parts = cardsOf(result).map((card) => cardText(card));
  if (typeof body?.value === 'string') parts.push(body.value);
  for (const message of result.messages as Partial<Activity>[]) if (message.text) parts.push(message.text);
  return parts.join('\n');
}

/** Why a stored document fails its container's schema, or undefined when it passes. */
export function schemaProblem(write: Pick<WriteRecord, 'container' | 'resource' | 'id'>): string | undefined {
  const schema = DOCUMENT_SCHEMAS[write.container];
  if (!schema || !write.resource) return undefined;
  const parsed = schema.safeParse(write.resource);
  return parsed.success ? undefined : `${write.container}/${write.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`;
}

type PersonRef = { id?: unknown } | undefined;

/**
 * Who a written document says did it: the note's author, a new task's or request's requester, the
 * last history entry of a task or request, who last changed a mentor answer or a quick response, who
 * gave KB feedback. Whatever a card claims, that must be the person who pressed.
 */
export function actorsOf(write: WriteRecord): string[] {
  const doc = write.resource;
  if (!doc) return [];
  const refs: PersonRef[] = [];
  if (write.container === 'notes') refs.push(doc.author as PersonRef);
  if (write.container === 'tasks' || write.container === 'escalations') {
    if (write.op === 'create') refs.push(doc.requester as PersonRef);
    refs.push((doc.history as { by?: PersonRef }[] | undefined)?.at(-1)?.by);
  }
  if (write.container === 'kbentries' || write.container === 'quickresponses') refs.push(doc.updatedBy as PersonRef);
  if (write.container === 'kbfeedback' && typeof doc.userId === 'string') refs.push({ id: doc.userId });
  return refs.map((ref) => String(ref?.id));
}

/**
 * What is wrong with how a turn answered one press: no invoke answer or not a card (Action.Execute),
 * no reply (Action.Submit), crash signs in what the user reads, an unexpected error, a card over the
 * Teams limit, a write although the card says nothing was saved (or the turn was refused), a stored
 * document that fails its schema, or one that names someone other than `senderId` as who did it.
 * Empty when all is well.
 */
export function turnProblems(result: TurnResult, kind: 'execute' | 'submit', payloadText: string, senderId?: string): string[] {
  const problems: string[] = [];
  const cards = cardsOf(result);
  if (kind === 'execute') {
    const body = result.body as { type?: string } | undefined;
    if (result.status !== 200) problems.push(`invoke answered ${result.status ?? 'nothing'}`);
    else if (body?.type !== 'application/vnd.microsoft.card.adaptive') problems.push(`invoke answered ${body?.type ?? 'no body'}, not a card`);
  } else if (!result.messages.length) {
    problems.push('no reply to the Action.Submit');
  }
  for (const card of cards) {
    if (card.type !== 'AdaptiveCard' || !Array.isArray(card.body) || card.body.length === 0) problems.push('a card with no body');
    const bytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
    if (bytes >= CARD_BYTE_LIMIT) problems.push(`a card of ${bytes} bytes (Teams refuses over ${CARD_BYTE_LIMIT})`);
  }
  const text = shownText(result);
  const crash = CRASH_SIGNS.exec(text);
  if (crash && !payloadText.includes(crash[0])) problems.push(`shows "${crash[0]}"`);
  for (const sign of PRINTED_AS_CODE) if (text.includes(sign) && !payloadText.includes(sign)) problems.push(`shows "${sign}"`);
  if (result.outcome === 'error' || result.errors.length) problems.push(`unexpected error: ${result.errors.map((e) => (e.err as { message?: string } | undefined)?.message ?? e.msg).join('; ')}`);
  const userWrites = result.writes.filter((w) => !BOOKKEEPING.has(w.container));
  const refused = result.outcome === 'refused' || result.outcome === 'user_error' || result.outcome === 'error' || NOTHING_SAVED.test(text);
  if (refused && userWrites.length) problems.push(`wrote ${userWrites.map((w) => `${w.container}:${w.op}`).join(', ')} although the answer was "${text.split('\n')[0]}"`);
  for (const write of result.writes) {
    const problem = schemaProblem(write);
    if (problem) problems.push(`stored a document that fails its schema: ${problem}`);
    const others = senderId ? actorsOf(write).filter((id) => id !== senderId) : [];
    if (others.length) problems.push(`stored ${write.container}/${write.id} as done by ${others.join(', ')}, not by ${senderId} who pressed`);
  }
  return problems;
}

/** Every document in every container that fails its schema (the whole store, read back through the SDK). */
export async function invalidDocuments(store: Store): Promise<string[]> {
  const out: string[] = [];
  for (const [name, container] of Object.entries(store.containers) as [ContainerName, Store['containers'][ContainerName]][]) {
    if (!DOCUMENT_SCHEMAS[name]) continue;
    const { resources } = await container.items.readAll<Record<string, unknown> & { id: string }>().fetchAll();
    for (const resource of resources) {
      const problem = schemaProblem({ container: name, resource, id: resource.id });
      if (problem) out.push(problem);
    }
  }
  return out;
}

/** How many documents each container holds. */
export async function documentCounts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, container] of Object.entries(store.containers)) {
    const { resources } = await container.items.query<number>('SELECT VALUE COUNT(1) FROM c').fetchAll();
    out[name] = resources[0] ?? 0;
  }
  return out;
}
