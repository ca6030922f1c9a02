import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ACCOUNT_VERBS } from '../../src/features/accounts/cards/constants';
import { CONTACT_VERBS } from '../../src/features/accounts/contact/contact.schemas';
import { PROMISE_VERBS } from '../../src/features/accounts/promise/promise.schemas';
import { VERIFY_VERBS } from '../../src/features/accounts/verify/verify.schemas';
import { ESCALATION_VERBS } from '../../src/features/escalations/escalations.verbs';
import { KB_VERBS } from '../../src/features/kb/kb.cards';
import { MENTOR_ANSWER_VERBS } from '../../src/features/kb/mentor-answers/mentor-answers.schemas';
import { NOTE_VERBS } from '../../src/features/notes/form/note-form.schemas';
import { PEOPLE_VERBS } from '../../src/features/people/manage/people-manage.schemas';
import { QUICK_RESPONSE_VERBS } from '../../src/features/quick-responses/quick-responses.schemas';
import { TASK_VERBS } from '../../src/features/tasks/tasks.verbs';

/** Every exported `*_VERBS` constant of the features, by its exported name. */
export const VERB_CONSTANTS: Record<string, Record<string, string>> = {
  ACCOUNT_VERBS,
  CONTACT_VERBS,
  VERIFY_VERBS,
  PROMISE_VERBS,
  NOTE_VERBS,
  TASK_VERBS,
  ESCALATION_VERBS,
  QUICK_RESPONSE_VERBS,
  PEOPLE_VERBS,
  MENTOR_ANSWER_VERBS,
  KB_VERBS,
};

/** Every card verb the bot's cards carry, each once. */
export const ALL_VERBS: string[] = [...new Set(Object.values(VERB_CONSTANTS).flatMap((verbs) => Object.values(verbs)))];

/** Verbs that only come as an Action.Submit message (the list card's buttons, "Ask a mentor"). */
export const SUBMIT_ONLY = new Set<string>([ACCOUNT_VERBS.open, ACCOUNT_VERBS.page, KB_VERBS.askMentor]);
/** Verbs that only come as an Action.Execute invoke ("Update contact" has no Action.Submit fallback). */
export const EXECUTE_ONLY = new Set<string>(Object.values(CONTACT_VERBS));

/** A made-up verb under each prefix that a feature answers as out of date (registerStaleVerbs, contact). */
export const STALE_VERBS = ['note.zzz', 'task.zzz', 'escalation.zzz', 'quick.zzz', 'people.zzz', 'mentorAnswer.zzz', 'account.verify.zzz', 'account.promise.zzz', 'contact.zzz'];

/**
 * Action.Execute verbs no route takes today: the Submit-only verbs pressed as Execute, made-up verbs
 * under the account and kb prefixes, and verbs under no prefix at all.
 */
export const UNROUTED_EXECUTE_VERBS = [ACCOUNT_VERBS.open, ACCOUNT_VERBS.page, KB_VERBS.askMentor, 'account.zzz', 'kb.zzz', 'zzz', ''];

const SRC = resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Names of the `export const X_VERBS = {` constants declared anywhere in src. */
export function declaredVerbConstants(): string[] {
  return sourceFiles(SRC).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/export const (\w+_VERBS) = \{/g)].map((m) => m[1]!));
}

/** Verb strings written as literals in src (`verb: 'x.y'`, `verb === 'x.y'`, `z.literal('x.y')` next to a verb). */
export function literalVerbs(): string[] {
  return sourceFiles(SRC).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/verb\??\s*(?:===|:)\s*(?:z\.literal\()?'(\w+\.[\w.]+)'/g)].map((m) => m[1]!));
}
