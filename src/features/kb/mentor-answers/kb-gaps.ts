import type { KbFeedbackDoc } from '../kb.schemas';

/** How far back `kb gaps` looks, in UTC days (today included), and how many gaps it lists. */
export const GAP_WINDOW_DAYS = 30;
export const GAP_LIMIT = 10;

/** A question the KB did not answer well, counted over the window. */
export interface KbGap {
  /** The latest wording asked. */
  question: string;
  /** Times the KB found no confident answer. */
  unanswered: number;
  /** Times an agent pressed "Ask a mentor" for it. */
  mentorRequests: number;
  /** Thumbs-down on the answer it got. */
  dislikes: number;
  /** When it was last asked or rated (ISO). */
  lastAt: string;
}

/** The documents `kb gaps` reads: unanswered questions, mentor requests and thumbs-down feedback. */
export type GapDoc = Extract<KbFeedbackDoc, { kind: 'unanswered' | 'mentor-request' | 'feedback' }>;

/** Case, punctuation and spacing do not make a different question. */
export function normalizeQuestion(question: string): string {
  return question.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The last `count` UTC days up to `now`, newest first, as the `kbfeedback` partition keys. */
export function lastDays(now: Date, count = GAP_WINDOW_DAYS): string[] {
  return Array.from({ length: count }, (_, i) => new Date(now.getTime() - i * 86_400_000).toISOString().slice(0, 10));
}

/** How often a gap came up: each unanswered ask or its mentor request (not both), plus thumbs-down. */
export const gapWeight = (g: KbGap) => Math.max(g.unanswered, g.mentorRequests) + g.dislikes;

/**
 * The most frequent gaps, most frequent first (then the most recent): questions grouped by their
 * normalized text, leaving out `answered` (normalized questions a mentor answer already covers).
 */
export function rankGaps(docs: readonly GapDoc[], answered: ReadonlySet<string>, limit = GAP_LIMIT): KbGap[] {
  const byKey = new Map<string, KbGap>();
  for (const doc of docs) {
    if (doc.kind === 'feedback' && (doc.reaction !== 'dislike' || doc.answerMatchedBy === 'none')) continue;
    const key = normalizeQuestion(doc.question);
    if (!key || answered.has(key)) continue;
    const gap = byKey.get(key) ?? { question: doc.question, unanswered: 0, mentorRequests: 0, dislikes: 0, lastAt: doc.at };
    if (doc.kind === 'unanswered') gap.unanswered += 1;
    else if (doc.kind === 'mentor-request') gap.mentorRequests += 1;
    else gap.dislikes += 1;
    if (doc.at >= gap.lastAt) Object.assign(gap, { lastAt: doc.at, question: doc.question.trim() });
    byKey.set(key, gap);
  }
  return [...byKey.values()].sort((a, b) => gapWeight(b) - gapWeight(a) || b.lastAt.localeCompare(a.lastAt)).slice(0, limit);
}
